// What validation found, shaped for acknowledgments: per interchange, functional group and
// message, the segment and element errors with the positions and codes acks carry. Reports are
// handed to a listener as each envelope closes, so memory stays bounded on any file size.
#pragma once

#include "edi/delimiters.h"

#include <cstdint>
#include <string>
#include <vector>

namespace edi {

struct ElementError {
  std::uint32_t position = 0;    // in the segment
  std::uint32_t component = 0;   // in the composite, 0 when not a composite
  std::uint32_t repetition = 0;  // 0 when the element does not repeat
  std::string elementId;         // dictionary reference number (X12 AK404, EDIFACT data element tag)
  std::string code;              // stable code, see edi/error_codes.h
  std::string badValue;          // a copy of the bad data, cut to 99 characters
};

struct SegmentError {
  std::string tag;
  std::uint32_t positionInMessage = 0;  // ST / UNH is 1
  std::string loopId;                   // of the loop the segment is in, when in one
  std::string code;                     // stable segment-level code, or "segment.element-errors"
  std::vector<ElementError> elements;
};

struct MessageReport {
  std::uint32_t index = 0;       // in its group (X12) or interchange (EDIFACT)
  std::string type;              // ST01 / UNH 0065
  std::string controlNumber;     // ST02 / UNH 0062
  std::string implementation;    // X12 ST03 (5010)
  std::string identifier;        // EDIFACT UNH S009 as received (type:version:release:agency)
  std::string version;           // the definitions used: 004010, D96A; empty when none
  std::vector<SegmentError> segmentErrors;
  std::vector<std::string> messageErrors;  // stable codes: trailer count and control number, no definition
  std::uint32_t segmentErrorsDropped = 0;  // beyond the cap kept per message

  bool accepted() const { return segmentErrors.empty() && messageErrors.empty(); }
};

struct GroupReport {
  std::uint32_t index = 0;
  std::string functionalId;   // GS01 / UNG 0038
  std::string controlNumber;  // GS06 / UNG 0048
  std::string version;        // GS08
  std::string sender, receiver;  // GS02, GS03 / UNG S006 0040, S007 0044 (as written, escapes kept)
  std::string senderQualifier, receiverQualifier;  // EDIFACT UNG S006, S007 0007
  std::uint32_t messagesReceived = 0;
  std::uint32_t messagesDeclared = 0;  // GE01 / UNE01 as the trailer says (received, when unreadable)
  std::uint32_t messagesAccepted = 0;
  std::vector<std::string> groupErrors;  // stable codes: GE count and control number
};

struct InterchangeReport {
  std::uint32_t index = 0;
  Standard standard = Standard::x12;
  Delimiters delimiters;
  std::string controlNumber;  // ISA13 / UNB 0020
  std::string senderQualifier, sender, receiverQualifier, receiver;
  std::string date, time;     // ISA09/ISA10, UNB S004
  std::string version;        // ISA12 / UNB syntax version (0002)
  std::string syntaxId;       // EDIFACT character set (UNOA...)
  bool acknowledgmentRequested = false;  // ISA14 = 1 / UNB 0031 = 1
  bool test = false;
  std::uint32_t groups = 0;
  std::uint32_t messages = 0;
  std::vector<std::string> interchangeErrors;  // stable codes: IEA/UNZ count and control number
};

// Receives reports as envelopes close: messages first, then their group, then the interchange.
class ValidationListener {
 public:
  virtual ~ValidationListener() = default;
  virtual void interchangeStarted(const InterchangeReport&) {}
  virtual void groupStarted(const InterchangeReport&, const GroupReport&) {}
  virtual void messageEnded(const InterchangeReport&, const GroupReport*, const MessageReport&) {}
  virtual void groupEnded(const InterchangeReport&, const GroupReport&) {}
  virtual void interchangeEnded(const InterchangeReport&) {}
};

}  // namespace edi
