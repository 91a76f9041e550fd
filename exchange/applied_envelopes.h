// The interchange envelopes (ISA, UNB) already applied, whatever file they came in. The store
// refuses a file again by its first envelope only (exchange/interchange_header.h); a file may
// hold several, and a partner may resend one of them alone or inside another file. The intake
// asks here before it maps a message, and records every envelope it applied in the transaction
// that applies them (table interchange_envelope, migration *_event_and_envelope_keys).
#pragma once

#include "exchange/message_document.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace exchange {

class AppliedEnvelopes {
 public:
  // `session` is the applying transaction's; `interchangeId` the file being applied.
  AppliedEnvelopes(Poco::Data::Session& session, std::int64_t interchangeId)
      : session_(session), interchangeId_(interchangeId) {}

  // The interchange (file) that applied the envelope `document` came in, when another one did.
  std::optional<std::int64_t> appliedBy(const MessageDocument& document);
  // Records the envelopes of every message seen as applied by this interchange. Throws (the
  // unique index) when another process applied one of them meanwhile: the caller's transaction
  // then rolls back and a replay skips it.
  void recordApplied();

  // Messages not applied because their envelope was applied before; which envelopes, by whom.
  std::size_t skippedMessages() const { return skippedMessages_; }
  std::string describeSkipped() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // standard, sender, control number
  static Key keyOf(const MessageDocument& document);

  Poco::Data::Session& session_;
  std::int64_t interchangeId_;
  std::map<Key, std::optional<std::int64_t>> seen_;  // each envelope of the file: who applied it before
  std::size_t skippedMessages_ = 0;
};

}  // namespace exchange
