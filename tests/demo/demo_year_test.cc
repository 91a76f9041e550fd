// `afterflow demo` as a library call at a tiny scale, on the backend of this run: every partner
// file received and applied, the year's records present in the proportions planned, the same
// seed giving the same year, and a report whose KPIs are the plain SQL figures.
#include "crm/party_directory.h"
#include "demo/demo_year.h"
#include "demo/fresh_database.h"
#include "reports/period.h"
#include "reports/shipment_figures.h"
#include "tests/support/test_database.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>

using test_support::TestDatabase;

namespace {

demo::DemoOptions tinyYear(const std::string& out, std::uint64_t seed = 3) {
  demo::DemoOptions options;
  options.seed = seed;
  // Small enough for PostgreSQL on a busy machine (its intake writes row by row).
  options.scale = {"tiny", 150, 200, 80};
  options.outDirectory = out;
  return options;
}

std::int64_t count(store::Database& database, const std::string& sql) {
  Poco::Data::Session session = database.session();
  std::int64_t n = 0;
  session << sql, Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
  return n;
}

std::string contentOf(const std::string& path) {
  Poco::FileInputStream in(path);
  std::string text;
  Poco::StreamCopier::copyToString(in, text);
  return text;
}

// A demo year in a fresh database of this backend, with its folder removed afterwards.
struct DemoRun {
  TestDatabase test;
  std::string out = Poco::TemporaryFile::tempName() + "-demo";
  demo::DemoOutcome outcome;

  explicit DemoRun(std::uint64_t seed = 3) {
    BOOST_REQUIRE(demo::holdsNoData(test.migrated()));
    outcome = demo::DemoYear(test.database(), tinyYear(out, seed)).run();
  }
  ~DemoRun() {
    Poco::File folder(out);
    if (folder.exists()) folder.remove(true);
  }
  std::int64_t count(const std::string& sql) { return ::count(test.database(), sql); }

  reports::ShipmentFigures plainFigures(const reports::Period& period) {
    reports::ShipmentScope scope;
    scope.start = period.start;
    scope.end = period.end;
    Poco::Data::Session session = test.database().session();
    return reports::plainShipmentFigures(session, scope);
  }
};

// The year most tests look at, generated once per test run (it is the slow part).
DemoRun& sharedRun() {
  static DemoRun run;
  return run;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_year)

BOOST_AUTO_TEST_CASE(every_partner_file_of_the_year_is_received_acknowledged_and_applied) {
  DemoRun& run = sharedRun();
  for (const std::string& problem : run.outcome.problems) BOOST_TEST_MESSAGE(problem);
  BOOST_TEST(run.outcome.ok());
  const auto& intake = run.outcome.intake;
  BOOST_TEST(intake.received > 90);  // a dozen kinds of file, most months
  BOOST_TEST(intake.applied == intake.received);
  BOOST_TEST(intake.notApplied == 0);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM interchange WHERE direction = 'inbound' AND status = 'applied'") ==
             intake.received);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM interchange WHERE direction = 'inbound' AND status <> 'applied'") == 0);
  // Every EDI file got its 997 or CONTRL in the sender's outbox; disposal reports are not acknowledged.
  BOOST_TEST(intake.acknowledged == intake.received - run.outcome.disposalReports);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM interchange WHERE direction = 'outbound'") == intake.acknowledged);
  BOOST_TEST(run.outcome.posFiles > 24);  // a file per store and month with sales
  BOOST_TEST(static_cast<std::size_t>(run.outcome.salesImported) == run.outcome.salesPlanned);
}

