// A generated shipment history written through the logistics library, shared by the report
// tests: several hundred shipments over half a year with lines, receipts, events and waiting
// events, deterministic (fixed seed).
#pragma once

#include "crm/party_directory.h"
#include "logistics/receipt_book.h"
#include "logistics/shipment_book.h"
#include "logistics/status_event_log.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <random>

namespace reports_test {

inline std::string stamp(int month, int day, int hour) {
  char text[32];
  std::snprintf(text, sizeof text, "2026-%02d-%02dT%02d:%02d:00.000Z", month, day, hour, (day * 7 + hour) % 60);
  return text;
}

// Several hundred shipments written through the logistics library, the way the intake and the
// imports write them: random clients, carriers, regions and dates over half a year, lines,
// receipts (some short, damaged or with unannounced goods), delivery and damage events, some
// events arriving before their shipment, and at the end late events that change past months.
struct GeneratedHistory {
  test_support::TestDatabase test;
  std::vector<std::int64_t> clients, carriers, shipments;

  GeneratedHistory() {
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
};

}  // namespace reports_test
