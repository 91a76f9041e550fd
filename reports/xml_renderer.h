// The service report as XML in the namespace urn:afterflow:service-report:1, valid against
// schemas/xsd/service-report.xsd: rates as decimals from 0 to 1, a value with nothing to
// measure left out rather than written as 0.
#pragma once

#include "reports/service_report.h"

#include <ostream>

namespace reports {

inline constexpr const char* kServiceReportNamespace = "urn:afterflow:service-report:1";

void renderXml(const ServiceReport& report, std::ostream& out);

}  // namespace reports
