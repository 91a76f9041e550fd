#include "logistics/receipt_book.h"
#include "logistics/shipment_book.h"
#include "tests/logistics/logistics_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace logistics;
using logistics_test::LogisticsFixture;

namespace {

std::int64_t recordedShipment(LogisticsFixture& f, const std::string& pro) {
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  const auto id = ShipmentBook(session).record(transaction, f.shipment(pro));
  BOOST_REQUIRE_MESSAGE(id.ok(), id.describe());
  transaction.commit();
  return id.value();
}

Result<std::int64_t> recordReceipt(LogisticsFixture& f, const Receipt& receipt) {
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  auto recorded = ReceiptBook(session).record(transaction, receipt);
  transaction.commit();
  return recorded;
}

Receipt receiptOf(std::int64_t shipment, const std::string& number, std::vector<ReceiptLine> lines) {
  Receipt receipt;
  receipt.shipmentId = shipment;
  receipt.receiptNumber = number;
  receipt.warehouse = "MUC-1";
  receipt.receivedAt = "2026-03-04T16:00:00.000Z";
  receipt.lines = std::move(lines);
  return receipt;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(receipt_book)

BOOST_AUTO_TEST_CASE(a_receipt_sets_what_arrived_against_what_was_announced_and_updates_the_shipment_lines) {
  LogisticsFixture f;
  const std::int64_t shipment = recordedShipment(f, "PRO-1");  // line 1: 8 units, line 2: 4 units
  ReceiptLine washers{1, 1, f.washingMachine, std::string("WM-800"), 7, 1, {}, {}, "units"};
  ReceiptLine dishwashers{2, 2, f.dishwasher, std::string("DW-450"), 5, 0, {}, {}, "units"};
  ReceiptLine stray{3, std::nullopt, std::nullopt, std::string("FLT-01"), 2, 0, {}, {}, "units"};
  const auto id = recordReceipt(f, receiptOf(shipment, "GR-1", {washers, dishwashers, stray}));
  BOOST_REQUIRE_MESSAGE(id.ok(), id.describe());

  Poco::Data::Session session = f.database.session();
  const auto back = ReceiptBook(session).find(id.value());
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(back->warehouse.value_or("") == "MUC-1");
  BOOST_REQUIRE_EQUAL(back->lines.size(), 3u);
  BOOST_TEST(back->lines[0].quantityShort.value_or(-1) == 1);  // 8 announced, 7 came
  BOOST_TEST(back->lines[0].quantityOver.value_or(-1) == 0);
  BOOST_TEST(back->lines[1].quantityOver.value_or(-1) == 1);   // 4 announced, 5 came
  BOOST_TEST(back->lines[2].quantityOver.value_or(-1) == 2);   // never announced
  BOOST_TEST(!back->lines[2].shipmentLineNo.has_value());

  const auto lines = ShipmentBook(session).find(shipment)->lines;
  BOOST_TEST(lines[0].quantityReceived.value_or(-1) == 7);
  BOOST_TEST(lines[0].quantityDamaged.value_or(-1) == 1);
  BOOST_TEST(lines[1].quantityReceived.value_or(-1) == 5);
}

BOOST_AUTO_TEST_CASE(a_second_receipt_is_set_against_what_the_first_left_outstanding) {
  LogisticsFixture f;
  const std::int64_t shipment = recordedShipment(f, "PRO-1");
  BOOST_REQUIRE(recordReceipt(f, receiptOf(shipment, "GR-1", {{1, 1, {}, {}, 5, 0, {}, {}, "units"}})).ok());
  const auto second = recordReceipt(f, receiptOf(shipment, "GR-2", {{1, 1, {}, {}, 3, 0, {}, {}, "units"}}));
  BOOST_REQUIRE(second.ok());
  Poco::Data::Session session = f.database.session();
  const auto back = ReceiptBook(session).find(second.value());
  BOOST_TEST(back->lines[0].quantityShort.value_or(-1) == 0);  // 8 - 5 outstanding, 3 came
  BOOST_TEST(ShipmentBook(session).find(shipment)->lines[0].quantityReceived.value_or(-1) == 8);
  BOOST_TEST(ReceiptBook(session).forShipment(shipment).size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_receipt_is_refused_for_an_unknown_shipment_or_line_or_a_number_already_used) {
  LogisticsFixture f;
  const std::int64_t shipment = recordedShipment(f, "PRO-1");
  BOOST_TEST(recordReceipt(f, receiptOf(shipment + 100, "GR-1", {{1, 1, {}, {}, 1, 0, {}, {}, "units"}}))
                 .has(ProblemCode::unknown_shipment));
  BOOST_TEST(recordReceipt(f, receiptOf(shipment, "GR-1", {{1, 9, {}, {}, 1, 0, {}, {}, "units"}}))
                 .has(ProblemCode::unknown_line));
  BOOST_TEST(recordReceipt(f, receiptOf(shipment, "GR-1", {{1, 1, {}, {}, 1, 2, {}, {}, "units"}}))
                 .has(ProblemCode::invalid_value));
  Receipt badTime = receiptOf(shipment, "GR-1", {{1, 1, {}, {}, 1, 0, {}, {}, "units"}});
  badTime.receivedAt = "04.03.2026";
  BOOST_TEST(recordReceipt(f, badTime).has(ProblemCode::invalid_timestamp));
  BOOST_TEST(f.count("receipt") == 0);
  BOOST_REQUIRE(recordReceipt(f, receiptOf(shipment, "GR-1", {{1, 1, {}, {}, 1, 0, {}, {}, "units"}})).ok());
  BOOST_TEST(recordReceipt(f, receiptOf(shipment, "GR-1", {{1, 1, {}, {}, 1, 0, {}, {}, "units"}}))
                 .has(ProblemCode::duplicate_reference));
  BOOST_TEST(f.count("receipt_line") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