BOOST_AUTO_TEST_CASE(the_year_holds_shipments_events_receipts_returns_disposals_cases_and_surveys_in_proportion) {
  DemoRun& run = sharedRun();
  BOOST_REQUIRE(run.outcome.ok());
  const std::int64_t shipments = run.count("SELECT COUNT(*) FROM shipment");
  BOOST_TEST(static_cast<std::size_t>(shipments) == run.outcome.shipmentsPlanned);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM shipment WHERE carrier_id IS NULL") == 0);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM shipment_event WHERE shipment_id IS NULL") == 0);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM shipment_event") > 2 * shipments);
  const std::int64_t delivered = run.count("SELECT COUNT(*) FROM shipment WHERE actual_delivery IS NOT NULL");
  BOOST_TEST(delivered > shipments * 9 / 10);
  BOOST_TEST(delivered < shipments);  // some lost, some still on their way on New Year's Eve
  const std::int64_t receipts = run.count("SELECT COUNT(*) FROM receipt");
  BOOST_TEST(receipts > delivered * 8 / 10);
  BOOST_TEST(receipts < delivered);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM shipment WHERE freight_cost_cents IS NOT NULL") > shipments / 2);
  const std::int64_t accidents = run.count(
      "SELECT COUNT(DISTINCT shipment_id) FROM shipment_event WHERE normalized_status IN ('damaged', 'lost', 'exception')");
  BOOST_TEST(accidents > 0);
  BOOST_TEST(accidents < shipments / 10);
  // The peak before Christmas, the summer dip.
  const std::int64_t peak = run.count("SELECT COUNT(*) FROM shipment WHERE ship_date >= '2025-11-01'");
  const std::int64_t summer =
      run.count("SELECT COUNT(*) FROM shipment WHERE ship_date >= '2025-07-01' AND ship_date < '2025-09-01'");
  BOOST_TEST(peak > summer * 3 / 2);

  const std::int64_t rmas = run.count("SELECT COUNT(*) FROM rma");
  BOOST_TEST(static_cast<std::size_t>(rmas) == run.outcome.returnsPlanned);
  BOOST_TEST(rmas > 3);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM rma WHERE status = 'closed' AND disposition IS NOT NULL") == rmas);
  BOOST_TEST(run.count("SELECT COUNT(DISTINCT disposition) FROM rma") >= 3);
  const std::int64_t disposals = run.count("SELECT COUNT(*) FROM disposal_record");
  BOOST_TEST(disposals > 0);
  BOOST_TEST(disposals <= run.count("SELECT COUNT(*) FROM rma WHERE disposition IN ('recycle', 'dispose')"));
  BOOST_TEST(run.count("SELECT COUNT(*) FROM disposal_record WHERE rma_id IS NULL") == 0);

  BOOST_TEST(run.count("SELECT COUNT(*) FROM sale") == static_cast<std::int64_t>(run.outcome.salesPlanned));
  const std::int64_t cases = run.count("SELECT COUNT(*) FROM service_case");
  BOOST_TEST(cases == run.outcome.service.casesOpened);
  BOOST_TEST(cases > 5);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM service_case WHERE resolved_at IS NOT NULL") > cases * 9 / 10);
  BOOST_TEST(run.count("SELECT COUNT(*) FROM survey_response") == run.outcome.service.surveysImported);
  BOOST_TEST(run.count("SELECT COUNT(DISTINCT survey) FROM survey_response") >= 2);
}

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_year_and_another_seed_another) {
  DemoRun& first = sharedRun();
  DemoRun second(3);
  DemoRun other(4);
  BOOST_REQUIRE(first.outcome.ok());
  BOOST_REQUIRE(second.outcome.ok());
  BOOST_REQUIRE(other.outcome.ok());
  const auto year = reports::yearPeriod(2025);
  BOOST_TEST((first.plainFigures(year) == second.plainFigures(year)));
  BOOST_TEST(!(first.plainFigures(year) == other.plainFigures(year)));
  for (const char* sql : {"SELECT COUNT(*) FROM shipment_event", "SELECT COUNT(*) FROM receipt_line",
                          "SELECT COUNT(*) FROM rma", "SELECT CAST(SUM(quantity_received) AS BIGINT) FROM receipt_line",
                          "SELECT COUNT(*) FROM disposal_record", "SELECT COUNT(*) FROM sale",
                          "SELECT SUM(total_cents) FROM sale", "SELECT COUNT(*) FROM service_case",
                          "SELECT COUNT(*) FROM survey_response", "SELECT SUM(score) FROM survey_response"}) {
    BOOST_TEST(first.count(sql) == second.count(sql), sql);
  }
  BOOST_TEST(first.outcome.intake.messages == second.outcome.intake.messages);
}

BOOST_AUTO_TEST_CASE(the_quarterly_report_is_written_with_its_kpis_and_charts_and_counts_what_plain_sql_counts) {
  DemoRun& run = sharedRun();
  BOOST_REQUIRE(run.outcome.ok());
  const demo::ReportFiles& report = run.outcome.report;
  BOOST_TEST(report.period == "2025Q4");
  for (const std::string& path : {report.html, report.json, report.csv, report.xml}) {
    BOOST_TEST(Poco::File(path).exists(), path);
  }
  const std::string html = contentOf(report.html);
  BOOST_TEST(html.find("<svg") != std::string::npos);
  BOOST_TEST(html.find("On-time delivery") != std::string::npos);
  BOOST_TEST(html.find("OTIF") != std::string::npos);

  const auto figures = run.plainFigures(reports::quarterPeriod(2025, 4));
  BOOST_REQUIRE(figures.shipments > 0);
  const auto json = Poco::JSON::Parser().parse(contentOf(report.json)).extract<Poco::JSON::Object::Ptr>();
  const auto kpis = json->getObject("kpis");
  BOOST_TEST(kpis->getValue<std::int64_t>("shipments") == figures.shipments);
  BOOST_TEST(kpis->getValue<double>("on_time_delivery_rate") ==
             static_cast<double>(figures.deliveredOnTime) / static_cast<double>(figures.deliveredWithPromise));
  BOOST_TEST(kpis->getValue<double>("accident_rate") ==
             static_cast<double>(figures.withAccident) / static_cast<double>(figures.shipments));
  BOOST_TEST(kpis->getValue<double>("accuracy_rate") ==
             static_cast<double>(figures.receivedAccurate) / static_cast<double>(figures.received));
  BOOST_TEST(html.find(std::to_string(figures.shipments)) != std::string::npos);
  // The till exports carry costs, so the report can rank customers by margin.
  const auto customers = json->getObject("customers")->getObject("kpis");
  BOOST_TEST(customers->getValue<std::int64_t>("key_customers") > 0);
  BOOST_TEST(customers->getValue<std::int64_t>("key_customers") < customers->getValue<std::int64_t>("customers_with_sales"));
  // The year before is there: the quarter is compared with it, and card holders who stopped
  // buying in it are lost now.
  BOOST_TEST(json->getObject("comparison")->getValue<std::int64_t>("year_before_shipments") ==
             run.plainFigures(reports::quarterPeriod(2024, 4)).shipments);
  BOOST_TEST(json->getObject("comparison")->getValue<std::int64_t>("year_before_shipments") > 0);
  BOOST_TEST(customers->getValue<std::int64_t>("lost_customers") > 0);
}

BOOST_AUTO_TEST_CASE(a_database_with_data_is_not_fresh_and_force_deletes_only_sqlite_files) {
  TestDatabase test;
  BOOST_TEST(demo::holdsNoData(test.migrated()));
  crm::Party party;
  party.code = "SOMEONE";
  party.name = "Someone";
  party.roles = {crm::PartyRole::customer};
  crm::PartyDirectory(test.database()).add(party);
  BOOST_TEST(!demo::holdsNoData(test.database()));
  BOOST_TEST(demo::removeSqliteDatabase("postgresql://u:p@localhost:5432/x").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
