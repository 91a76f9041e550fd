// The returns section of a quarterly or annual report: return rate (RMA units over units sold),
// return reasons, processing time from reception to disposition, and the dispositions decided
// (docs/KPI.md). Read from the RMA tables and the sales, bounded by the period.
#pragma once

#include "reports/after_sales_scope.h"
#include "reports/breakdown.h"
#include "reports/kpi.h"

#include <Poco/Data/Session.h>

#include <vector>

namespace reports {

struct ReturnsSection {
  std::int64_t returns = 0;        // RMAs requested in the period
  double returnedUnits = 0, soldUnits = 0;
  std::vector<Kpi> kpis;  // returns, return_rate, return_processing_avg_hours, return_processing_p90_hours
  std::vector<BreakdownRow> reasons;       // RMAs requested, by reason; most frequent first
  std::vector<BreakdownRow> dispositions;  // RMAs decided, by disposition (all six); quantity: units
};

ReturnsSection buildReturnsSection(Poco::Data::Session& session, const AfterSalesScope& scope);

}  // namespace reports
