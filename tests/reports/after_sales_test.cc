#include "reports/csv_renderer.h"
#include "reports/html_renderer.h"
#include "reports/json_renderer.h"
#include "reports/service_report.h"
#include "reports/xml_renderer.h"
#include "tests/reports/after_sales_fixture.h"
#include "tests/reports/schema_check.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Nullable.h>

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace reports;
using namespace Poco::Data::Keywords;
using reports_test::AfterSalesHistory;

namespace {

const Kpi& kpi(const std::vector<Kpi>& kpis, const std::string& key) {
  for (const Kpi& k : kpis) {
    if (k.key == key) return k;
  }
  BOOST_FAIL("no KPI " + key);
  return kpis.front();
}

double valueOf(const std::vector<Kpi>& kpis, const std::string& key) {
  const Kpi& k = kpi(kpis, key);
  BOOST_REQUIRE_MESSAGE(k.value.has_value(), key << " has no value");
  return *k.value;
}

ServiceReport quarter(Poco::Data::Session& session, const std::optional<std::string>& client,
                      const std::string& period = "2026Q3") {
  ReportRequest request;
  request.kind = ReportKind::quarterly;
  request.period = *parsePeriod(period);
  request.clientCode = client;
  std::string problem;
  auto report = buildServiceReport(session, request, problem);
  BOOST_REQUIRE_MESSAGE(report.has_value(), problem);
  BOOST_REQUIRE(report->returns && report->service && report->recycling && report->customers);
  return *report;
}

const BreakdownRow& row(const std::vector<BreakdownRow>& rows, const std::string& key) {
  for (const BreakdownRow& r : rows) {
    if (r.key == key) return r;
  }
  BOOST_FAIL("no row " + key);
  return rows.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(after_sales_sections)

// MAKER's 2026Q3: RMAs R1, R2, R5 requested with 2 + 1 + 1 units of its product (R2's OTHER line
// is not MAKER's), over 10 + 5 + 5 units sold (the counter return is no sale). Decided in the
// quarter: R1 48 h (recycle, 2 units), R2 36 h (refurbish, 1 unit of MAKER's), R4 48 h (repair, 4).
BOOST_AUTO_TEST_CASE(returns_count_the_clients_products_rate_reasons_processing_and_dispositions) {
  AfterSalesHistory history;
  Poco::Data::Session session = history.test.database().session();
  const ServiceReport report = quarter(session, "MAKER");
  const ReturnsSection& returns = *report.returns;
  BOOST_TEST(returns.returns == 3);
  BOOST_TEST(kpi(returns.kpis, "return_rate").numerator == 4.0);
  BOOST_TEST(kpi(returns.kpis, "return_rate").denominator == 20.0);
  BOOST_TEST(valueOf(returns.kpis, "return_rate") == 0.2);
  BOOST_TEST(valueOf(returns.kpis, "return_processing_avg_hours") == 44.0);
  BOOST_TEST(valueOf(returns.kpis, "return_processing_p90_hours") == 48.0);
  BOOST_REQUIRE(returns.reasons.size() == 2u);
  BOOST_TEST(returns.reasons[0].key == "DEF");
  BOOST_TEST(returns.reasons[0].label == "Defective");
  BOOST_TEST(returns.reasons[0].count == 2);
  BOOST_TEST(returns.reasons[0].quantity == 3.0);
  BOOST_TEST(*returns.reasons[0].share == 2.0 / 3);
  BOOST_TEST(returns.reasons[1].label == "(no reason given)");
  BOOST_REQUIRE(returns.dispositions.size() == 6u);
  BOOST_TEST(row(returns.dispositions, "recycle").count == 1);
  BOOST_TEST(row(returns.dispositions, "recycle").quantity == 2.0);
  BOOST_TEST(row(returns.dispositions, "refurbish").quantity == 1.0);
  BOOST_TEST(row(returns.dispositions, "repair").quantity == 4.0);
  BOOST_TEST(row(returns.dispositions, "restock").count == 0);
  for (const Kpi& k : returns.kpis) BOOST_TEST(!k.definition.empty(), k.key);

  // All clients: R3 (OTHER, 24 h, restock) too, and every line; 34 units sold.
  const ServiceReport all = quarter(session, std::nullopt);
  BOOST_TEST(all.returns->returns == 4);
  BOOST_TEST(kpi(all.returns->kpis, "return_rate").numerator == 8.0);
  BOOST_TEST(kpi(all.returns->kpis, "return_rate").denominator == 35.0);
  BOOST_TEST(valueOf(all.returns->kpis, "return_processing_avg_hours") == 39.0);
  BOOST_TEST(row(all.returns->dispositions, "restock").count == 1);
}

// The same return rate by plain SQL over the tables, written independently of the report's query.
BOOST_AUTO_TEST_CASE(the_return_rate_agrees_with_plain_sql) {
  AfterSalesHistory history;
  Poco::Data::Session session = history.test.database().session();
  const ServiceReport report = quarter(session, "MAKER");
  Poco::Nullable<double> returned, sold;
  session << "SELECT sum(l.quantity) FROM rma r JOIN rma_status_history h ON h.rma_id = r.rma_id"
             " JOIN rma_line l ON l.rma_id = r.rma_id JOIN product p ON p.product_id = l.product_id"
             " WHERE h.status = 'requested' AND h.changed_at >= '2026-07-01' AND h.changed_at < '2026-10-01'"
             " AND p.manufacturer_id = ?",
      bind(history.maker), into(returned), now;
  session << "SELECT sum(l.quantity) FROM sale s JOIN sale_line l ON l.sale_id = s.sale_id"
             " JOIN product p ON p.product_id = l.product_id"
             " WHERE s.business_day BETWEEN '2026-07-01' AND '2026-09-30' AND l.quantity > 0 AND p.manufacturer_id = ?",
      bind(history.maker), into(sold), now;
  BOOST_REQUIRE(!returned.isNull());
  BOOST_REQUIRE(!sold.isNull());
  const Kpi& rate = kpi(report.returns->kpis, "return_rate");
  BOOST_TEST(rate.numerator == returned.value());
  BOOST_TEST(rate.denominator == sold.value());
}

// MAKER's customers L1-L5 (L6 buys OTHER only): cases K1 (10 h / 48 h, within), K2 (30 h / 48 h,
// outside), K3 (running at the quarter's end); CSAT 5 and 3; NPS 10, 6, 9: (2 - 1) / 3.
BOOST_AUTO_TEST_CASE(service_times_sla_csat_nps_and_complaints_of_the_clients_customers) {
  AfterSalesHistory history;
  Poco::Data::Session session = history.test.database().session();
  const ServiceSection service = *quarter(session, "MAKER").service;
  BOOST_TEST(service.cases == 3);
  BOOST_TEST(valueOf(service.kpis, "complaints") == 2.0);
  BOOST_TEST(valueOf(service.kpis, "first_response_avg_hours") == 20.0);
  BOOST_TEST(valueOf(service.kpis, "first_response_p90_hours") == 30.0);
  BOOST_TEST(valueOf(service.kpis, "resolution_avg_hours") == 48.0);
  BOOST_TEST(kpi(service.kpis, "sla_attainment_rate").numerator == 1.0);
  BOOST_TEST(kpi(service.kpis, "sla_attainment_rate").denominator == 2.0);
  BOOST_TEST(valueOf(service.kpis, "csat_avg") == 4.0);
  BOOST_TEST(valueOf(service.kpis, "csat_rate") == 0.5);
  BOOST_TEST(valueOf(service.kpis, "nps") == 100.0 / 3, boost::test_tools::tolerance(1e-9));
  const CaseKindRow& complaints = service.byKind[1];
  BOOST_TEST(complaints.kind == "complaint");
  BOOST_TEST(complaints.withinSla == 1);
  BOOST_TEST(complaints.running == 1);

  // All clients: K5 (24 h, answered by its resolution, within) and L6's answers too.
  const ServiceSection all = *quarter(session, std::nullopt).service;
  BOOST_TEST(all.cases == 4);
  BOOST_TEST(valueOf(all.kpis, "first_response_p90_hours") == 30.0);
  BOOST_TEST(valueOf(all.kpis, "resolution_avg_hours") == 40.0);
  BOOST_TEST(valueOf(all.kpis, "sla_attainment_rate") == 2.0 / 3);
  BOOST_TEST(valueOf(all.kpis, "csat_rate") == 2.0 / 3);
  BOOST_TEST(valueOf(all.kpis, "nps") == 50.0);
}

// MAKER's RMAs R1 and R2 have D1 (R4 120.5 kg measured), D2 (D1 0.25 t estimated) and D4 (in
// units: no weight); D3 is OTHER's, D5 has no RMA, D6 is treated next quarter.
BOOST_AUTO_TEST_CASE(recycling_weighs_by_operation_code_and_agrees_with_plain_sql) {
  AfterSalesHistory history;
  Poco::Data::Session session = history.test.database().session();
  const RecyclingSection recycling = *quarter(session, "MAKER").recycling;
  BOOST_TEST(recycling.records == 3);
  BOOST_TEST(recycling.recordsWithoutWeight == 1);
  BOOST_REQUIRE(recycling.byCode.size() == 2u);
  BOOST_TEST(recycling.byCode[0].code == "R4");
  BOOST_TEST(recycling.byCode[0].measuredKg == 120.5);
  BOOST_TEST(recycling.byCode[1].code == "D1");
  BOOST_TEST(recycling.byCode[1].estimatedKg == 250.0);
  BOOST_TEST(valueOf(recycling.kpis, "treated_weight_kg") == 370.5);
  BOOST_TEST(valueOf(recycling.kpis, "recovery_rate") == 120.5 / 370.5);

  const RecyclingSection all = *quarter(session, std::nullopt).recycling;
  BOOST_TEST(all.records == 5);
  std::vector<std::string> codes;
  for (const OperationWeight& w : all.byCode) codes.push_back(w.code);
  BOOST_TEST(codes == (std::vector<std::string>{"R3", "R4", "R5", "D1"}), boost::test_tools::per_element());
  // Independently: every weighed record of the quarter, tonnes in kg, by plain SQL.
  Poco::Nullable<double> total, recovered;
  session << "SELECT sum(CASE unit WHEN 'kg' THEN quantity WHEN 't' THEN quantity * 1000 END),"
             " sum(CASE WHEN operation_code LIKE 'R%' THEN CASE unit WHEN 'kg' THEN quantity WHEN 't' THEN quantity * 1000"
             " END END) FROM disposal_record WHERE substr(treated_at, 1, 7) IN ('2026-07', '2026-08', '2026-09')",
      into(total), into(recovered), now;
  BOOST_REQUIRE(!total.isNull());
  BOOST_TEST(valueOf(all.kpis, "treated_weight_kg") == total.value());
  BOOST_TEST(kpi(all.kpis, "recovery_rate").numerator == recovered.value());
  BOOST_TEST(total.value() == 490.5);
}

// MAKER's margins in the quarter (its lines only): L1 40000 - 4000 (counter return) = 36000,
// L2 10000, L3 2000 of 48000: L1 A (before 0 %), L2 A (75 %), L3 C (95.8 %). Lost after 12
// months: L5 (last 2025-08-15) and L4 (last MAKER purchase 2025-09-01; OTHER since), of L3, L4, L5
// at the start.
BOOST_AUTO_TEST_CASE(key_customers_by_margin_and_customers_lost_with_their_reasons) {
  AfterSalesHistory history;
  Poco::Data::Session session = history.test.database().session();
  const CustomerSection customers = *quarter(session, "MAKER").customers;
  BOOST_TEST(valueOf(customers.kpis, "customers_with_sales") == 3.0);
  BOOST_TEST(valueOf(customers.kpis, "key_customers") == 2.0);
  BOOST_TEST(valueOf(customers.kpis, "key_customer_margin_rate") == 46000.0 / 48000);
  BOOST_REQUIRE(customers.topCustomers.size() == 3u);
  BOOST_TEST(customers.topCustomers[0].code == history.code.at("L1"));
  BOOST_TEST(customers.topCustomers[0].marginCents == 36000);
  BOOST_TEST(customers.topCustomers[2].abcClass == 'C');
  BOOST_TEST(customers.lost == 2);
  BOOST_TEST(customers.customersAtStart == 3);
  BOOST_TEST(valueOf(customers.kpis, "churn_rate") == 2.0 / 3);
  BOOST_REQUIRE(customers.lostCustomers.size() == 2u);
  BOOST_TEST(customers.lostCustomers[0].code == history.code.at("L5"));
  BOOST_TEST(customers.lostCustomers[0].reason.value_or("") == "price");
  BOOST_TEST(!customers.lostCustomers[1].reason.has_value());
  BOOST_REQUIRE(customers.lostReasons.size() == 2u);
  BOOST_TEST(customers.lostReasons[0].label == "price");
  BOOST_TEST(customers.lostReasons[1].label == "(no exit survey)");

  // All clients: L4 bought (OTHER) in the quarter, so only L5 is lost.
  const CustomerSection all = *quarter(session, std::nullopt).customers;
  BOOST_TEST(all.lost == 1);
  BOOST_TEST(valueOf(all.kpis, "churn_rate") == 1.0 / 3);
}

BOOST_AUTO_TEST_CASE(an_empty_period_renders_every_section_empty_without_dividing_by_zero) {
  AfterSalesHistory history;
  Poco::Data::Session session = history.test.database().session();
  // Nothing then, and nobody bought in the twelve months before: no customer at the start either.
  const ServiceReport report = quarter(session, "MAKER", "2030Q1");
  BOOST_TEST(report.returns->returns == 0);
  BOOST_TEST(!kpi(report.returns->kpis, "return_rate").value.has_value());
  BOOST_TEST(!kpi(report.service->kpis, "nps").value.has_value());
  BOOST_TEST(!kpi(report.recycling->kpis, "recovery_rate").value.has_value());
  BOOST_TEST(!kpi(report.customers->kpis, "churn_rate").value.has_value());

  std::ostringstream html, json, csv, xml;
  renderHtml(report, html);
  renderJson(report, json);
  renderCsv(report, csv);
  renderXml(report, xml);
  for (const char* note : {"No returns in this period.", "No service cases and no survey answers in this period.",
                           "No disposal records in this period.", "No customer with a sale in this period.",
                           "No customer lost in this period."}) {
    BOOST_TEST(html.str().find(note) != std::string::npos, note);
  }
  Poco::JSON::Parser parser;
  const auto root = parser.parse(json.str()).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(root->getObject("returns")->getObject("kpis")->isNull("return_rate"));
  BOOST_TEST(reports_test::schemaErrors(xml.str()).empty(), reports_test::schemaErrors(xml.str()));
}

BOOST_AUTO_TEST_CASE(a_report_with_every_section_validates_against_the_schema_and_draws_their_charts) {
  AfterSalesHistory history;
  Poco::Data::Session session = history.test.database().session();
  const ServiceReport report = quarter(session, std::nullopt);
  std::ostringstream html, xml;
  renderHtml(report, html);
  renderXml(report, xml);
  BOOST_TEST(reports_test::schemaErrors(xml.str()).empty(), reports_test::schemaErrors(xml.str()));
  for (const char* chart : {"chart-return-reasons", "chart-dispositions", "chart-service-sla", "chart-csat",
                            "chart-recycling", "chart-abc", "chart-lost-reasons"}) {
    BOOST_TEST(html.str().find("<title id=\"" + std::string(chart) + "-title\">") != std::string::npos, chart);
  }
}

BOOST_AUTO_TEST_SUITE_END()
