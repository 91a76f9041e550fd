// Importing a survey tool's CSV export: one answer per row, columns named by the header
// (source_key, customer, survey, answered_at, score, lost_reason, comment; others are ignored).
// Rows already imported are counted, not added again. Each run is kept (survey_import_run) with
// every row it refused, as the row stood in the file and why (survey_import_reject), so a refused
// answer can be looked at and, once its cause is fixed, replayed.
#pragma once

#include "store/transaction.h"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct SurveyReject {
  std::int64_t line = 0;  // the line the record starts on in the run's file
  std::string raw;        // the record's bytes as they stood in the file, without the line break
  std::string reason;
  std::optional<std::int64_t> resolvedBy;  // the replay that applied it
};

struct SurveyImportOutcome {
  std::int64_t runId = 0;
  std::int64_t rows = 0, imported = 0, alreadyKnown = 0;
  std::vector<SurveyReject> rejected;
  // A replay: rejects of the replayed run that went in now (or were recorded meanwhile).
  std::int64_t resolved = 0;
};

// Reads `in` to its end in the caller's transaction and keeps the run and its rejects there too,
// so they commit or roll back with the answers. A file without the required columns
// (source_key, customer, survey, answered_at) rejects its header at line 1 and imports nothing.
SurveyImportOutcome importSurveyCsv(store::Transaction& transaction, std::istream& in, const std::string& fileName);

// Applies the outstanding rejects of run `runId` again, as a new run that replays it: those that
// go in, or whose answer was recorded meanwhile, are marked resolved by it; those still refused
// are its rejects, with their line in the original file and today's reason. Empty (runId 0) when
// `runId` has no outstanding rejects; nothing is written then.
SurveyImportOutcome replaySurveyRejects(store::Transaction& transaction, std::int64_t runId);

}  // namespace crm
