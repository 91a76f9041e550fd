#include "exchange/intake.h"

#include "logistics/return_book.h"
#include "tests/exchange/exchange_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace exchange;
using exchange_test::catalog;
using exchange_test::fixture;
using exchange_test::Partners;
using exchange_test::readFile;
using exchange_test::variant;

namespace {

std::optional<logistics::ReturnAuthorization> rma(Partners& partners, const std::string& number) {
  Poco::Data::Session session = partners.database().session();
  return logistics::ReturnBook(session).findByNumber(number);
}

void requireFailedWithNothingApplied(Partners& partners, const IntakeReport& report, const std::string& message,
                                     const std::string& reason) {
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find(message) != std::string::npos, report.summary << " names " << message);
  BOOST_TEST(report.summary.find(reason) != std::string::npos, report.summary << " says " << reason);
  BOOST_TEST(partners.count("SELECT count(*) FROM rma") == 0);
  BOOST_TEST(partners.count("SELECT count(*) FROM rma_line") == 0);
  BOOST_TEST(partners.count("SELECT count(*) FROM rma_serial") == 0);
  InterchangeStore store(partners.database());
  BOOST_TEST(store.find(report.interchangeId)->status == InterchangeStatus::failed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(return_mapping)

BOOST_AUTO_TEST_CASE(a_dealer_180_opens_an_authorized_rma_with_its_customer_items_and_serials) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("dealer_180.edi"));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_REQUIRE(report.status == InterchangeStatus::applied);

  const auto back = rma(partners, "RMA-4001");  // N9*RZ, not the BGN reference
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(back->customerId.value_or(0) == partners.customer);  // N1*BY ... 92*CUST42
  BOOST_TEST(back->dealerId.value_or(0) == partners.dealerLyon);  // the sender
  BOOST_TEST(back->reasonCode.value_or("") == "DA");
  BOOST_TEST(back->reason.value_or("") == "DRUM BEARING NOISE AFTER 2 WEEKS");
  BOOST_TEST(back->sourceInterchangeId.value_or(0) == report.interchangeId);
  // RDR01 RA: requested and authorized at the message's time.
  BOOST_TEST(back->status == logistics::RmaStatus::authorized);
  BOOST_REQUIRE_EQUAL(back->history.size(), 2u);
  BOOST_TEST(back->history[0].status == logistics::RmaStatus::requested);
  BOOST_TEST(back->history[0].changedAt == "2026-11-10T09:00:00.000Z");
  BOOST_TEST(back->history[1].note.value_or("") == "RDR01 RA");
  BOOST_REQUIRE_EQUAL(back->lines.size(), 2u);
  BOOST_TEST(back->lines[0].sku.value_or("") == "WM-800");
  BOOST_TEST(back->lines[0].quantity == 2.0);
  BOOST_TEST(back->lines[0].unit == "EA");
  BOOST_TEST(back->lines[0].serialNumbers == (std::vector<std::string>{"SN-WM-0001", "SN-WM-0002"}));
  BOOST_TEST(back->lines[1].quantity == 3.0);
  BOOST_TEST(back->lines[1].serialNumbers.empty());

  BOOST_REQUIRE(report.acknowledgmentPath.has_value());
  const std::string ack = readFile(*report.acknowledgmentPath);
  BOOST_TEST(ack.find("AK1*AN*604") != std::string::npos);
  BOOST_TEST(ack.find("AK9*A*1*1*1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_recycler_retann_announces_a_requested_return) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("recycler_retann.edi"));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_REQUIRE(report.status == InterchangeStatus::applied);

  const auto back = rma(partners, "RN-5001");  // RFF+ALQ, the returns notice number
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(back->status == logistics::RmaStatus::requested);
  BOOST_TEST(back->requestedAt == "2026-11-12T00:00:00.000Z");
  BOOST_TEST(back->customerId.value_or(0) == partners.customer);
  BOOST_TEST(!back->dealerId.has_value());  // a recycler is no dealer
  BOOST_TEST(back->reasonCode.value_or("") == "EOL");
  BOOST_TEST(back->reason.value_or("") == "END OF LIFE COLLECTION");
  BOOST_REQUIRE_EQUAL(back->lines.size(), 2u);
  BOOST_TEST(back->lines[0].description.value_or("") == "WASHING MACHINE");
  BOOST_TEST(back->lines[0].quantity == 2.0);
  BOOST_TEST(back->lines[0].unit == "PCE");
  BOOST_TEST(back->lines[0].serialNumbers == (std::vector<std::string>{"SN-WM-0101", "SN-WM-0102"}));
  BOOST_TEST(back->lines[1].sku.value_or("") == "FLT-20");
  BOOST_TEST(back->lines[1].quantity == 5.0);

  BOOST_REQUIRE(report.acknowledgmentPath.has_value());
  BOOST_TEST(readFile(*report.acknowledgmentPath).find("UNH+1+CONTRL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_later_180_authorizes_a_requested_rma_and_one_with_no_new_step_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  // First the request (RDR01 RP, pending), under its own control number.
  const IntakeReport requested =
      intake.receive(variant(partners, "dealer_180.edi", {{"000000604", "000000605"}, {"RDR*RA*DA~", "RDR*RP*DA~"}}));
  BOOST_REQUIRE_MESSAGE(requested.status == InterchangeStatus::applied, requested.summary);
  BOOST_TEST(rma(partners, "RMA-4001")->status == logistics::RmaStatus::requested);

  const IntakeReport authorized = intake.receive(fixture("dealer_180.edi"));
  BOOST_REQUIRE_MESSAGE(authorized.status == InterchangeStatus::applied, authorized.summary);
  const auto back = rma(partners, "RMA-4001");
  BOOST_TEST(back->status == logistics::RmaStatus::authorized);
  BOOST_TEST(back->history.size() == 2u);
  BOOST_TEST(partners.count("SELECT count(*) FROM rma") == 1);

  const IntakeReport again =
      intake.receive(variant(partners, "dealer_180.edi", {{"000000604", "000000606"}, {"RDR*RA*DA~", "RDR*RP*DA~"}}));
  BOOST_TEST_MESSAGE(again.summary);
  BOOST_TEST(again.status == InterchangeStatus::failed);
  BOOST_TEST(again.summary.find("RMA 'RMA-4001' is recorded already (authorized)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_180_with_more_serials_than_items_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(variant(partners, "dealer_180.edi", {{"BLI*BP*WM-800*2*EA", "BLI*BP*WM-800*1*EA"}}));
  requireFailedWithNothingApplied(partners, report, "message 1 (180 0001)", "more serial numbers than items");
}

BOOST_AUTO_TEST_CASE(a_180_with_a_zero_quantity_is_refused_naming_the_segment) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(variant(partners, "dealer_180.edi", {{"BLI*BP*FLT-20*3*EA", "BLI*BP*FLT-20*0*EA"}}));
  requireFailedWithNothingApplied(partners, report, "message 1 (180 0001)",
                                 "segment 10 (BLI), element BLI03: invalid_value (BLI03)");
}

BOOST_AUTO_TEST_CASE(a_retann_naming_an_unknown_customer_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(variant(partners, "recycler_retann.edi", {{"NAD+BY+CUST42::92'", "NAD+BY+CUST99::92'"}}));
  requireFailedWithNothingApplied(partners, report, "message 1 (RETANN 1)", "unknown_party");
  BOOST_TEST(report.summary.find("'CUST99'") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
