#include "exchange/intake.h"

#include "logistics/shipment_book.h"
#include "tests/exchange/exchange_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace exchange;
using exchange_test::catalog;
using exchange_test::fixture;
using exchange_test::Partners;
using exchange_test::readFile;
using exchange_test::shipmentByBillOfLading;
using exchange_test::variant;

namespace {

void requireFailed(const IntakeReport& report, const std::string& message, const std::string& reason) {
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find(message) != std::string::npos, report.summary << " names " << message);
  BOOST_TEST(report.summary.find(reason) != std::string::npos, report.summary << " says " << reason);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(freight_invoice_mapping)

BOOST_AUTO_TEST_CASE(a_carrier_210_sets_the_freight_cost_of_the_shipment_it_invoices) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  BOOST_REQUIRE(intake.receive(fixture("client_856.edi")).status == InterchangeStatus::applied);
  BOOST_TEST(!shipmentByBillOfLading(partners, "BOL-1001").freightCostCents.has_value());
  const IntakeReport report = intake.receive(fixture("carrier_210.edi"));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_REQUIRE(report.status == InterchangeStatus::applied);

  const logistics::Shipment shipment = shipmentByBillOfLading(partners, "BOL-1001");
  BOOST_TEST(shipment.freightCostCents.value_or(0) == 125000);  // B307 125000 is 1250.00
  BOOST_TEST(shipment.currency.value_or("") == "USD");
  Poco::Data::Session session = partners.database().session();
  const auto invoices = logistics::ShipmentBook(session).freightInvoices(shipment.id);
  BOOST_REQUIRE_EQUAL(invoices.size(), 1u);
  BOOST_TEST(invoices[0].invoiceNumber == "INV-5001");
  BOOST_TEST(invoices[0].carrierId == partners.fastFreight);
  BOOST_TEST(invoices[0].invoiceDate.value_or("") == "2026-11-06T00:00:00.000Z");
  BOOST_TEST(invoices[0].sourceInterchangeId.value_or(0) == report.interchangeId);
  // The other shipment is not touched.
  BOOST_TEST(!shipmentByBillOfLading(partners, "BOL-1002").freightCostCents.has_value());

  BOOST_REQUIRE(report.acknowledgmentPath.has_value());
  const std::string ack = readFile(*report.acknowledgmentPath);
  BOOST_TEST(ack.find("AK1*IM*903") != std::string::npos);
  BOOST_TEST(ack.find("AK9*A*1*1*1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_210_in_another_currency_keeps_that_currency) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  BOOST_REQUIRE(intake.receive(fixture("client_856.edi")).status == InterchangeStatus::applied);
  const IntakeReport report = intake.receive(variant(partners, "carrier_210.edi", {{"C3*USD~", "C3*EUR~"}}));
  BOOST_REQUIRE_MESSAGE(report.status == InterchangeStatus::applied, report.summary);
  BOOST_TEST(shipmentByBillOfLading(partners, "BOL-1001").currency.value_or("") == "EUR");
}

BOOST_AUTO_TEST_CASE(a_210_for_a_shipment_nobody_announced_fails_and_sets_no_cost) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("carrier_210.edi"));
  requireFailed(report, "message 1 (210 0001)", "unknown_shipment");
  BOOST_TEST(partners.count("SELECT count(*) FROM freight_invoice") == 0);
}

BOOST_AUTO_TEST_CASE(a_210_whose_total_charges_disagree_with_the_amount_due_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  BOOST_REQUIRE(intake.receive(fixture("client_856.edi")).status == InterchangeStatus::applied);
  const IntakeReport report = intake.receive(variant(partners, "carrier_210.edi", {{"L3*44.1*G***125000~", "L3*44.1*G***120000~"}}));
  requireFailed(report, "message 1 (210 0001): segment 14 (L3), element L305",
                "total charges '120000' differ from B307 net amount due 1250.00");
  BOOST_TEST(partners.count("SELECT count(*) FROM freight_invoice") == 0);
  BOOST_TEST(!shipmentByBillOfLading(partners, "BOL-1001").freightCostCents.has_value());
}

BOOST_AUTO_TEST_CASE(the_same_invoice_number_in_a_later_interchange_is_refused_and_the_cost_stays) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  BOOST_REQUIRE(intake.receive(fixture("client_856.edi")).status == InterchangeStatus::applied);
  BOOST_REQUIRE(intake.receive(fixture("carrier_210.edi")).status == InterchangeStatus::applied);
  // Another interchange (control number 904) with the same invoice at another amount.
  const IntakeReport report = intake.receive(variant(
      partners, "carrier_210.edi",
      {{"000000903", "000000904"}, {"*125000**", "*99900**"}, {"L3*44.1*G***125000~", "L3*44.1*G***99900~"}}));
  requireFailed(report, "message 1 (210 0001)", "duplicate_reference");
  BOOST_TEST(partners.count("SELECT count(*) FROM freight_invoice") == 1);
  BOOST_TEST(shipmentByBillOfLading(partners, "BOL-1001").freightCostCents.value_or(0) == 125000);
}

BOOST_AUTO_TEST_SUITE_END()
