#include "exchange/intake.h"

#include "logistics/receipt_book.h"
#include "logistics/shipment_book.h"
#include "tests/exchange/exchange_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace exchange;
using exchange_test::applied;
using exchange_test::catalog;
using exchange_test::fixture;
using exchange_test::Partners;
using exchange_test::readFile;
using exchange_test::variant;

namespace {

std::int64_t shipmentBy(Partners& partners, logistics::ReferenceKind kind, const std::string& reference) {
  Poco::Data::Session session = partners.database().session();
  const auto ids = logistics::ShipmentBook(session).idsByReference(kind, reference);
  BOOST_REQUIRE_EQUAL(ids.size(), 1u);
  return ids.front();
}

std::vector<logistics::Receipt> receiptsOf(Partners& partners, std::int64_t shipment) {
  Poco::Data::Session session = partners.database().session();
  return logistics::ReceiptBook(session).forShipment(shipment);
}

// The refusal every failed receipt shares: failed, the message named, nothing recorded.
void requireFailedWithNothingApplied(Partners& partners, const IntakeReport& report, const std::string& message,
                                     const std::string& reason) {
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find(message) != std::string::npos, report.summary << " names " << message);
  BOOST_TEST(report.summary.find(reason) != std::string::npos, report.summary << " says " << reason);
  BOOST_TEST(partners.count("SELECT count(*) FROM receipt") == 0);
  BOOST_TEST(partners.count("SELECT count(*) FROM receipt_line") == 0);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_line WHERE quantity_received IS NOT NULL") == 0);
  InterchangeStore store(partners.database());
  const auto record = store.find(report.interchangeId);
  BOOST_REQUIRE(record.has_value());
  BOOST_TEST(record->status == InterchangeStatus::failed);
  BOOST_TEST(record->error.value_or("").find(message) != std::string::npos);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(receipt_mapping)

BOOST_AUTO_TEST_CASE(a_dealer_944_is_kept_acknowledged_and_set_against_the_ship_notice_it_names) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_856.edi"));
  const IntakeReport report = applied(intake, fixture("dealer_944.edi"));

  const std::int64_t shipment = shipmentBy(partners, logistics::ReferenceKind::ship_notice_id, "ASN-1001");
  const auto receipts = receiptsOf(partners, shipment);
  BOOST_REQUIRE_EQUAL(receipts.size(), 1u);
  const logistics::Receipt& receipt = receipts.front();
  BOOST_TEST(receipt.receiptNumber == "REC2001");
  BOOST_TEST(receipt.warehouseId.value_or(0) == partners.dealerLyon);
  BOOST_TEST(receipt.warehouse.value_or("") == "SC1");
  BOOST_TEST(receipt.receivedAt == "2026-11-03T14:30:00.000Z");
  BOOST_TEST(receipt.sourceInterchangeId.value_or(0) == report.interchangeId);
  BOOST_REQUIRE_EQUAL(receipt.lines.size(), 3u);
  // WM-800: 2 announced, 2 came, one of them damaged (W13 condition 01).
  BOOST_TEST(receipt.lines[0].shipmentLineNo.value_or(0) == 1);
  BOOST_TEST(receipt.lines[0].quantityReceived == 2.0);
  BOOST_TEST(receipt.lines[0].quantityDamaged == 1.0);
  BOOST_TEST(receipt.lines[0].quantityShort.value_or(-1) == 0.0);
  BOOST_TEST(receipt.lines[0].unit == "EA");
  // FLT-20: 10 announced, 8 came.
  BOOST_TEST(receipt.lines[1].shipmentLineNo.value_or(0) == 2);
  BOOST_TEST(receipt.lines[1].quantityShort.value_or(-1) == 2.0);
  // GSK-5 was never announced: all of it is over.
  BOOST_TEST(!receipt.lines[2].shipmentLineNo.has_value());
  BOOST_TEST(receipt.lines[2].quantityOver.value_or(-1) == 1.0);

  Poco::Data::Session session = partners.database().session();
  const auto lines = logistics::ShipmentBook(session).find(shipment)->lines;
  BOOST_TEST(lines[0].quantityReceived.value_or(-1) == 2.0);
  BOOST_TEST(lines[0].quantityDamaged.value_or(-1) == 1.0);
  BOOST_TEST(lines[1].quantityReceived.value_or(-1) == 8.0);

  BOOST_REQUIRE(report.acknowledgmentPath.has_value());
  const std::string ack = readFile(*report.acknowledgmentPath);
  BOOST_TEST(ack.find("AK1*RE*601") != std::string::npos);
  BOOST_TEST(ack.find("AK9*A*1*1*1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_861_finds_its_shipment_by_bill_of_lading_and_counts_condition_01_as_damaged) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_856.edi"));
  const IntakeReport report = applied(intake, fixture("dealer_861.edi"));

  const auto receipts = receiptsOf(partners, shipmentBy(partners, logistics::ReferenceKind::bill_of_lading, "BOL-1002"));
  BOOST_REQUIRE_EQUAL(receipts.size(), 1u);
  BOOST_TEST(receipts[0].receiptNumber == "RCV-3001");
  BOOST_TEST(receipts[0].receivedAt == "2026-11-04T14:15:00.000Z");
  BOOST_TEST(receipts[0].warehouse.value_or("") == "DL9");
  BOOST_REQUIRE_EQUAL(receipts[0].lines.size(), 1u);
  BOOST_TEST(receipts[0].lines[0].sku.value_or("") == "WM-800");
  BOOST_TEST(receipts[0].lines[0].shipmentLineNo.value_or(0) == 1);
  BOOST_TEST(receipts[0].lines[0].quantityReceived == 1.0);
  BOOST_TEST(receipts[0].lines[0].quantityDamaged == 1.0);
  BOOST_REQUIRE(report.acknowledgmentPath.has_value());
  BOOST_TEST(readFile(*report.acknowledgmentPath).find("AK2*861*0001") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_recadv_takes_received_and_damaged_quantities_from_its_qty_qualifiers) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_desadv.edi"));
  const IntakeReport report = applied(intake, fixture("client_recadv.edi"));

