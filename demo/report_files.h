// The demo's last step: the quarterly service report of the year's last quarter, for all
// clients, built by reports::buildServiceReport and written in each format the renderers
// offer (HTML with its SVG charts, JSON, CSV, XML) into the report folder.
#pragma once

#include "store/database.h"

#include <string>

namespace demo {

struct ReportFiles {
  std::string period;  // "2025Q4"
  std::string html, json, csv, xml;
  std::string problem;  // set when the report could not be built
};

ReportFiles writeQuarterlyReport(store::Database& database, int year, const std::string& directory);

}  // namespace demo
