#include "logistics/shipment_rollup.h"

#include "store/dialect.h"

#include <string>

using namespace Poco::Data::Keywords;

namespace logistics {
namespace {

constexpr std::size_t kChunk = 500;

const char* const kInsertFacts =
    "INSERT INTO shipment_fact (shipment_id, client_id, carrier_key, region_key, ship_day, pieces, weight_g, "
    "freight_cents, delivered, promised, on_time, planned, shipped_on_time, received, accurate, lines, lines_accurate, "
    "accident, on_time_in_full, transit_hours) ";

// The counters of shipment_fact, and their sums in shipment_rollup.
const char* const kCounters[] = {"pieces",   "weight_g", "freight_cents",  "delivered",     "promised",
                                 "on_time",  "planned",   "shipped_on_time", "received",     "accurate",
                                 "lines",    "lines_accurate", "accident",  "on_time_in_full"};

// Whole hours from ship to delivery, counted in minutes first so that 60 h is never 59.999.
std::string transitHours(store::Dialect dialect) {
  if (dialect == store::Dialect::sqlite) {
    return "CAST(round((julianday(s.actual_delivery) - julianday(s.ship_date)) * 1440) AS INTEGER) / 60";
  }
  return "CAST(round(EXTRACT(EPOCH FROM (CAST(s.actual_delivery AS timestamptz) - CAST(s.ship_date AS timestamptz)))"
         " / 60) AS BIGINT) / 60";
}

// Each shipment's contribution (docs/KPI.md has the definitions).
std::string factsSelect(store::Dialect dialect, const std::string& which) {
  const std::string receivedTest = "EXISTS (SELECT 1 FROM receipt r WHERE r.shipment_id = s.shipment_id)";
  const std::string accurateTest =
      receivedTest +
      " AND NOT EXISTS (SELECT 1 FROM shipment_line l WHERE l.shipment_id = s.shipment_id AND "
      "(COALESCE(l.quantity_received, 0) <> l.quantity_shipped OR COALESCE(l.quantity_damaged, 0) > 0))"
      " AND NOT EXISTS (SELECT 1 FROM receipt r JOIN receipt_line rl ON rl.receipt_id = r.receipt_id "
      "WHERE r.shipment_id = s.shipment_id AND (rl.shipment_line_no IS NULL OR rl.quantity_over > 0))";
  const std::string onTimeTest = "s.actual_delivery IS NOT NULL AND s.promised_delivery IS NOT NULL AND "
                                 "substr(s.actual_delivery, 1, 10) <= substr(s.promised_delivery, 1, 10)";
  const std::string accidentTest = "EXISTS (SELECT 1 FROM shipment_event e WHERE e.shipment_id = s.shipment_id AND "
                                   "e.normalized_status IN ('damaged', 'lost', 'exception'))";
  return "SELECT s.shipment_id, s.client_id, COALESCE(s.carrier_id, 0), COALESCE(s.destination_region, ''), "
         "substr(s.ship_date, 1, 10), COALESCE(s.pieces, 0), CAST(round(COALESCE(s.weight_kg, 0) * 1000) AS BIGINT), "
         "COALESCE(s.freight_cost_cents, 0), "
         "CASE WHEN s.actual_delivery IS NOT NULL THEN 1 ELSE 0 END, "
         "CASE WHEN s.actual_delivery IS NOT NULL AND s.promised_delivery IS NOT NULL THEN 1 ELSE 0 END, "
         "CASE WHEN " + onTimeTest + " THEN 1 ELSE 0 END, "
         "CASE WHEN s.planned_ship_date IS NOT NULL THEN 1 ELSE 0 END, "
         "CASE WHEN s.planned_ship_date IS NOT NULL AND substr(s.ship_date, 1, 10) <= substr(s.planned_ship_date, 1, 10) "
         "THEN 1 ELSE 0 END, "
         "CASE WHEN " + receivedTest + " THEN 1 ELSE 0 END, "
         "CASE WHEN " + accurateTest + " THEN 1 ELSE 0 END, "
         "CASE WHEN " + receivedTest + " THEN (SELECT count(*) FROM shipment_line l WHERE l.shipment_id = s.shipment_id) "
         "ELSE 0 END, "
         "CASE WHEN " + receivedTest + " THEN (SELECT count(*) FROM shipment_line l WHERE l.shipment_id = s.shipment_id "
         "AND COALESCE(l.quantity_received, 0) = l.quantity_shipped AND COALESCE(l.quantity_damaged, 0) = 0) ELSE 0 END, "
         "CASE WHEN " + accidentTest + " THEN 1 ELSE 0 END, "
         // On time, in full (no receipt says short, over or damaged), and no accident.
         "CASE WHEN " + onTimeTest + " AND (NOT " + receivedTest + " OR (" + accurateTest + ")) AND NOT " + accidentTest +
         " THEN 1 ELSE 0 END, "
         "CASE WHEN s.actual_delivery IS NOT NULL THEN " + transitHours(dialect) + " END "
         "FROM shipment s WHERE s.ship_date IS NOT NULL AND " + which;
}

// Adds (sign +1) or takes away (-1) the facts of the shipments `which` names (a condition on
// shipment_id) to or from the rollups.
void apply(Poco::Data::Session& session, const std::string& which, int sign) {
  const std::string s = sign > 0 ? "" : "-";
  std::string columns, sums, updates;
  for (const char* counter : kCounters) {
    columns += std::string(", ") + counter;
    sums += ", " + s + "sum(" + counter + ")";
    updates += std::string(", ") + counter + " = shipment_rollup." + counter + " + excluded." + counter;
  }
  session << "INSERT INTO shipment_rollup (client_id, carrier_key, region_key, ship_day, shipments" + columns +
                 ", transit_hours, transit_count) "
                 "SELECT client_id, carrier_key, region_key, ship_day, " + s + "count(*)" + sums + ", " + s +
                 "COALESCE(sum(transit_hours), 0), " + s + "count(transit_hours) "
                 "FROM shipment_fact WHERE " + which +
                 " GROUP BY client_id, carrier_key, region_key, ship_day "
                 "ON CONFLICT (client_id, ship_day, carrier_key, region_key) DO UPDATE SET "
                 "shipments = shipment_rollup.shipments + excluded.shipments" + updates +
                 ", transit_hours = shipment_rollup.transit_hours + excluded.transit_hours, "
                 "transit_count = shipment_rollup.transit_count + excluded.transit_count",
      now;
  session << "INSERT INTO shipment_transit_rollup (client_id, carrier_key, region_key, ship_month, transit_hours, "
             "shipments) SELECT client_id, carrier_key, region_key, substr(ship_day, 1, 7), transit_hours, " + s +
                 "count(*) FROM shipment_fact WHERE " + which + " AND transit_hours IS NOT NULL "
                 "GROUP BY client_id, carrier_key, region_key, substr(ship_day, 1, 7), transit_hours "
                 "ON CONFLICT (client_id, ship_month, carrier_key, region_key, transit_hours) DO UPDATE SET "
                 "shipments = shipment_transit_rollup.shipments + excluded.shipments",
      now;
}

}  // namespace

void refreshShipmentRollups(Poco::Data::Session& session, const std::vector<std::int64_t>& shipmentIds) {
  const store::Dialect dialect = store::sessionDialect(session);
  for (std::size_t at = 0; at < shipmentIds.size(); at += kChunk) {
    // Ids are numbers of ours, written into the SQL: a list of bound parameters would cost more.
    std::string ids;
    for (std::size_t i = at; i < shipmentIds.size() && i < at + kChunk; ++i) {
      ids += (ids.empty() ? "" : ",") + std::to_string(shipmentIds[i]);
    }
    const std::string which = "shipment_id IN (" + ids + ")";
    // Two transactions refreshing one shipment (an event and a receipt at once) take turns:
    // otherwise the second would miss the first's new fact row and collide with it.
    // SQLite's BEGIN IMMEDIATE already lets one writer in at a time.
    if (dialect == store::Dialect::postgresql) {
      session << "SELECT shipment_id FROM shipment WHERE " + which + " FOR UPDATE", now;
    }
    apply(session, which, -1);
    session << "DELETE FROM shipment_fact WHERE " + which, now;
    session << std::string(kInsertFacts) + factsSelect(dialect, "s." + which), now;
    apply(session, which, +1);
  }
}

void addImportedShipmentsToRollups(Poco::Data::Session& session, std::int64_t importRunId) {
  // The shipments of a run are new: they have no facts yet, nothing to take away first.
  const std::string run = std::to_string(importRunId);
  session << std::string(kInsertFacts) +
                 factsSelect(store::sessionDialect(session), "s.source_import_run_id = " + run),
      now;
  apply(session, "shipment_id IN (SELECT shipment_id FROM shipment WHERE source_import_run_id = " + run + ")", +1);
}

}  // namespace logistics
