#include "reports/report_query.h"

#include "reports/csv_renderer.h"
#include "reports/html_renderer.h"
#include "reports/json_renderer.h"
#include "reports/xml_renderer.h"

#include <Poco/NumberParser.h>

namespace reports {
namespace {

std::optional<ReportFormat> formatFromName(const std::string& name) {
  for (const ReportFormat format : {ReportFormat::json, ReportFormat::html, ReportFormat::csv, ReportFormat::xml}) {
    if (name == reportFormatName(format)) return format;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> setReportParameter(ReportQuery& query, const std::string& name, const std::string& value) {
  ReportRequest& request = query.request;
  if (name == "period") {
    query.periodText = value;
  } else if (name == "client") {
    request.clientCode = value;
  } else if (name == "carrier") {
    request.carrierCode = value;
  } else if (name == "region") {
    request.region = value;
  } else if (name == "tolerance") {
    if (!Poco::NumberParser::tryParse(value, request.onTimeToleranceDays) || request.onTimeToleranceDays < 0) {
      return "tolerance takes a number of days from 0, not '" + value + "'";
    }
  } else if (name == "lost_after" || name == "lost-after") {
    if (!Poco::NumberParser::tryParse(value, request.lostAfterMonths) || request.lostAfterMonths < 1) {
      return "lost-after takes a number of months from 1, not '" + value + "'";
    }
  } else if (name == "format") {
    const auto format = formatFromName(value);
    if (!format) return "unknown format '" + value + "' (json, html, csv or xml)";
    query.format = *format;
  } else {
    return "unknown parameter '" + name + "' (period, client, carrier, region, tolerance, lost_after, format)";
  }
  return std::nullopt;
}

std::optional<std::string> completeReportQuery(ReportQuery& query, ReportKind kind) {
  const PeriodKind wanted = kind == ReportKind::monthly     ? PeriodKind::month
                            : kind == ReportKind::quarterly ? PeriodKind::quarter
                                                            : PeriodKind::year;
  const char* expected = wanted == PeriodKind::month     ? "a month (2026-10)"
                         : wanted == PeriodKind::quarter ? "a quarter (2026Q3)"
                                                         : "a year (2026)";
  if (query.periodText.empty()) return std::string("needs a period: ") + expected;
  const auto period = parsePeriod(query.periodText);
  if (!period || period->kind != wanted) return "'" + query.periodText + "' is not " + expected;
  query.request.kind = kind;
  query.request.period = *period;
  return std::nullopt;
}

void renderReport(const ServiceReport& report, ReportFormat format, std::ostream& out) {
  switch (format) {
    case ReportFormat::html: return renderHtml(report, out);
    case ReportFormat::csv: return renderCsv(report, out);
    case ReportFormat::xml: return renderXml(report, out);
    case ReportFormat::json: return renderJson(report, out);
  }
}

const char* reportContentType(ReportFormat format) {
  switch (format) {
    case ReportFormat::html: return "text/html; charset=utf-8";
    case ReportFormat::csv: return "text/csv; charset=utf-8";
    case ReportFormat::xml: return "application/xml; charset=utf-8";
    case ReportFormat::json: break;
  }
  return "application/json; charset=utf-8";
}

const char* reportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::html: return "html";
    case ReportFormat::csv: return "csv";
    case ReportFormat::xml: return "xml";
    case ReportFormat::json: break;
  }
  return "json";
}

}  // namespace reports
