#include "reports/csv_renderer.h"
#include "reports/html_renderer.h"
#include "reports/svg_chart.h"
#include "reports/xml_renderer.h"

#include "csv/reader.h"
#include "tests/reports/schema_check.h"

#include <boost/test/unit_test.hpp>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <set>
#include <sstream>
#include <string>

using namespace reports;

namespace {

ShipmentFigures figures(std::int64_t shipments, std::int64_t delivered, std::int64_t onTime) {
  ShipmentFigures f;
  f.shipments = shipments;
  f.pieces = shipments * 3;
  f.weightKg = static_cast<double>(shipments) * 12.5;
  f.freightCostCents = shipments * 4200;
  f.delivered = delivered;
  f.deliveredWithPromise = delivered;
  f.deliveredOnTime = onTime;
  f.withPlannedShipDate = shipments;
  f.shippedOnTime = shipments;
  f.received = delivered;
  f.receivedAccurate = delivered;
  f.linesReceived = delivered * 2;
  f.linesAccurate = delivered * 2;
  f.withAccident = shipments / 10;
  f.onTimeInFull = onTime;
  f.transitHoursSum = static_cast<double>(delivered) * 30;
  f.transitCount = delivered;
  if (delivered > 0) f.transitHoursP90 = 48;
  return f;
}

Kpi kpi(const std::string& key, const std::string& name, double numerator, double denominator) {
  Kpi k;
  k.key = key;
  k.name = name;
  k.definition = name + ": numerator / denominator, \"quoted\", with, commas";
  k.numeratorLabel = "counted";
  k.denominatorLabel = "all";
  k.exclusions = "cancelled shipments";
  k.unit = "shipments";
  k.numerator = numerator;
  k.denominator = denominator;
  if (denominator > 0) k.value = numerator / denominator;
  return k;
}

// A quarter with a region that has nothing delivered yet, so its rates are missing, not 0.
ServiceReport quarterlyReport() {
  ServiceReport report;
  report.request.kind = ReportKind::quarterly;
  report.request.period = *parsePeriod("2026Q3");
  report.request.clientCode = "ACME";
  report.clientLabel = "ACME <Rohr & Sohn>, \"Nord\"";
  report.generatedAt = "2026-10-02T08:00:00Z";
  report.source = "rollups";
  report.totals = figures(300, 200, 180);
  report.previousTotals = figures(250, 250, 200);
  report.yearBeforeTotals = figures(0, 0, 0);
  report.kpis = {kpi("on_time_delivery_rate", "On-time delivery", 180, 200),
                 kpi("accuracy_rate", "Shipment accuracy", 200, 200),
                 kpi("accident_rate", "Accident rate", 30, 300), kpi("otif_rate", "OTIF", 180, 200),
                 kpi("return_rate", "Return rate", 0, 0)};
  report.byRegion = {{"North", "North", figures(200, 200, 180), {}}, {"", "(no region)", figures(100, 0, 0), {}}};
  report.byCarrier = {{"DHL", "DHL, Express", figures(300, 200, 180), {}}};
  report.byMonth = {{"2026-07", "July 2026", figures(150, 150, 140), {}},
                    {"2026-08", "August 2026", figures(100, 50, 40), {}},
                    {"2026-09", "September 2026", figures(50, 0, 0), {}}};
  report.peakMonths = {"2026-07"};
  report.offSeasonMonths = {"2026-09"};
  report.regions = {{"North", figures(200, 200, 180), figures(160, 150, 140), {}, 0.25, std::nullopt},
                    {"", figures(100, 0, 0), figures(90, 0, 0), {}, 1.0 / 9, std::nullopt}};
  return report;
}

using reports_test::Document;
using reports_test::parseXml;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

std::vector<std::string> svgParts(const std::string& html) {
  std::vector<std::string> parts;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    const std::size_t end = html.find("</svg>", at);
    BOOST_REQUIRE(end != std::string::npos);
    parts.push_back(html.substr(at, end + 6 - at));
  }
  return parts;
}

