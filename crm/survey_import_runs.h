// Reading back what survey imports kept (survey_import_run, survey_import_reject): the runs, and
// the rows each refused, for `afterflow survey list|show` and for a replay. Written only by
// crm/survey_import.h.
#pragma once

#include "crm/survey_import.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct SurveyImportRun {
  std::int64_t id = 0;
  std::string fileName, header, startedAt;
  std::optional<std::int64_t> replayOf;
  std::int64_t rows = 0, imported = 0, alreadyKnown = 0, rejected = 0;
};

class SurveyImportRuns {
 public:
  explicit SurveyImportRuns(Poco::Data::Session& session) : session_(session) {}

  std::optional<SurveyImportRun> find(std::int64_t runId);
  // Newest first.
  std::vector<SurveyImportRun> list(std::size_t limit);
  // In line order; raw holds the exact bytes, also when they are not UTF-8.
  std::vector<SurveyReject> rejects(std::int64_t runId, bool outstandingOnly);

 private:
  Poco::Data::Session& session_;
};

}  // namespace crm
