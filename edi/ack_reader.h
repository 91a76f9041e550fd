// Reads the acknowledgments partners send back (X12 TA1, 997, 999; EDIFACT CONTRL) and matches
// them to what was sent, by control numbers, so a sender knows what was accepted or rejected.
#pragma once

#include "edi/byte_source.h"
#include "edi/diagnostic.h"
#include "edi/error_codes.h"

#include <optional>
#include <string>
#include <vector>

namespace edi {

enum class AckStatus { accepted, acceptedWithErrors, partiallyAccepted, rejected };

const char* ackStatusName(AckStatus status);

// One verdict of an acknowledgment, on an interchange, a functional group or a message.
struct AckEntry {
  ErrorLevel level = ErrorLevel::message;
  std::string interchangeControl;  // TA101 / UCI 0020 (X12 997 entries do not name the interchange)
  std::string groupControl;        // AK102 (X12)
  std::string messageControl;      // AK202 / UCM 0062
  std::string messageType;         // AK201 / UCM S009 type
  AckStatus status = AckStatus::accepted;
  std::vector<std::string> codes;    // as the ack gives them: AK5/IK5, AK9, TA105, 0085
  std::vector<std::string> details;  // segment and element errors, e.g. "AK3 BSN at 2: 8", "AK4 3 (373): 8"
};

// Every verdict in the input, in order. Problems reading it go to `diagnostics`.
std::vector<AckEntry> readAcknowledgments(ByteSource& source, Diagnostics& diagnostics);

// What was sent, as its own envelopes numbered it.
struct SentReference {
  std::string interchangeControl;
  std::string groupControl;    // X12 GS06; empty for EDIFACT without groups
  std::string messageControl;  // ST02 / UNH 0062
};

struct AckMatch {
  SentReference sent;
  std::optional<AckStatus> interchange, group, message;  // unset: that level was not acknowledged
  std::vector<std::string> codes;                        // of the message's verdict
  // The message's final state: rejected if any level rejected it, accepted if its own verdict
  // (or, lacking one, its group's or interchange's) accepted it; unset when nothing said.
  std::optional<AckStatus> outcome() const;
};

// Pairs each sent message with the verdicts that concern it.
std::vector<AckMatch> matchAcknowledgments(const std::vector<AckEntry>& acks, const std::vector<SentReference>& sent);

}  // namespace edi
