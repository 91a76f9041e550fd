#include "reports/shipment_figures.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace reports;
using namespace Poco::Data::Keywords;

namespace {

// A small quarter written out by hand (Q3 2026), every figure below counted from it:
//   S1 client 1, carrier K1, North: shipped 07-05 08:00 as planned, promised 07-08, delivered
//      07-07 20:00 (60 h), received in full.
//   S2 client 1, K1, North: planned 07-09, shipped 07-10 00:00 (late), promised 07-12,
//      delivered 07-13 12:00 (84 h, late), received 2 of 3.
//   S3 client 1, K2, South: shipped 08-01 10:00, promised 08-03, delivered 08-03 09:00 (47 h,
//      on time), a damage event, no receipt.
//   S4 client 1, K2, South: shipped 09-30 23:00, not delivered yet.
//   S5 client 1, K1, North: shipped 10-01 00:00: the next quarter.
//   S6 client 2, K1, North: shipped 07-20: another client.
//   S7 client 1, K1, no region: shipped 08-15 06:00, no promise, delivered 08-16 06:00 (24 h),
//      its one line received in full but with an unannounced line beside it.
struct Quarter {
  test_support::TestDatabase test;
  std::int64_t client = 0, otherClient = 0, k1 = 0, k2 = 0;

  Quarter() {
    Poco::Data::Session session = test.migrated().session();
    const auto party = [&session](const std::string& code) {
      std::int64_t id = 0;
      session << "INSERT INTO party (party_code, name, created_at, updated_at) VALUES (?, ?, 'x', 'x') RETURNING party_id",
          bind(code), bind(code), into(id), now;
      return id;
    };
    client = party("C1");
    otherClient = party("C2");
    k1 = party("K1");
    k2 = party("K2");
    shipment(session, 1, client, k1, "North", "2026-07-05T08:00:00.000Z", "2026-07-05T00:00:00.000Z",
             "2026-07-08T00:00:00.000Z", "2026-07-07T20:00:00.000Z", 2, 10.0, 1000);
    shipment(session, 2, client, k1, "North", "2026-07-10T00:00:00.000Z", "2026-07-09T00:00:00.000Z",
             "2026-07-12T00:00:00.000Z", "2026-07-13T12:00:00.000Z", 1, 5.5, 500);
    shipment(session, 3, client, k2, "South", "2026-08-01T10:00:00.000Z", "", "2026-08-03T00:00:00.000Z",
             "2026-08-03T09:00:00.000Z", 3, 7.0, -1);
    shipment(session, 4, client, k2, "South", "2026-09-30T23:00:00.000Z", "", "2026-10-02T00:00:00.000Z", "", 4, 2.5, -1);
    shipment(session, 5, client, k1, "North", "2026-10-01T00:00:00.000Z", "", "", "", 9, 99.0, 9900);
    shipment(session, 6, otherClient, k1, "North", "2026-07-20T00:00:00.000Z", "", "", "", 9, 99.0, 9900);
    shipment(session, 7, client, k1, "", "2026-08-15T06:00:00.000Z", "", "", "2026-08-16T06:00:00.000Z", 1, 1.0, 200);
    line(session, 1, 5, 5, 0);
    line(session, 2, 3, 2, 0);
    line(session, 3, 4, -1, -1);
    line(session, 7, 1, 1, 0);
    receipt(session, 1, false);
    receipt(session, 2, false);
    receipt(session, 7, true);
    session << "INSERT INTO shipment_event (shipment_id, reference_kind, reference, event_time, code_list, status_code, "
               "normalized_status, recorded_at) VALUES (3, 'bill_of_lading', 'BOL-3', '2026-08-02T10:00:00.000Z', "
               "'afterflow', 'damaged', 'damaged', 'x')",
        now;
  }

  static void shipment(Poco::Data::Session& session, int id, std::int64_t client, std::int64_t carrier,
                       const std::string& region, const std::string& shipped, const std::string& planned,
                       const std::string& promised, const std::string& delivered, int pieces, double weight,
                       std::int64_t cost) {
    const auto text = [](const std::string& s) { return s.empty() ? Poco::Nullable<std::string>() : Poco::Nullable<std::string>(s); };
    const Poco::Nullable<std::int64_t> money = cost < 0 ? Poco::Nullable<std::int64_t>() : Poco::Nullable<std::int64_t>(cost);
    const Poco::Nullable<std::string> currency = cost < 0 ? Poco::Nullable<std::string>() : Poco::Nullable<std::string>("EUR");
    session << "INSERT INTO shipment (shipment_id, client_id, carrier_id, bill_of_lading, destination_region, "
               "transport_mode, pieces, weight_kg, freight_cost_cents, currency, planned_ship_date, ship_date, "
               "promised_delivery, actual_delivery, status, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, 'road', ?, ?, ?, ?, ?, ?, ?, ?, 'in_transit', 'x', 'x')",
        bind(id), bind(client), bind(carrier), bind("BOL-" + std::to_string(id)), bind(text(region)), bind(pieces),
        bind(weight), bind(money), bind(currency), bind(text(planned)), bind(shipped), bind(text(promised)),
        bind(text(delivered)), now;
  }

