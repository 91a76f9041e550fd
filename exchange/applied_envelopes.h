// The interchange envelopes (ISA, UNB) already applied, whatever file they came in. The store
// refuses a file again by its first envelope only (exchange/interchange_header.h); a file may
// hold several (even one of them twice), and a partner may resend one alone or inside another
// file. The intake asks here before it maps a message, and records every envelope it applied in
// the transaction that applies them (table interchange_envelope, migration 0018).
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

  // Whether the envelope `document` came in was applied before: by another interchange (file),
  // or earlier in this file (the same envelope twice in one file). Counts the skipped message.
  bool appliedBefore(const MessageDocument& document);
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
  struct Seen {
    std::uint32_t envelope = 0;                // the first of the file's envelopes with this key
    std::optional<std::int64_t> appliedBy;     // the other interchange that applied it before
    bool twiceInFile = false;
  };
  std::map<Key, Seen> seen_;
  std::size_t skippedMessages_ = 0;
};

}  // namespace exchange
