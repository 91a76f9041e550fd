// Reading back what POS imports (pos_import/pos_importer.h) kept: the runs, each run's rejects with
// where, why and the text as it stood in the file, and a CSV run's refused rows written out again,
// header first, as a file to fix and import once more.
#pragma once

#include "store/database.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace pos_import {

struct PosImportRun {
  std::int64_t id = 0;
  std::string fileName, format, status, startedAt;
  std::optional<std::string> finishedAt, mappingFile;
  std::int64_t transactions = 0, imported = 0, alreadyKnown = 0, rejected = 0;
  std::optional<std::string> header;  // a CSV run's header record, its exact bytes
};

struct StoredReject {
  std::int64_t seq = 0;
  std::string location, reason;
  std::string raw;       // exact bytes, as the file held them; empty when nothing was kept
  std::string readable;  // the same as text any terminal shows (decoded, or bad bytes as \xNN)
};

class PosImportRuns {
 public:
  explicit PosImportRuns(store::Database& database) : database_(database) {}

  std::optional<PosImportRun> find(std::int64_t runId);
  // Newest first.
  std::vector<PosImportRun> list(std::size_t limit);
  // In the order they were found; `afterSeq` and `limit` page through runs of any size.
  std::vector<StoredReject> rejects(std::int64_t runId, std::int64_t afterSeq, std::size_t limit);

  // The rows a CSV run refused, exactly as they stood, after its header record (if it had one),
  // one record a line. How many rows were written; nothing is written for a run of another format.
  std::uint64_t writeRejectedRows(const PosImportRun& run, std::ostream& out);

 private:
  std::vector<PosImportRun> read(const std::string& clause);

  store::Database& database_;
};

}  // namespace pos_import
