// Importing a survey tool's CSV export: one answer per row, columns named by the header
// (source_key, customer, survey, answered_at, score, lost_reason, comment; others are ignored).
// Rows already imported are counted, not added again; refused rows are listed with their line
// and reason and do not stop the others.
#pragma once

#include "store/transaction.h"

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace crm {

struct SurveyReject {
  int line = 0;
  std::string reason;
};

struct SurveyImportOutcome {
  std::int64_t rows = 0, imported = 0, alreadyKnown = 0;
  std::vector<SurveyReject> rejected;
};

// Reads `in` to its end in the caller's transaction. A file without the required columns
// (source_key, customer, survey, answered_at) rejects every row at line 1 and imports nothing.
SurveyImportOutcome importSurveyCsv(store::Transaction& transaction, std::istream& in);

}  // namespace crm
