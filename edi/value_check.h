// Checks one data element value against its definition: characters for its type, length, code
// list, and real dates and times. Internal to the validator; exposed for its tests.
#pragma once

#include "edi/delimiters.h"
#include "edi/message_spec.h"

#include <string_view>

namespace edi {

struct ValueRules {
  Standard standard = Standard::x12;
  char release = 0;    // EDIFACT release character: not counted in lengths
  char decimal = '.';  // EDIFACT decimal mark (UNA), '.' or ','
  bool controlBytes = true;  // false when the caller knows the segment holds no byte below 0x20
};

// The stable code of the first problem ("element.too-long", ...), or empty when the value is
// valid. `value` is non-empty and raw (release characters as written).
std::string_view checkValue(std::string_view value, const ElementUse& use, const ValueRules& rules);

bool isValidDate(std::string_view digits);  // CCYYMMDD or YYMMDD
bool isValidTime(std::string_view digits);  // HHMM, HHMMSS, HHMMSSd..

}  // namespace edi