  const auto receipts =
      receiptsOf(partners, shipmentBy(partners, logistics::ReferenceKind::ship_notice_id, "DESADV-2001"));
  BOOST_REQUIRE_EQUAL(receipts.size(), 1u);
  const logistics::Receipt& receipt = receipts.front();
  BOOST_TEST(receipt.receiptNumber == "GR-2001");
  BOOST_TEST(receipt.receivedAt == "2026-11-05T10:00:00.000Z");  // DTM+50, not the document date
  BOOST_TEST(receipt.warehouse.value_or("") == "4000000000002");
  BOOST_REQUIRE_EQUAL(receipt.lines.size(), 2u);
  BOOST_TEST(receipt.lines[0].quantityReceived == 4.0);  // QTY+48
  BOOST_TEST(receipt.lines[0].quantityDamaged == 1.0);   // QTY+124
  BOOST_TEST(receipt.lines[0].unit == "PCE");
  BOOST_TEST(receipt.lines[1].quantityReceived == 7.0);  // 194 accepted + 195 to be returned
  BOOST_TEST(receipt.lines[1].quantityShort.value_or(-1) == 1.0);  // 8 announced
  BOOST_REQUIRE(report.acknowledgmentPath.has_value());
  BOOST_TEST(readFile(*report.acknowledgmentPath).find("UNH+1+CONTRL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_receipt_for_a_shipment_never_announced_fails_and_applies_once_the_notice_is_in) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("dealer_944.edi"));
  requireFailedWithNothingApplied(partners, report, "message 1 (944 0001)", "unknown_shipment");
  BOOST_TEST(report.summary.find("ship_notice_id 'ASN-1001' (W1705)") != std::string::npos);

  applied(intake, fixture("client_856.edi"));
  const IntakeReport replayed = intake.replay(report.interchangeId);
  BOOST_TEST_MESSAGE(replayed.summary);
  BOOST_TEST(replayed.status == InterchangeStatus::applied);
  BOOST_TEST(partners.count("SELECT count(*) FROM receipt_line") == 3);
}

BOOST_AUTO_TEST_CASE(an_861_with_more_damaged_than_received_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_856.edi"));
  const IntakeReport report =
      intake.receive(variant(partners, "dealer_861.edi", {{"RCD*1*1*EA***1*EA*01", "RCD*1*1*EA***3*EA*01"}}));
  requireFailedWithNothingApplied(partners, report, "message 1 (861 0001)", "quantity_damaged");
}

BOOST_AUTO_TEST_CASE(a_944_whose_total_disagrees_with_its_lines_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_856.edi"));
  const IntakeReport report = intake.receive(variant(partners, "dealer_944.edi", {{"W14*11~", "W14*12~"}}));
  requireFailedWithNothingApplied(partners, report, "message 1 (944 0001)", "(W14), element W1401");
  BOOST_TEST(report.summary.find("total received 12 differs from the sum of the W07 quantities, 11") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_recadv_line_without_a_received_quantity_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_desadv.edi"));
  const IntakeReport report = intake.receive(variant(partners, "client_recadv.edi", {{"QTY+48:4:PCE'", "QTY+12:4:PCE'"}}));
  requireFailedWithNothingApplied(partners, report, "message 1 (RECADV 1)", "no received quantity");
}

BOOST_AUTO_TEST_CASE(a_recadv_receipt_date_in_a_format_afterflow_does_not_read_fails_rather_than_take_another_date) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_desadv.edi"));
  // 616 is a week (CCYYWW): no day. Falling back to the document date (DTM+137) would move the
  // receipt to another day without a word.
  const IntakeReport report =
      intake.receive(variant(partners, "client_recadv.edi", {{"DTM+50:202611051000:203'", "DTM+50:202645:616'"}}));
  requireFailedWithNothingApplied(partners, report, "message 1 (RECADV 1): segment 4 (DTM), element 2379",
                                  "date/time format '616'");
}

BOOST_AUTO_TEST_CASE(a_recadv_receipt_date_in_another_standard_format_is_converted) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_desadv.edi"));
  applied(intake, variant(partners, "client_recadv.edi", {{"DTM+50:202611051000:203'", "DTM+50:2611051000:201'"}}));
  const auto receipts = receiptsOf(partners, shipmentBy(partners, logistics::ReferenceKind::bill_of_lading, "BOL-2001"));
  BOOST_REQUIRE_EQUAL(receipts.size(), 1u);
  BOOST_TEST(receipts.front().receivedAt == "2026-11-05T10:00:00.000Z");
}

BOOST_AUTO_TEST_CASE(a_receipt_from_a_carrier_is_refused) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_856.edi"));
  // The same 944, sent under the carrier's envelope.
  const IntakeReport report =
      intake.receive(variant(partners, "dealer_944.edi", {{"ZZ*DEALERLYON     ", "02*FSTF           "}}));
  requireFailedWithNothingApplied(partners, report, "message 1 (944 0001)", "role_not_held");
}

BOOST_AUTO_TEST_SUITE_END()
