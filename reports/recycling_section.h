// The recycling section of a quarterly or annual report: the weight the recyclers treated, by
// EU recovery (R) and disposal (D) operation code, measured or estimated, and the recovery rate
// (docs/KPI.md). Read from disposal_record, bounded by the period.
#pragma once

#include "reports/after_sales_scope.h"
#include "reports/kpi.h"

#include <Poco/Data/Session.h>

#include <string>
#include <vector>

namespace reports {

struct OperationWeight {
  std::string code;  // "R4", "D10"
  bool recovery = false;  // an R code
  double measuredKg = 0, estimatedKg = 0;
  std::int64_t records = 0;
};

struct RecyclingSection {
  std::vector<OperationWeight> byCode;  // R1..R13, then D1..D15; only codes with records
  double measuredKg = 0, estimatedKg = 0, recoveredKg = 0;
  std::int64_t records = 0;
  std::int64_t recordsWithoutWeight = 0;  // in units, litres or m3: no weight to add
  std::vector<Kpi> kpis;  // disposal_records, treated_weight_kg, recovery_rate, measured_weight_rate
};

RecyclingSection buildRecyclingSection(Poco::Data::Session& session, const AfterSalesScope& scope);

}  // namespace reports
