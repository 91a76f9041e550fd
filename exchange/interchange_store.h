// The interchange store (DESIGN.md "Data flow", step 2): every file that comes in or goes out
// is kept as raw bytes, with its envelope and status, in one transaction, before anything else
// happens to it. A file already kept (same content, or same sender and control number) is
// recognised and not kept twice. What validation found is kept beside it.
#pragma once

#include "edi/byte_source.h"
#include "edi/diagnostic.h"
#include "exchange/interchange_record.h"
#include "store/database.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace exchange {

struct KeepOutcome {
  std::int64_t id = 0;         // the new row, or for a duplicate the one kept before
  bool duplicate = false;
  std::string duplicateReason;  // "the same content" / "the same sender and control number"
};

struct InterchangeFilter {
  std::optional<Direction> direction;
  std::optional<InterchangeStatus> status;
  std::optional<std::int64_t> partnerId;
  std::size_t limit = 100;  // newest first
};

class InterchangeStore {
 public:
  explicit InterchangeStore(store::Database& database) : database_(database) {}

  // Keeps the file at `path` (read in chunks: any size), status received (inbound) or sent
  // (outbound). Throws Poco's I/O exceptions when the file cannot be read.
  KeepOutcome keepFile(Direction direction, std::optional<std::int64_t> partnerId, const std::string& path,
                       const std::string& fileName, std::optional<std::int64_t> answersId = std::nullopt);
  // The same for bytes built in memory (outbound documents, acknowledgments).
  KeepOutcome keepBytes(Direction direction, std::optional<std::int64_t> partnerId, const std::string& bytes,
                        const std::string& fileName, std::optional<std::int64_t> answersId = std::nullopt);

  std::optional<InterchangeRecord> find(std::int64_t id);
  std::vector<InterchangeRecord> list(const InterchangeFilter& filter);
  // The outbound interchange answering `inboundId` (its acknowledgment), if one was kept.
  std::optional<InterchangeRecord> answerTo(std::int64_t inboundId);

  // Status changes, on their own or inside the caller's transaction (the apply step records
  // "applied" in the transaction that applies). Each counts as an attempt when `attempted`.
  void setStatus(std::int64_t id, InterchangeStatus status, const std::optional<std::string>& error = std::nullopt,
                 bool attempted = false);
  void setStatus(Poco::Data::Session& session, std::int64_t id, InterchangeStatus status,
                 const std::optional<std::string>& error = std::nullopt, bool attempted = false);

  // Inside the transaction that applies an interchange: locks its row until that transaction
  // ends and says whether it is still to be applied. Two processes taking up the same
  // interchange (two watchers, two replays) are serialised here, and the second finds it
  // applied: nothing is applied twice.
  bool claimForApply(Poco::Data::Session& session, std::int64_t id);

  // Outbound interchanges kept but not yet written to their partner's outbox, oldest first, and
  // the mark that one has been (exchange/outbox_delivery.h does both).
  std::vector<InterchangeRecord> undelivered(std::size_t limit);
  void markDelivered(std::int64_t id);

  // Records which partner an interchange came from, once the intake has found out.
  void setPartner(std::int64_t id, std::int64_t partnerId);

  // Replaces what the last validation found.
  void recordDiagnostics(std::int64_t id, const edi::Diagnostics& diagnostics);
  std::vector<edi::Diagnostic> diagnostics(std::int64_t id);

  // The kept bytes, read back a chunk at a time, or whole (for documents known to be small).
  std::unique_ptr<edi::ByteSource> open(std::int64_t id);
  std::string readAll(std::int64_t id);

 private:
  KeepOutcome keep(Direction direction, std::optional<std::int64_t> partnerId, edi::ByteSource& content,
                   const std::function<std::unique_ptr<edi::ByteSource>()>& reopen, const std::string& fileName,
                   std::optional<std::int64_t> answersId);
  std::optional<KeepOutcome> findDuplicate(Poco::Data::Session& session, Direction direction,
                                           const InterchangeHeader& header, const std::string& sha256);

  store::Database& database_;
};

}  // namespace exchange
