// The service report as JSON, for clients' systems: {"client", "period", "kpis": {key: value},
// "kpi_definitions", "by_region", "by_carrier", "by_month", ...}. Rates are fractions from 0 to
// 1; a rate with nothing to measure is null, never 0.
#pragma once

#include "reports/service_report.h"

#include <ostream>

namespace reports {

void renderJson(const ServiceReport& report, std::ostream& out);

}  // namespace reports
