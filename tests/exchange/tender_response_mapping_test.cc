#include "exchange/intake.h"

#include "logistics/shipment_book.h"
#include "logistics/tender_book.h"
#include "tests/exchange/exchange_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace exchange;
using exchange_test::catalog;
using exchange_test::fixture;
using exchange_test::Partners;
using exchange_test::readFile;
using exchange_test::variant;

namespace {

std::vector<logistics::TenderResponse> answersFor(Partners& partners, logistics::ReferenceKind kind,
                                                  const std::string& reference) {
  Poco::Data::Session session = partners.database().session();
  const auto ids = logistics::ShipmentBook(session).idsByReference(kind, reference);
  BOOST_REQUIRE_EQUAL(ids.size(), 1u);
  return logistics::TenderBook(session).forShipment(ids.front());
}

void requireFailedWithNothingApplied(Partners& partners, const IntakeReport& report, const std::string& message,
                                     const std::string& reason) {
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find(message) != std::string::npos, report.summary << " names " << message);
  BOOST_TEST(report.summary.find(reason) != std::string::npos, report.summary << " says " << reason);
  BOOST_TEST(partners.count("SELECT count(*) FROM tender_response") == 0);
  InterchangeStore store(partners.database());
  BOOST_TEST(store.find(report.interchangeId)->status == InterchangeStatus::failed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tender_response_mapping)

BOOST_AUTO_TEST_CASE(a_carrier_990_accepts_one_shipment_and_declines_another_and_both_answers_are_kept) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  BOOST_REQUIRE(intake.receive(fixture("client_856.edi")).status == InterchangeStatus::applied);
  const IntakeReport report = intake.receive(fixture("carrier_990.edi"));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_REQUIRE(report.status == InterchangeStatus::applied);
  BOOST_TEST(report.messages == 2u);

  const auto accepted = answersFor(partners, logistics::ReferenceKind::bill_of_lading, "BOL-1001");
  BOOST_REQUIRE_EQUAL(accepted.size(), 1u);
  BOOST_TEST(accepted[0].action == logistics::TenderAction::accepted);
  BOOST_TEST(accepted[0].carrierId == partners.fastFreight);
  BOOST_TEST(accepted[0].respondedAt == "2026-10-31T09:30:00.000Z");
  BOOST_TEST(accepted[0].carrierReference.value_or("") == "BOL-1001");
  BOOST_TEST(accepted[0].sourceInterchangeId.value_or(0) == report.interchangeId);
  // B102 names the second shipment by its ship notice id.
  const auto declined = answersFor(partners, logistics::ReferenceKind::ship_notice_id, "ASN-1002");
  BOOST_REQUIRE_EQUAL(declined.size(), 1u);
  BOOST_TEST(declined[0].action == logistics::TenderAction::declined);
  BOOST_TEST(declined[0].reason.value_or("") == "NO EQUIPMENT ON THAT DATE");

  BOOST_REQUIRE(report.acknowledgmentPath.has_value());
  const std::string ack = readFile(*report.acknowledgmentPath);
  BOOST_TEST(ack.find("AK1*GF*902") != std::string::npos);
  BOOST_TEST(ack.find("AK9*A*2*2*2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_990_for_a_shipment_nobody_announced_fails_and_records_no_answer) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("carrier_990.edi"));
  requireFailedWithNothingApplied(partners, report, "message 1 (990 0001)", "unknown_shipment");
  BOOST_TEST(report.summary.find("bill_of_lading 'BOL-1001' (N9*BM)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_990_with_a_reservation_action_other_than_accept_or_decline_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  BOOST_REQUIRE(intake.receive(fixture("client_856.edi")).status == InterchangeStatus::applied);
  // The second answer is refused, so the first is not kept either.
  const IntakeReport report =
      intake.receive(variant(partners, "carrier_990.edi", {{"B1*FSTF*ASN-1002*20261101*D", "B1*FSTF*ASN-1002*20261101*R"}}));
  requireFailedWithNothingApplied(partners, report, "message 2 (990 0002)", "B104");
}

BOOST_AUTO_TEST_CASE(a_990_naming_another_carrier_by_its_scac_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  BOOST_REQUIRE(intake.receive(fixture("client_856.edi")).status == InterchangeStatus::applied);
  const IntakeReport report =
      intake.receive(variant(partners, "carrier_990.edi", {{"B1*FSTF*BOL-1001", "B1*DHLX*BOL-1001"}}));
  requireFailedWithNothingApplied(partners, report, "message 1 (990 0001)", "SCAC 'DHLX' is another carrier");
}

BOOST_AUTO_TEST_SUITE_END()
