#include "crm/party_directory.h"
#include "logistics/event_log.h"
#include "logistics/receipt_book.h"
#include "logistics/shipment_book.h"
#include "reports/shipment_figures.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <random>

using namespace reports;

namespace {

std::string stamp(int month, int day, int hour) {
  char text[32];
  std::snprintf(text, sizeof text, "2026-%02d-%02dT%02d:%02d:00.000Z", month, day, hour, (day * 7 + hour) % 60);
  return text;
}

void printFigures(const std::string& label, const ShipmentFigures& f) {
  BOOST_TEST_MESSAGE(label << ": " << f.shipments << " shipments, " << f.delivered << " delivered, " << f.deliveredOnTime
                           << " on time, " << f.received << " received, " << f.receivedAccurate << " accurate, "
                           << f.withAccident << " accidents, " << f.onTimeInFull << " OTIF, p90 "
                           << f.transitHoursP90.value_or(-1));
}

// Several hundred shipments written through the logistics library, the way the intake and the
// imports write them: random clients, carriers, regions and dates over half a year, lines,
// receipts (some short, damaged or with unannounced goods), delivery and damage events, some
// events arriving before their shipment, and at the end late events that change past months.
struct History {
  test_support::TestDatabase test;
  std::vector<std::int64_t> clients, carriers, shipments;

