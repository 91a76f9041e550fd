#include "reports/json_renderer.h"
#include "reports/service_report.h"
#include "tests/reports/generated_history.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace reports;

BOOST_AUTO_TEST_SUITE(service_report)

BOOST_AUTO_TEST_CASE(a_quarterly_report_states_each_kpi_with_its_counts_by_region_carrier_and_month) {
  reports_test::GeneratedHistory history;
  Poco::Data::Session session = history.test.database().session();
  ReportRequest request;
  request.kind = ReportKind::quarterly;
  request.period = *parsePeriod("2026Q3");
  request.clientCode = "CLIENT0";
  std::string problem;
  const auto report = buildServiceReport(session, request, problem);
  BOOST_REQUIRE_MESSAGE(report.has_value(), problem);
  BOOST_TEST(report->source == "rollups");
  const ShipmentFigures plain =
      plainShipmentFigures(session, {"2026-07-01", "2026-10-01", history.clients[0], {}, {}, 0});
  BOOST_TEST((report->totals == plain));
  BOOST_REQUIRE(report->byMonth.size() == 3u);
  BOOST_TEST(report->byMonth[0].label == "July 2026");
  std::int64_t monthly = 0;
  for (const FigureRow& row : report->byMonth) monthly += row.figures.shipments;
  BOOST_TEST(monthly == plain.shipments);
  // The on-time rate is the counts' quotient, and says what it counts.
  const auto onTime = std::find_if(report->kpis.begin(), report->kpis.end(),
                                   [](const Kpi& k) { return k.key == "on_time_delivery_rate"; });
  BOOST_REQUIRE(onTime != report->kpis.end());
  BOOST_TEST(onTime->numerator == static_cast<double>(plain.deliveredOnTime));
  BOOST_TEST(onTime->denominator == static_cast<double>(plain.deliveredWithPromise));
  BOOST_REQUIRE(onTime->value.has_value());
  BOOST_TEST(*onTime->value == static_cast<double>(plain.deliveredOnTime) / static_cast<double>(plain.deliveredWithPromise));
  BOOST_TEST(!onTime->exclusions.empty());
  // Compared with the quarter before and the same quarter a year before (nothing then).
  BOOST_TEST(report->previousTotals.shipments > 0);
  BOOST_TEST(report->yearBeforeTotals.shipments == 0);
  for (const RegionComparison& region : report->regions) BOOST_TEST(!region.changeVsYearBefore.has_value());

  std::ostringstream json;
  renderJson(*report, json);
  Poco::JSON::Parser parser;
  const auto root = parser.parse(json.str()).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(root->getValue<std::string>("client") == "CLIENT0");
  BOOST_TEST(root->getValue<std::string>("period") == "2026Q3");
  const auto kpis = root->getObject("kpis");
  for (const char* key : {"shipments", "on_time_delivery_rate", "accuracy_rate", "accident_rate", "otif_rate"}) {
    BOOST_TEST(kpis->has(key), key);
  }
  const double accident = kpis->getValue<double>("accident_rate");
  BOOST_TEST((accident >= 0.0 && accident <= 1.0));
  BOOST_TEST(root->getArray("by_region")->size() == report->byRegion.size());
  BOOST_TEST(root->getArray("by_month")->size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_tolerance_reads_the_raw_tables_and_an_unknown_client_is_refused) {
  reports_test::GeneratedHistory history;
  Poco::Data::Session session = history.test.database().session();
  ReportRequest request;
  request.kind = ReportKind::monthly;
  request.period = *parsePeriod("2026-08");
  request.onTimeToleranceDays = 2;
  std::string problem;
  const auto report = buildServiceReport(session, request, problem);
  BOOST_REQUIRE(report.has_value());
  BOOST_TEST(report->source == "raw tables");
  BOOST_TEST(report->byMonth.size() == 1u);
  request.clientCode = "NOBODY";
  BOOST_TEST(!buildServiceReport(session, request, problem).has_value());
  BOOST_TEST(problem.find("no client 'NOBODY'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_period_gives_no_rates_rather_than_zero_percent) {
  reports_test::GeneratedHistory history;
  Poco::Data::Session session = history.test.database().session();
  ReportRequest request;
  request.kind = ReportKind::monthly;
  request.period = *parsePeriod("2025-02");
  std::string problem;
  const auto report = buildServiceReport(session, request, problem);
  BOOST_REQUIRE(report.has_value());
  BOOST_TEST(report->totals.shipments == 0);
  for (const Kpi& kpi : report->kpis) {
    if (!kpi.numeratorLabel.empty()) BOOST_TEST(!kpi.value.has_value(), kpi.key);
  }
  std::ostringstream json;
  renderJson(*report, json);
  BOOST_TEST(json.str().find("\"on_time_delivery_rate\": null") != std::string::npos, json.str().substr(0, 600));
}

// The regional comparison carries each region's whole figures of the three periods, the same
// as the plain SQL over the raw tables gives for that region alone.
BOOST_AUTO_TEST_CASE(the_regional_comparison_holds_each_regions_figures_of_the_three_periods) {
  reports_test::GeneratedHistory history;
  Poco::Data::Session session = history.test.database().session();
  ReportRequest request;
  request.kind = ReportKind::quarterly;
  request.period = *parsePeriod("2026Q3");
  request.clientCode = "CLIENT1";
  std::string problem;
  const auto report = buildServiceReport(session, request, problem);
  BOOST_REQUIRE_MESSAGE(report.has_value(), problem);
  std::size_t compared = 0;
  for (const RegionComparison& region : report->regions) {
    if (region.region.empty()) continue;  // a scope cannot ask for "no region"
    ++compared;
    const ShipmentFigures previous =
        plainShipmentFigures(session, {"2026-04-01", "2026-07-01", history.clients[1], {}, region.region, 0});
    const ShipmentFigures now =
        plainShipmentFigures(session, {"2026-07-01", "2026-10-01", history.clients[1], {}, region.region, 0});
    BOOST_TEST((region.previousFigures == previous), region.region);
    BOOST_TEST((region.figures == now), region.region);
    BOOST_TEST(region.previousFigures.shipments == previous.shipments);
  }
  BOOST_TEST(compared > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
