// A partner's acknowledgments (TA1, 997, 999, CONTRL) of what we sent them: the verdicts are
// read from the kept interchange (edi/ack_reader.h), matched to the messages of our outbound
// interchanges to that partner still waiting for an answer (status sent), and recorded on
// them: acknowledged, or failed with the partner's reason when rejected. Matching goes by
// interchange, because a 997 names what it answers only through its envelopes, and a TA1 is no
// message at all.
#pragma once

#include "exchange/interchange_store.h"
#include "logistics/problem.h"
#include "store/transaction.h"

#include <cstdint>
#include <string>
#include <vector>

namespace exchange {

struct AcknowledgmentSummary {
  std::size_t verdicts = 0;
  std::vector<std::int64_t> acknowledged, rejected;  // outbound interchange ids
  std::size_t ambiguous = 0;                          // sent messages a verdict fitted alike
  std::string describe() const;
};

class AcknowledgmentRecorder {
 public:
  AcknowledgmentRecorder(InterchangeStore& store, std::int64_t ackInterchangeId, std::int64_t partnerId)
      : store_(store), ackInterchangeId_(ackInterchangeId), partnerId_(partnerId) {}

  // Records the verdicts of the whole acknowledging interchange, inside the intake's
  // transaction; called for every acknowledgment message, it does the work once.
  logistics::Result<logistics::Done> record(store::Transaction& transaction);
  bool recorded() const { return recorded_; }
  const AcknowledgmentSummary& summary() const { return summary_; }

 private:
  InterchangeStore& store_;
  std::int64_t ackInterchangeId_, partnerId_;
  bool recorded_ = false;
  AcknowledgmentSummary summary_;
};

}  // namespace exchange
