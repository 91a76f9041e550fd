// The stable codes of validation errors and what each acknowledgment says for them: X12 997
// (AK304 / AK403 / AK502 / AK905), 999 (IK304 / IK403 / IK502), TA1 (TA105) and EDIFACT CONTRL
// (0085 syntax error code). One table, so every ack speaks the same facts.
#pragma once

#include <string_view>

namespace edi {

enum class ErrorLevel { interchange, group, message, segment, element };

struct ErrorCode {
  std::string_view code;         // e.g. "element.too-long"
  ErrorLevel level;
  std::string_view x12;          // 997 code at this level (004010)
  std::string_view x12v5;        // 999 code at this level (005010)
  std::string_view edifact;      // CONTRL 0085
  std::string_view description;  // what a person reads
};

// The entry for a stable code; an unknown code maps to a generic entry of its level.
const ErrorCode& errorCode(std::string_view code);

}  // namespace edi