  static void line(Poco::Data::Session& session, int shipment, double shipped, double received, double damaged) {
    const auto quantity = [](double q) { return q < 0 ? Poco::Nullable<double>() : Poco::Nullable<double>(q); };
    session << "INSERT INTO shipment_line (shipment_id, line_no, quantity_shipped, quantity_received, quantity_damaged, "
               "unit) VALUES (?, 1, ?, ?, ?, 'EA')",
        bind(shipment), bind(shipped), bind(quantity(received)), bind(quantity(damaged)), now;
  }

  static void receipt(Poco::Data::Session& session, int shipment, bool unannounced) {
    std::int64_t id = 0;
    session << "INSERT INTO receipt (shipment_id, receipt_number, received_at, recorded_at) VALUES (?, ?, 'x', 'x') "
               "RETURNING receipt_id",
        bind(shipment), bind("R-" + std::to_string(shipment)), into(id), now;
    session << "INSERT INTO receipt_line (receipt_id, line_no, shipment_line_no, quantity_received, unit) "
               "VALUES (?, 1, 1, 1, 'EA')",
        bind(id), now;
    if (unannounced) {
      session << "INSERT INTO receipt_line (receipt_id, line_no, shipment_line_no, quantity_received, unit) "
                 "VALUES (?, 2, NULL, 2, 'EA')",
          bind(id), now;
    }
  }

  ShipmentScope q3() const { return {"2026-07-01", "2026-10-01", client, {}, {}, 0}; }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(shipment_figures)

BOOST_AUTO_TEST_CASE(the_figures_of_a_quarter_are_those_counted_by_hand) {
  Quarter data;
  Poco::Data::Session session = data.test.database().session();
  const ShipmentFigures f = plainShipmentFigures(session, data.q3());
  BOOST_TEST(f.shipments == 5);  // S1 S2 S3 S4 S7
  BOOST_TEST(f.pieces == 11);
  BOOST_TEST(f.weightKg == 26.0);
  BOOST_TEST(f.freightCostCents == 1700);
  BOOST_TEST(f.delivered == 4);              // S1 S2 S3 S7
  BOOST_TEST(f.deliveredWithPromise == 3);   // S7 had no promise
  BOOST_TEST(f.deliveredOnTime == 2);        // S1 S3
  BOOST_TEST(f.withPlannedShipDate == 2);
  BOOST_TEST(f.shippedOnTime == 1);          // S2 left a day late
  BOOST_TEST(f.received == 3);               // S1 S2 S7
  BOOST_TEST(f.receivedAccurate == 1);       // S2 short, S7 with an unannounced line
  BOOST_TEST(f.linesReceived == 3);
  BOOST_TEST(f.linesAccurate == 2);          // S1's and S7's lines
  BOOST_TEST(f.withAccident == 1);           // S3
  BOOST_TEST(f.onTimeInFull == 1);           // S1 (S3 on time but damaged)
  BOOST_TEST(f.transitCount == 4);
  BOOST_TEST(f.transitHoursSum == 215.0, boost::test_tools::tolerance(1e-6));
  BOOST_REQUIRE(f.transitHoursP90.has_value());
  BOOST_TEST(*f.transitHoursP90 == 84.0, boost::test_tools::tolerance(1e-6));  // 4th of 4 by nearest rank
}

BOOST_AUTO_TEST_CASE(figures_split_by_region_carrier_and_month_add_up_to_the_whole) {
  Quarter data;
  Poco::Data::Session session = data.test.database().session();
  const auto regions = plainShipmentFiguresBy(session, data.q3(), "region");
  BOOST_REQUIRE(regions.size() == 3u);
  BOOST_TEST(regions.at("North").shipments == 2);
  BOOST_TEST(regions.at("South").shipments == 2);
  BOOST_TEST(regions.at("South").delivered == 1);  // S4 still on its way
  BOOST_TEST(regions.at("").shipments == 1);
  const auto carriers = plainShipmentFiguresBy(session, data.q3(), "carrier");
  BOOST_TEST(carriers.at("K1").shipments == 3);
  BOOST_TEST(carriers.at("K2").withAccident == 1);
  const auto months = plainShipmentFiguresBy(session, data.q3(), "month");
  BOOST_REQUIRE(months.size() == 3u);
  BOOST_TEST(months.at("2026-07").deliveredOnTime == 1);
  BOOST_TEST(months.at("2026-08").shipments == 2);
  BOOST_TEST(months.at("2026-09").delivered == 0);
  BOOST_TEST(!months.at("2026-09").transitHoursP90.has_value());
}

BOOST_AUTO_TEST_CASE(a_tolerance_and_a_narrower_scope_change_exactly_what_they_should) {
  Quarter data;
  Poco::Data::Session session = data.test.database().session();
  ShipmentScope scope = data.q3();
  scope.onTimeToleranceDays = 1;  // S2 delivered a day after its promised day
  BOOST_TEST(plainShipmentFigures(session, scope).deliveredOnTime == 3);
  scope = data.q3();
  scope.carrierId = data.k2;
  BOOST_TEST(plainShipmentFigures(session, scope).shipments == 2);
  scope = data.q3();
  scope.region = "North";
  BOOST_TEST(plainShipmentFigures(session, scope).freightCostCents == 1500);
  // An empty period: zeros, no percentile.
  const ShipmentFigures empty = plainShipmentFigures(session, {"2025-01-01", "2025-04-01", data.client, {}, {}, 0});
  BOOST_TEST(empty.shipments == 0);
  BOOST_TEST(!empty.transitHoursP90.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
