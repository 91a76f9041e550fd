// Writes acknowledgments from what the validator reports: X12 997 (004010 and before) or 999
// (005010 and after) per functional group in the sender's version, TA1 per interchange when the
// sender asks (ISA14 = 1) or the caller does, and EDIFACT CONTRL in the sender's syntax version
// (3 or 4), with a UCF per functional group (UNG/UNE) and its messages' UCM below it. Bodies are
// spooled (memory, then a temporary file) so any input size is acknowledged in bounded memory.
#pragma once

#include "edi/validation_report.h"

#include <cstdint>
#include <cstdio>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace edi {

struct AckOptions {
  bool alwaysTa1 = false;             // a TA1 even when ISA14 does not ask for one
  std::uint64_t interchangeControl = 1;  // control numbers of the acknowledgment's own envelopes;
  std::uint64_t groupControl = 1;        // each ack interchange or group takes the next one
  std::string date;                   // CCYYMMDD of the ack; default today (UTC)
  std::string time;                   // HHMM; default now (UTC)
};

class AckWriter : public ValidationListener {
 public:
  AckWriter(std::ostream& out, AckOptions options = {});
  ~AckWriter() override;

  void interchangeStarted(const InterchangeReport& interchange) override;
  void groupStarted(const InterchangeReport& interchange, const GroupReport& group) override;
  void messageEnded(const InterchangeReport& interchange, const GroupReport* group, const MessageReport& message) override;
  void groupEnded(const InterchangeReport& interchange, const GroupReport& group) override;
  void interchangeEnded(const InterchangeReport& interchange) override;

  std::uint32_t acknowledgmentsWritten() const { return written_; }
  // The control numbers the next ack envelopes would take (for the caller to store).
  std::uint64_t nextInterchangeControl() const { return options_.interchangeControl; }
  std::uint64_t nextGroupControl() const { return options_.groupControl; }

 private:
  class Spool;
  void segment(Spool& to, std::initializer_list<std::string_view> elements);
  void x12MessageAck(const MessageReport& message);
  void edifactMessageAck(Spool& to, const MessageReport& message);
  void edifactGroupAck(const GroupReport& group);
  std::string withoutDelimiters(const std::string& value) const;

  std::ostream& out_;
  AckOptions options_;
  // X12: the whole body. EDIFACT: UCMs of messages outside any group (CONTRL segment group 1);
  // groupsSpool_ holds each group's UCF followed by its UCMs (segment group 3), groupSpool_ the
  // UCMs of the open group, which go after their UCF only once UNE has told what the UCF says.
  std::unique_ptr<Spool> spool_, groupsSpool_, groupSpool_;
  Delimiters delimiters_;
  Standard standard_ = Standard::x12;
  bool version5_ = false;          // X12 005010+: 999 and repetition positions
  std::uint32_t segmentsInSet_ = 0;
  std::uint32_t setsInInterchange_ = 0;
  std::uint32_t groupsInAck_ = 0;
  std::uint32_t written_ = 0;
  std::string line_;  // the segment being written
};

}  // namespace edi
