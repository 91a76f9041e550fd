// The customer service side of the demo year: service cases opened, answered and resolved
// through crm::CaseBook (as `afterflow case` does), and the survey tool's export of CSAT, NPS
// and exit answers written as CSV and imported with crm::importSurveyCsv (`afterflow survey import`).
#pragma once

#include "demo/year_plan.h"
#include "store/database.h"

#include <map>
#include <string>
#include <vector>

namespace demo {

struct ServiceOutcome {
  int casesOpened = 0, casesResolved = 0;
  std::int64_t surveysImported = 0;
  std::string surveyFile;
  std::vector<std::string> problems;  // refused steps and rejected survey rows, with the reason
};

// `customers`: party code by loyalty id; cases and answers of card numbers that never bought
// (no customer) are left out.
ServiceOutcome runServiceDesk(store::Database& database, const YearPlan& plan,
                              const std::map<std::string, std::string>& customers, const std::string& surveyDirectory);

}  // namespace demo
