// The record of file imports (import_run, import_reject; migration 0009): a run is kept before
// any row is applied, so an interrupted import is found and taken up again, and a file already
// imported is recognised by its content. Refused rows are kept with line, raw text and reason.
#pragma once

#include "store/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exchange {

struct ImportRun {
  std::int64_t id = 0;
  std::string fileName, sha256;
  std::int64_t byteCount = 0;
  std::optional<std::int64_t> replayOf;
  std::string status;  // running, applied, failed
  std::int64_t rowsRead = 0, rowsApplied = 0, rowsRejected = 0;
  int attempts = 0;
  std::optional<std::string> error;
  std::string startedAt;
  std::optional<std::string> finishedAt;
  std::string header;  // the file's header record, so stored rows can be read again
};

struct ImportReject {
  std::int64_t line = 0;
  std::string rawText, code;
  std::optional<std::string> field;
  std::string reason;
  std::optional<std::int64_t> resolvedBy;

  // "invalid_value (weight_kg): 'heavy' is not a number"
  std::string describe() const;
};

class ImportRuns {
 public:
  explicit ImportRuns(store::Database& database) : database_(database) {}

  // In a transaction of its own, committed before anything is applied. For a file: the run of
  // this content if one was kept before (applied, or interrupted and now attempted again), else
  // a new running one. For a replay: the running replay of that run, else a new one.
  ImportRun open(const std::string& fileName, const std::string& sha256, std::int64_t byteCount,
                 const std::string& header, std::optional<std::int64_t> replayOf);

  std::optional<ImportRun> find(std::int64_t id);
  std::vector<ImportRun> list(std::size_t limit);
  // In line order; `after` and `limit` page through runs of any size.
  std::vector<ImportReject> rejects(std::int64_t runId, bool outstandingOnly, std::int64_t after = 0,
                                    std::size_t limit = 1000);
  // The same on the caller's session, so a replay reads them inside its own transaction.
  static std::vector<ImportReject> rejects(Poco::Data::Session& session, std::int64_t runId, bool outstandingOnly,
                                           std::int64_t after, std::size_t limit);

  // Marks a run failed with its reason, in a transaction of its own (the apply rolled back).
  void fail(std::int64_t runId, const std::string& error);

  // Inside the apply transaction. lock(): the run's status, holding its row until commit on
  // PostgreSQL (SQLite's write lock does the same), so two imports of one file apply it once,
  // and two replays of one run take its outstanding rejects in turn.
  static std::string lock(Poco::Data::Session& session, std::int64_t runId);
  static void finish(Poco::Data::Session& session, std::int64_t runId, std::int64_t read, std::int64_t applied,
                     std::int64_t rejected);

 private:
  store::Database& database_;
};

}  // namespace exchange
