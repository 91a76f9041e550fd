#include "logistics/shipment_rollup.h"
#include "reports/shipment_figures.h"
#include "tests/reports/generated_history.h"
#include "tests/support/test_database.h"

#include <Poco/Data/RecordSet.h>

#include <boost/test/unit_test.hpp>

using namespace reports;

namespace {

void printFigures(const std::string& label, const ShipmentFigures& f) {
  BOOST_TEST_MESSAGE(label << ": " << f.shipments << " shipments, " << f.delivered << " delivered, " << f.deliveredOnTime
                           << " on time, " << f.received << " received, " << f.receivedAccurate << " accurate, "
                           << f.withAccident << " accidents, " << f.onTimeInFull << " OTIF, p90 "
                           << f.transitHoursP90.value_or(-1));
}

struct History : reports_test::GeneratedHistory {
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

// Every row the query returns, one line each, NULLs spelled out.
std::string rowsOf(Poco::Data::Session& session, const std::string& sql) {
  Poco::Data::Statement select(session);
  select << sql;
  select.execute();
  Poco::Data::RecordSet rows(select);
  std::string text;
  for (std::size_t r = 0; r < rows.rowCount(); ++r) {
    for (std::size_t c = 0; c < rows.columnCount(); ++c) {
      const Poco::Dynamic::Var value = rows.value(c, r);
      text += (value.isEmpty() ? std::string("NULL") : value.convert<std::string>()) + "|";
    }
    text += "\n";
  }
  return text;
}

// The rollup tables' contents in key order. A rollup row whose shipments all moved elsewhere
// stays behind with zero sums; a rebuild makes none.
std::string rollupTables(Poco::Data::Session& session) {
  return rowsOf(session, "SELECT * FROM shipment_fact ORDER BY shipment_id") +
         rowsOf(session, "SELECT * FROM shipment_rollup WHERE shipments <> 0 "
                         "ORDER BY client_id, ship_day, carrier_key, region_key") +
         rowsOf(session, "SELECT * FROM shipment_month_rollup WHERE shipments <> 0 "
                         "ORDER BY client_id, ship_month, carrier_key, region_key") +
         rowsOf(session, "SELECT * FROM shipment_transit_rollup WHERE shipments <> 0 "
                         "ORDER BY client_id, ship_month, carrier_key, region_key, transit_hours") +
         rowsOf(session, "SELECT * FROM shipment_transit_all_rollup WHERE shipments <> 0 "
                         "ORDER BY ship_month, carrier_key, region_key, transit_hours");
}

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

BOOST_AUTO_TEST_CASE(rollups_wiped_and_rebuilt_from_the_raw_tables_come_back_exactly) {
  History history;
  history.lateEvents();
  Poco::Data::Session session = history.test.database().session();
  const std::string kept = rollupTables(session);
  BOOST_TEST(kept.size() > 1000u);
  // As in a database whose shipments were written before migration 0005 made rollups.
  for (const char* table : {"shipment_transit_all_rollup", "shipment_transit_rollup", "shipment_month_rollup",
                            "shipment_rollup", "shipment_fact"}) {
    session << std::string("DELETE FROM ") + table, Poco::Data::Keywords::now;
  }
  const ShipmentScope year{"2026-01-01", "2027-01-01", {}, {}, {}, 0};
  BOOST_TEST(rollupShipmentFigures(session, year).shipments == 0);

  store::Transaction transaction(session);
  BOOST_TEST(logistics::rebuildShipmentRollups(transaction) == 360);
  transaction.commit();
  BOOST_TEST(rollupTables(session) == kept);
  history.expectAgreement(year, "2026, rebuilt");
}

BOOST_AUTO_TEST_SUITE_END()