std::string html(const ServiceReport& report) {
  std::ostringstream out;
  renderHtml(report, out);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(renderers)

BOOST_AUTO_TEST_CASE(the_html_is_one_page_with_every_kpi_and_n_a_where_nothing_was_measured) {
  const std::string page = html(quarterlyReport());
  BOOST_TEST(page.starts_with("<!DOCTYPE html>"));
  BOOST_TEST(page.find("@media print") != std::string::npos);
  // Self-contained: nothing is fetched and nothing runs.
  BOOST_TEST(page.find("<script") == std::string::npos);
  BOOST_TEST(page.find("src=") == std::string::npos);
  BOOST_TEST(page.find("<link") == std::string::npos);
  for (const Kpi& k : quarterlyReport().kpis) BOOST_TEST(page.find(">" + k.name + "<") != std::string::npos, k.name);
  BOOST_TEST(page.find("90.0 %") != std::string::npos);  // on-time delivery 180 / 200
  BOOST_TEST(page.find("n/a") != std::string::npos);     // the return rate and the undelivered region
  BOOST_TEST(page.find("+25.0 %") != std::string::npos);
  BOOST_TEST(page.find("Peak months") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_html_escapes_every_text) {
  const std::string page = html(quarterlyReport());
  BOOST_TEST(page.find("ACME <Rohr") == std::string::npos);
  BOOST_TEST(page.find("ACME &lt;Rohr &amp; Sohn&gt;, &quot;Nord&quot;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_charts_are_well_formed_svg_with_lines_bars_and_stacks) {
  const std::string page = html(quarterlyReport());
  const auto parts = svgParts(page);
  // Volume, rates and accidents by month (line), regions (bar), deliveries (stacked bar).
  BOOST_TEST(parts.size() == 5u);
  for (const std::string& part : parts) {
    const Document svg = parseXml(part);
    BOOST_TEST_REQUIRE(svg.get() != nullptr, part.substr(0, 200));
    const xmlNode* root = xmlDocGetRootElement(svg.get());
    BOOST_TEST(std::string(reinterpret_cast<const char*>(root->name)) == "svg");
    BOOST_TEST(count(part, "<title id=") == 1u);
    BOOST_TEST(count(part, "<desc id=") == 1u);
  }
  BOOST_TEST(parts[0].find("line-chart") != std::string::npos);
  BOOST_TEST(count(parts[0], "<polyline") == 1u);  // shipments over three months
  // On-time delivery, OTIF and accuracy stop at September (nothing delivered): still one line each.
  BOOST_TEST(count(parts[1], "<polyline") == 4u);
  BOOST_TEST(parts[3].find("bar-chart") != std::string::npos);
  // Two regions, three periods, but the year before had no shipments: 0-height bars are still bars.
  BOOST_TEST(count(parts[3], "<rect x=") - 3 == 6u);  // minus the legend's three swatches
  BOOST_TEST(parts[4].find("stacked-bar-chart") != std::string::npos);
  // One carrier: on time, late, not delivered (three segments) and three legend swatches.
  BOOST_TEST(count(parts[4], "<rect x=") == 6u);
}

BOOST_AUTO_TEST_CASE(a_monthly_report_has_no_trend_section) {
  ServiceReport report = quarterlyReport();
  report.request.kind = ReportKind::monthly;
  report.request.period = *parsePeriod("2026-07");
  const std::string page = html(report);
  BOOST_TEST(page.find("id=\"trend\"") == std::string::npos);
  BOOST_TEST(svgParts(page).size() == 2u);
}

BOOST_AUTO_TEST_CASE(nice_scales_step_by_one_two_or_five) {
  const svg::Scale scale = svg::niceScale(0, 937);
  BOOST_TEST(scale.low == 0);
  BOOST_TEST(scale.high == 1000);
  BOOST_TEST(scale.step == 200);
  const svg::Scale rates = svg::niceScale(0.912, 0.987);
  BOOST_TEST(rates.low <= 0.912);
  BOOST_TEST(rates.high >= 0.987);
  BOOST_TEST(rates.step == 0.02, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(svg::formatValue(12500, svg::ValueFormat::count, 1) == "12,500");
  BOOST_TEST(svg::formatValue(0.955, svg::ValueFormat::percent, 0.005) == "95.5 %");
}

BOOST_AUTO_TEST_CASE(the_csv_is_one_rfc_4180_table_that_reads_back) {
  std::ostringstream out;
  renderCsv(quarterlyReport(), out);
  const std::string text = out.str();
  BOOST_TEST(text.starts_with("section,key,label,metric,value,numerator,denominator\r\n"));
  std::istringstream in(text);
  csv::Reader reader(in);
  csv::Record record;
  std::size_t rows = 0;
  bool clientSeen = false, definitionSeen = false, missingReturnRate = false, regionsSeen = false;
  std::set<std::string> sections;
  while (reader.next(record)) {
    BOOST_TEST_REQUIRE(!record.error.has_value());
    BOOST_TEST_REQUIRE(record.fields.size() == 7u, "line " << record.line);
    ++rows;
    sections.insert(std::string(record.fields[0]));
    if (record.fields[3] == "client") clientSeen = record.fields[4] == "ACME <Rohr & Sohn>, \"Nord\"";
    if (record.fields[0] == "definitions" && record.fields[3] == "definition" &&
        record.fields[1] == "accuracy_rate") {
      definitionSeen = record.fields[4] == "Shipment accuracy: numerator / denominator, \"quoted\", with, commas";
    }
    if (record.fields[0] == "kpis" && record.fields[1] == "return_rate") {
      missingReturnRate = record.fields[4].empty() && record.fields[6] == "0";
    }
    if (record.fields[0] == "kpis" && record.fields[1] == "on_time_delivery_rate") {
      BOOST_TEST(record.fields[4] == "0.9");
    }
    if (record.fields[0] == "regions" && record.fields[1] == "North" && record.fields[3] == "change_vs_previous") {
      regionsSeen = record.fields[4] == "0.25" && record.fields[5] == "40" && record.fields[6] == "160";
    }
  }
  BOOST_TEST(clientSeen);
  BOOST_TEST(definitionSeen);
  BOOST_TEST(missingReturnRate);
  BOOST_TEST(regionsSeen);
  for (const char* section : {"report", "kpis", "definitions", "totals", "by_region", "by_carrier", "by_month",
                              "previous_totals", "season", "regions"}) {
    BOOST_TEST(sections.count(section) == 1u, section);
  }
  BOOST_TEST(rows > 100u);
}

BOOST_AUTO_TEST_CASE(the_xml_validates_against_its_schema_and_leaves_missing_values_out) {
  for (const ReportKind kind : {ReportKind::quarterly, ReportKind::monthly}) {
    ServiceReport report = quarterlyReport();
    report.request.kind = kind;
    std::ostringstream out;
    renderXml(report, out);
    const std::string text = out.str();
    BOOST_TEST(reports_test::schemaErrors(text).empty(), text);

    BOOST_TEST(text.find("urn:afterflow:service-report:1") != std::string::npos);
    BOOST_TEST(text.find("ACME &lt;Rohr &amp; Sohn&gt;") != std::string::npos);
    BOOST_TEST(text.find("<rate>0.9</rate>") != std::string::npos);
    // The region with nothing delivered has no on-time rate at all, rather than 0.
    // Missing: the year before (quarterly only), the region "(no region)" and September.
    const std::size_t missing = kind == ReportKind::quarterly ? 3 : 2;
    BOOST_TEST(count(text, "<onTimeDeliveryRate>") == count(text, "<counts>") - missing);
    BOOST_TEST((text.find("<comparison>") != std::string::npos) == (kind == ReportKind::quarterly));
  }
}

// Sections as the builders make them for a quarter with one return and nothing else.
BOOST_AUTO_TEST_CASE(the_after_sales_sections_reach_every_format) {
  ServiceReport report = quarterlyReport();
  ReturnsSection returns;
  returns.returns = 1;
  returns.kpis = {kpi("return_rate", "Return rate", 3, 2)};  // more back than sold: a rate above 1
  returns.reasons = {{"DEF", "Defective, \"dead\"", 1, 3, 1.0}};
  returns.dispositions = {{"recycle", "Recycle", 1, 3, 1.0}, {"restock", "Restock", 0, 0, 0.0}};
  report.returns = returns;
  report.service = ServiceSection();
  report.recycling = RecyclingSection();
  report.customers = CustomerSection();

  std::ostringstream xml, csvText;
  renderXml(report, xml);
  BOOST_TEST(reports_test::schemaErrors(xml.str()).empty(), xml.str());
  renderCsv(report, csvText);
  std::istringstream in(csvText.str());
  csv::Reader reader(in);
  csv::Record record;
  std::set<std::string> sections;
  bool reasonSeen = false;
  while (reader.next(record)) {
    BOOST_TEST_REQUIRE(record.fields.size() == 7u);
    sections.insert(std::string(record.fields[0]));
    if (record.fields[0] == "return_reasons" && record.fields[3] == "units") {
      reasonSeen = record.fields[2] == "Defective, \"dead\"" && record.fields[4] == "3";
    }
  }
  BOOST_TEST(reasonSeen);
  for (const char* section : {"returns", "return_reasons", "return_dispositions"}) {
    BOOST_TEST(sections.count(section) == 1u, section);
  }
  const std::string page = html(report);
  BOOST_TEST(page.find("id=\"chart-return-reasons-title\"") != std::string::npos);
  BOOST_TEST(page.find("No service cases and no survey answers in this period.") != std::string::npos);
  BOOST_TEST(page.find("No disposal records in this period.") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
