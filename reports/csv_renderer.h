// The service report as one RFC 4180 table that loads into a spreadsheet: every figure a row
// of section,key,label,metric,value,numerator,denominator; rates as fractions from 0 to 1,
// empty where there is nothing to measure.
#pragma once

#include "reports/service_report.h"

#include <ostream>

namespace reports {

void renderCsv(const ServiceReport& report, std::ostream& out);

}  // namespace reports