  History() {
    store::Database& database = test.migrated();
    crm::PartyDirectory parties(database);
    for (int i = 0; i < 2; ++i) {
      crm::Party p;
      p.code = "CLIENT" + std::to_string(i);
      p.name = p.code;
      p.roles = {crm::PartyRole::client};
      clients.push_back(parties.add(p));
    }
    for (int i = 0; i < 3; ++i) {
      crm::Party p;
      p.code = "CARRIER" + std::to_string(i);
      p.name = p.code;
      p.roles = {crm::PartyRole::carrier};
      carriers.push_back(parties.add(p));
    }
    std::mt19937 random(20261122);
    const auto pick = [&random](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const std::vector<std::string> regions = {"North", "South", "East", "West"};
    Poco::Data::Session session = database.session();
    store::Transaction transaction(session);
    logistics::ShipmentBook book(session);
    logistics::StatusEventLog events(session);
    logistics::ReceiptBook receipts(session);
    for (int n = 1; n <= 360; ++n) {
      const int month = 5 + pick(6), day = 1 + pick(28), hour = pick(24);
      const std::string reference = "BOL-" + std::to_string(n);
      const int carrier = pick(4);  // 3: no carrier
      // One in ten shipments has its first event before it exists.
      if (n % 10 == 0 && carrier < 3) {
        logistics::StatusEvent early;
        early.carrierId = carriers[static_cast<std::size_t>(carrier)];
        early.referenceKind = logistics::ReferenceKind::bill_of_lading;
        early.reference = reference;
        early.eventTime = stamp(month, day, hour);
        early.codeList = logistics::StatusCodeList::afterflow;
        early.statusCode = pick(3) == 0 ? "damaged" : "picked_up";
        BOOST_TEST_CHECKPOINT("early event " << n);
        BOOST_REQUIRE(events.record(transaction, early).ok());
      }
      logistics::Shipment s;
      s.clientId = clients[static_cast<std::size_t>(pick(2))];
      if (carrier < 3) s.carrierId = carriers[static_cast<std::size_t>(carrier)];
      s.billOfLading = reference;
      if (pick(5) != 0) s.destination.region = regions[static_cast<std::size_t>(pick(4))];
      s.pieces = 1 + pick(9);
      s.weightKg = 0.5 + pick(4000) / 7.0;
      if (pick(3) != 0) {
        s.freightCostCents = 1000 + pick(90000);
        s.currency = "EUR";
      }
      s.shipDate = stamp(month, day, hour);
      if (pick(2) == 0) s.plannedShipDate = stamp(month, std::max(1, day - pick(2)), 0);
      if (pick(4) != 0) s.promisedDelivery = stamp(month, std::min(28, day + 1 + pick(3)), 0);
      const int lines = 1 + pick(3);
      for (int l = 1; l <= lines; ++l) {
        logistics::ShipmentLine line;
        line.lineNo = l;
        line.sku = "SKU-" + std::to_string(pick(20));
        line.quantityShipped = 1 + pick(10);
        s.lines.push_back(line);
      }
      BOOST_TEST_CHECKPOINT("shipment " << n);
      const auto id = book.record(transaction, s);
      BOOST_REQUIRE_MESSAGE(id.ok(), id.describe());
      shipments.push_back(id.value());
      if (pick(3) != 0 && carrier < 3) {  // delivered
        logistics::StatusEvent delivered;
        delivered.shipmentId = id.value();
        delivered.carrierId = s.carrierId;
        delivered.referenceKind = logistics::ReferenceKind::bill_of_lading;
        delivered.reference = reference;
        delivered.eventTime = stamp(month, std::min(28, day + pick(5)), pick(24));
        delivered.codeList = logistics::StatusCodeList::afterflow;
        delivered.statusCode = "delivered";
        BOOST_TEST_CHECKPOINT("delivered " << n);
        BOOST_REQUIRE(events.record(transaction, delivered).ok());
      }
      if (pick(2) == 0) {  // received, sometimes short, damaged or with goods not announced
        logistics::Receipt receipt;
        receipt.shipmentId = id.value();
        receipt.receiptNumber = "R-" + std::to_string(n);
        receipt.receivedAt = stamp(month, std::min(28, day + 3), 12);
        for (const logistics::ShipmentLine& line : s.lines) {
          logistics::ReceiptLine got;
          got.lineNo = line.lineNo;
          got.shipmentLineNo = line.lineNo;
          got.quantityReceived = pick(6) == 0 ? line.quantityShipped - 1 : line.quantityShipped;
          got.quantityDamaged = pick(8) == 0 && got.quantityReceived >= 1 ? 1 : 0;
          receipt.lines.push_back(got);
        }
        if (pick(10) == 0) {
          logistics::ReceiptLine extra;
          extra.lineNo = static_cast<int>(receipt.lines.size()) + 1;
          extra.quantityReceived = 2;
          receipt.lines.push_back(extra);
        }
        BOOST_TEST_CHECKPOINT("receipt " << n);
        const auto recorded = receipts.record(transaction, receipt);
        BOOST_REQUIRE_MESSAGE(recorded.ok(), recorded.describe());
      }
    }
    transaction.commit();
  }

  // A late event on a shipment of an earlier month: a loss report for the first shipments.
  void lateEvents() {
    Poco::Data::Session session = test.database().session();
    store::Transaction transaction(session);
    logistics::StatusEventLog events(session);
    for (std::size_t i = 0; i < 5; ++i) {
      logistics::StatusEvent lost;
      lost.shipmentId = shipments[i];
      lost.referenceKind = logistics::ReferenceKind::bill_of_lading;
      lost.reference = "BOL-" + std::to_string(i + 1);
      lost.eventTime = stamp(11, 20, 10);
      lost.codeList = logistics::StatusCodeList::afterflow;
      lost.statusCode = "lost";
      BOOST_REQUIRE(events.record(transaction, lost).ok());
    }
    transaction.commit();
  }

  void expectAgreement(const ShipmentScope& scope, const std::string& label) {
    Poco::Data::Session session = test.database().session();
    BOOST_TEST_CHECKPOINT("plain " << label);
    const ShipmentFigures plain = plainShipmentFigures(session, scope);
    BOOST_TEST_CHECKPOINT("rollup " << label);
    const ShipmentFigures rolled = rollupShipmentFigures(session, scope);
    printFigures(label + " plain ", plain);
    printFigures(label + " rollup", rolled);
    BOOST_TEST((plain == rolled), label);
    for (const char* grouping : {"region", "carrier", "month"}) {
      BOOST_TEST_CHECKPOINT("plain by " << grouping);
      const auto a = plainShipmentFiguresBy(session, scope, grouping);
      BOOST_TEST_CHECKPOINT("rollup by " << grouping);
      const auto b = rollupShipmentFiguresBy(session, scope, grouping);
      BOOST_TEST((a == b), label << " by " << grouping);
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(rollup_agreement)

BOOST_AUTO_TEST_CASE(the_rollups_give_exactly_the_figures_of_plain_sql_over_the_raw_tables) {
  History history;
  BOOST_TEST(history.shipments.size() == 360u);
  history.expectAgreement({"2026-07-01", "2026-10-01", {}, {}, {}, 0}, "Q3, all clients");
  history.expectAgreement({"2026-07-01", "2026-10-01", history.clients[0], {}, {}, 0}, "Q3, one client");
  history.expectAgreement({"2026-08-01", "2026-09-01", history.clients[1], history.carriers[2], {}, 0}, "August, carrier");
  history.expectAgreement({"2026-01-01", "2027-01-01", {}, {}, std::string("North"), 0}, "2026, North");
  history.expectAgreement({"2025-01-01", "2025-04-01", {}, {}, {}, 0}, "an empty quarter");
  // Some figures must be there at all, or the comparison proves little.
  Poco::Data::Session session = history.test.database().session();
  const ShipmentFigures q3 = plainShipmentFigures(session, {"2026-07-01", "2026-10-01", {}, {}, {}, 0});
  BOOST_TEST(q3.shipments > 100);
  BOOST_TEST(q3.deliveredOnTime > 0);
  BOOST_TEST(q3.receivedAccurate > 0);
  BOOST_TEST(q3.received > q3.receivedAccurate);
  BOOST_TEST(q3.withAccident > 0);
  BOOST_TEST(q3.transitHoursP90.has_value());
}

BOOST_AUTO_TEST_CASE(a_late_event_changes_a_past_month_in_the_rollups_as_in_the_raw_tables) {
  History history;
  Poco::Data::Session session = history.test.database().session();
  const ShipmentScope year{"2026-01-01", "2027-01-01", {}, {}, {}, 0};
  const std::int64_t before = rollupShipmentFigures(session, year).withAccident;
  history.lateEvents();
  history.expectAgreement(year, "2026 after late events");
  BOOST_TEST(rollupShipmentFigures(session, year).withAccident > before);
}

BOOST_AUTO_TEST_SUITE_END()
