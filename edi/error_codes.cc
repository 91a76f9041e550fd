#include "edi/error_codes.h"

#include <array>

namespace edi {
namespace {

using L = ErrorLevel;

// X12 values are from the 997/999 code lists (AK304/IK304 segment syntax error codes, AK403/IK403
// element syntax error codes, AK502/IK502 set syntax error codes, AK905 group error codes) and
// TA105 interchange note codes; EDIFACT values from code list 0085 (ISO 9735).
constexpr std::array<ErrorCode, 40> kCodes{{
    {"interchange.control-mismatch", L::interchange, "001", "001", "28", "interchange control numbers in header and trailer differ"},
    {"interchange.version-unsupported", L::interchange, "003", "003", "2", "interchange syntax version not supported"},
    {"interchange.bad-date", L::interchange, "014", "014", "12", "invalid interchange date"},
    {"interchange.bad-time", L::interchange, "015", "015", "12", "invalid interchange time"},
    {"interchange.bad-control", L::interchange, "018", "018", "12", "invalid interchange control number"},
    {"interchange.count-mismatch", L::interchange, "021", "021", "29", "number of included groups or messages does not match the trailer"},
    {"interchange.structure", L::interchange, "022", "022", "33", "invalid control structure"},
    {"interchange.truncated", L::interchange, "023", "023", "13", "the file ends before the interchange trailer"},
    {"interchange.header", L::interchange, "024", "024", "12", "invalid interchange header content"},
    {"group.unsupported", L::group, "1", "1", "15", "functional group not supported"},
    {"group.version-unsupported", L::group, "2", "2", "2", "functional group version not supported"},
    {"group.trailer-missing", L::group, "3", "3", "13", "functional group trailer missing"},
    {"group.control-mismatch", L::group, "4", "4", "28", "group control numbers in header and trailer differ"},
    {"group.count-mismatch", L::group, "5", "5", "29", "number of included messages does not match the group trailer"},
    {"message.unsupported", L::message, "1", "1", "15", "transaction set / message type not supported"},
    {"message.trailer-missing", L::message, "2", "2", "13", "transaction set / message trailer missing"},
    {"message.control-mismatch", L::message, "3", "3", "28", "control numbers in message header and trailer differ"},
    {"message.count-mismatch", L::message, "4", "4", "29", "segment count in the trailer does not match"},
    // CONTRL says "errors below" by having UCS / UCD, not with a code of its own.
    {"message.segment-errors", L::message, "5", "5", "", "one or more segments in error"},
    {"message.bad-control", L::message, "7", "7", "12", "missing or invalid message control number"},
    {"segment.unknown", L::segment, "1", "1", "15", "unrecognized segment tag"},
    {"segment.unexpected", L::segment, "2", "2", "15", "segment not expected at this place"},
    {"segment.missing", L::segment, "3", "3", "13", "mandatory segment missing"},
    {"loop.too-many", L::segment, "4", "4", "36", "loop occurs more often than allowed"},
    {"segment.too-many", L::segment, "5", "5", "35", "segment occurs more often than allowed"},
    {"segment.not-in-message", L::segment, "6", "6", "15", "segment not defined in this message"},
    {"segment.out-of-order", L::segment, "7", "7", "15", "segment not in proper sequence"},
    {"segment.element-errors", L::segment, "8", "8", "", "segment has data element errors"},
    {"element.missing", L::element, "1", "1", "13", "mandatory data element missing"},
    {"element.conditional-missing", L::element, "2", "2", "13", "conditionally required data element missing"},
    {"element.too-many", L::element, "3", "3", "16", "too many data elements"},
    {"element.too-short", L::element, "4", "4", "40", "data element too short"},
    {"element.too-long", L::element, "5", "5", "39", "data element too long"},
    {"element.invalid-character", L::element, "6", "6", "21", "invalid character in data element"},
    {"element.invalid-code", L::element, "7", "7", "12", "invalid code value"},
    {"element.invalid-date", L::element, "8", "8", "12", "invalid date"},
    {"element.invalid-time", L::element, "9", "9", "12", "invalid time"},
    {"element.exclusion-violated", L::element, "10", "10", "12", "exclusion condition violated"},
    // 004010's 997 knows codes 1-10 only: the nearest there is 6 (invalid character).
    {"element.too-many-repetitions", L::element, "6", "12", "35", "too many repetitions"},
    {"element.too-many-components", L::element, "6", "13", "16", "too many components"},
}};

}  // namespace

const ErrorCode& errorCode(std::string_view code) {
  for (const ErrorCode& entry : kCodes) {
    if (entry.code == code) return entry;
  }
  static const ErrorCode kInterchange{"interchange.other", L::interchange, "024", "024", "18", "interchange error"};
  static const ErrorCode kGroup{"group.other", L::group, "5", "5", "18", "functional group error"};
  static const ErrorCode kMessage{"message.other", L::message, "5", "5", "18", "message error"};
  static const ErrorCode kSegment{"segment.other", L::segment, "8", "8", "18", "segment error"};
  static const ErrorCode kElement{"element.other", L::element, "6", "6", "18", "data element error"};
  if (code.starts_with("interchange.")) return kInterchange;
  if (code.starts_with("group.")) return kGroup;
  if (code.starts_with("message.")) return kMessage;
  if (code.starts_with("segment.") || code.starts_with("loop.")) return kSegment;
  return kElement;
}

}  // namespace edi
