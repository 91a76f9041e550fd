#include "logistics/shipment_book.h"
#include "logistics/tender_book.h"
#include "tests/logistics/logistics_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace logistics;
using logistics_test::LogisticsFixture;

namespace {

std::int64_t recordedShipment(LogisticsFixture& f, const std::string& pro) {
  std::int64_t id = 0;
  f.inTransaction([&](store::Transaction& transaction) {
    const auto recorded = ShipmentBook(transaction.session()).record(transaction, f.shipment(pro));
    BOOST_REQUIRE_MESSAGE(recorded.ok(), recorded.describe());
    id = recorded.value();
    return true;
  });
  return id;
}

FreightInvoice invoiceOf(const LogisticsFixture& f, std::int64_t shipment, const std::string& number,
                         std::int64_t cents) {
  FreightInvoice invoice;
  invoice.shipmentId = shipment;
  invoice.carrierId = f.carrier;
  invoice.invoiceNumber = number;
  invoice.amountCents = cents;
  invoice.currency = "USD";
  invoice.invoiceDate = "2026-03-05T00:00:00.000Z";
  return invoice;
}

Result<Done> setCost(LogisticsFixture& f, const FreightInvoice& invoice) {
  Result<Done> result = Problem{ProblemCode::missing_field, "", "not run"};
  f.inTransaction([&](store::Transaction& transaction) {
    result = ShipmentBook(transaction.session()).setFreightCost(transaction, invoice);
    return result.ok();
  });
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(carrier_answers)

BOOST_AUTO_TEST_CASE(tender_answers_are_kept_per_shipment_in_the_order_they_were_given) {
  LogisticsFixture f;
  const std::int64_t shipment = recordedShipment(f, "PRO-T1");
  f.inTransaction([&](store::Transaction& transaction) {
    TenderBook book(transaction.session());
    const auto declined = book.record(transaction, {0, shipment, f.otherCarrier, TenderAction::declined,
                                                    "2026-03-01T09:00:00.000Z", std::string("LOAD-9"),
                                                    std::string("no equipment"), std::nullopt});
    BOOST_REQUIRE_MESSAGE(declined.ok(), declined.describe());
    const auto accepted = book.record(transaction, {0, shipment, f.carrier, TenderAction::accepted,
                                                    "2026-03-01T10:00:00.000Z", std::nullopt, std::nullopt,
                                                    std::nullopt});
    BOOST_REQUIRE_MESSAGE(accepted.ok(), accepted.describe());
    return true;
  });
  Poco::Data::Session session = f.database.session();
  const auto answers = TenderBook(session).forShipment(shipment);
  BOOST_REQUIRE_EQUAL(answers.size(), 2u);
  BOOST_TEST(answers[0].carrierId == f.otherCarrier);
  BOOST_TEST(tenderActionName(answers[0].action) == std::string("declined"));
  BOOST_TEST(answers[0].reason.value_or("") == "no equipment");
  BOOST_TEST(answers[0].carrierReference.value_or("") == "LOAD-9");
  BOOST_TEST(answers[1].carrierId == f.carrier);
  BOOST_TEST(tenderActionName(answers[1].action) == std::string("accepted"));
}

BOOST_AUTO_TEST_CASE(a_tender_answer_from_a_party_that_is_no_carrier_or_for_no_shipment_is_refused) {
  LogisticsFixture f;
  const std::int64_t shipment = recordedShipment(f, "PRO-T2");
  f.inTransaction([&](store::Transaction& transaction) {
    TenderBook book(transaction.session());
    const auto fromDealer = book.record(transaction, {0, shipment, f.dealer, TenderAction::accepted,
                                                      "2026-03-01T09:00:00.000Z", {}, {}, {}});
    BOOST_TEST(fromDealer.has(ProblemCode::role_not_held));
    const auto noShipment = book.record(transaction, {0, shipment + 100, f.carrier, TenderAction::accepted,
                                                      "2026-03-01", {}, {}, {}});
    BOOST_TEST(noShipment.has(ProblemCode::unknown_shipment));
    BOOST_TEST(noShipment.has(ProblemCode::invalid_timestamp));
    return true;
  });
  BOOST_TEST(f.count("tender_response") == 0);
}

BOOST_AUTO_TEST_CASE(the_latest_freight_invoice_sets_the_shipment_cost_and_every_invoice_is_kept) {
  LogisticsFixture f;
  const std::int64_t shipment = recordedShipment(f, "PRO-F1");
  const auto first = setCost(f, invoiceOf(f, shipment, "INV-1", 125000));
  BOOST_REQUIRE_MESSAGE(first.ok(), first.describe());
  const auto corrected = setCost(f, invoiceOf(f, shipment, "INV-1C", 118050));
  BOOST_REQUIRE_MESSAGE(corrected.ok(), corrected.describe());

  Poco::Data::Session session = f.database.session();
  ShipmentBook book(session);
  const auto back = book.find(shipment);
  BOOST_TEST(back->freightCostCents.value_or(0) == 118050);
  BOOST_TEST(back->currency.value_or("") == "USD");  // was EUR before the invoices
  const auto invoices = book.freightInvoices(shipment);
  BOOST_REQUIRE_EQUAL(invoices.size(), 2u);
  BOOST_TEST(invoices[0].invoiceNumber == "INV-1");
  BOOST_TEST(invoices[0].amountCents == 125000);
  BOOST_TEST(invoices[1].invoiceDate.value_or("") == "2026-03-05T00:00:00.000Z");
}

BOOST_AUTO_TEST_CASE(a_freight_invoice_sent_twice_or_with_a_bad_amount_is_refused_and_the_cost_stays) {
  LogisticsFixture f;
  const std::int64_t shipment = recordedShipment(f, "PRO-F2");
  BOOST_REQUIRE(setCost(f, invoiceOf(f, shipment, "INV-7", 5000)).ok());

  const auto again = setCost(f, invoiceOf(f, shipment, "INV-7", 9900));
  BOOST_TEST(again.has(ProblemCode::duplicate_reference));
  auto negative = invoiceOf(f, shipment, "INV-8", -1);
  negative.currency = "usd";
  const auto bad = setCost(f, negative);
  BOOST_TEST(bad.has(ProblemCode::invalid_value));
  BOOST_TEST(bad.problems().size() == 2u);  // the amount and the currency
  auto fromDealer = invoiceOf(f, shipment, "INV-9", 100);
  fromDealer.carrierId = f.dealer;
  BOOST_TEST(setCost(f, fromDealer).has(ProblemCode::role_not_held));

  Poco::Data::Session session = f.database.session();
  BOOST_TEST(ShipmentBook(session).find(shipment)->freightCostCents.value_or(0) == 5000);
  BOOST_TEST(f.count("freight_invoice") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
