// The service report as one self-contained, printable HTML5 page: inline CSS and inline SVG
// charts, no script and no external resource, so it can be mailed, archived and printed as is.
#pragma once

#include "reports/service_report.h"

#include <ostream>

namespace reports {

void renderHtml(const ServiceReport& report, std::ostream& out);

}  // namespace reports
