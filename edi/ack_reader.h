// Reads the acknowledgments partners send back (X12 TA1, 997, 999; EDIFACT CONTRL) and matches
// them to what was sent, by control numbers within the envelopes and parties they name, so a
// sender knows what was accepted or rejected even when control numbers were reused.
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

// One verdict of an acknowledgment, on an interchange, a functional group or a message, with all
// the acknowledgment says of what it concerns. Parties are those of the acknowledged envelopes:
// an X12 ack names them by its own envelopes, sender and receiver swapped; CONTRL copies them
// (UCI S002/S003, UCF S006/S007). An empty field is one the acknowledgment does not give.
struct AckEntry {
  ErrorLevel level = ErrorLevel::message;
  std::string interchangeControl;           // TA101 / UCI 0020 (997 and 999 do not name the interchange)
  std::string senderQualifier, sender;      // of the acknowledged interchange (ISA05/06, UNB S002)
  std::string receiverQualifier, receiver;  // (ISA07/08, UNB S003)
  std::string groupControl;                 // AK102 / UCF 0048
  std::string groupSender, groupReceiver;   // of the acknowledged group (GS02/GS03, UNG S006/S007)
  std::string messageControl;               // AK202 / UCM 0062
  std::string messageType;                  // AK201 / UCM S009 type
  AckStatus status = AckStatus::accepted;
  std::vector<std::string> codes;    // as the ack gives them: AK5/IK5, AK9, TA105, 0085
  std::vector<std::string> details;  // errors below, e.g. "AK3 BSN at 2: 8", "AK4 3 (373): 8", "UNE 3"
};

// Every verdict in the input, in order. Problems reading it go to `diagnostics`.
std::vector<AckEntry> readAcknowledgments(ByteSource& source, Diagnostics& diagnostics);

// One message that was sent, as its envelopes named it: what the logistics module keeps of each
// interchange it sends, one row per message. Values as written, without padding or release
// characters. The parties tell apart interchanges and groups that reuse control numbers; an
// empty field is not compared (but a message, and a group verdict's group, must be named).
struct SentReference {
  std::string interchangeControl;           // ISA13 / UNB 0020
  std::string senderQualifier, sender;      // ISA05, ISA06 / UNB S002 0007, 0004
  std::string receiverQualifier, receiver;  // ISA07, ISA08 / UNB S003 0007, 0010
  std::string groupControl;                 // GS06 / UNG 0048; empty for EDIFACT without groups
  std::string groupSender, groupReceiver;   // GS02, GS03 / UNG S006 0040, S007 0044
  std::string messageControl;               // ST02 / UNH 0062
};

struct AckMatch {
  SentReference sent;
  std::optional<AckStatus> interchange, group, message;  // unset: that level was not acknowledged
  std::vector<std::string> codes;                        // of the message's verdict
  // A verdict fitted this message and another sent one alike: they differ only in what the ack
  // does not name (a 997 for two interchanges to one partner that reuse a group control number),
  // so it was given to neither.
  bool ambiguous = false;
  // The message's final state: rejected if any level rejected it, accepted if its own verdict
  // (or, lacking one, its group's or interchange's) accepted it; unset when nothing said.
  std::optional<AckStatus> outcome() const;
};

// Pairs each sent message with the verdicts that concern it: a verdict concerns a message when
// everything the verdict names (control numbers, parties) agrees with what was sent.
std::vector<AckMatch> matchAcknowledgments(const std::vector<AckEntry>& acks, const std::vector<SentReference>& sent);

}  // namespace edi
