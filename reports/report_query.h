// A report as people ask for it, in words: the command line's options and the web API's query
// parameters arrive as name and text, and are checked here, once, into a ReportRequest and the
// format to render it in. Then renderReport writes it in that format.
#pragma once

#include "reports/service_report.h"

#include <optional>
#include <ostream>
#include <string>

namespace reports {

enum class ReportFormat { json, html, csv, xml };

struct ReportQuery {
  ReportRequest request;
  std::string periodText;  // as given: "2026Q3"
  ReportFormat format = ReportFormat::json;
};

// One parameter: period, client, carrier, region, tolerance (days), lost_after (months; also
// spelled lost-after), format (json, html, csv, xml). Returns what is wrong with the value, or
// nothing; an unknown name is wrong too.
std::optional<std::string> setReportParameter(ReportQuery& query, const std::string& name, const std::string& value);

// Once every parameter is in: the period must be given and be of the report's kind (a month
// for a monthly report, "2026-10"; a quarter, "2026Q3"; a year, "2026"). Returns the problem.
std::optional<std::string> completeReportQuery(ReportQuery& query, ReportKind kind);

void renderReport(const ServiceReport& report, ReportFormat format, std::ostream& out);
const char* reportContentType(ReportFormat format);  // "application/json; charset=utf-8", ...
const char* reportFormatName(ReportFormat format);   // "json", ...

}  // namespace reports
