#include "logistics/shipment_rollup.h"

#include "store/dialect.h"

#include <algorithm>
#include <set>
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

// Each shipment's contribution (docs/KPI.md has the definitions). Shipments an import has just
// written can have no receipt yet (a receipt names a shipment recorded before it), so for them
// (`mayHaveReceipts` false) the receipt and line lookups are left out: they could only say no.
std::string factsSelect(store::Dialect dialect, const std::string& which, bool mayHaveReceipts = true) {
  const std::string receivedTest =
      mayHaveReceipts ? "EXISTS (SELECT 1 FROM receipt r WHERE r.shipment_id = s.shipment_id)" : "false";
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

// Where the sums of a rollup come from: the facts themselves (one row per shipment), or the
// facts already grouped at the rollups' finest grain (import_fact_groups, one row per client,
// carrier, region, day and transit hours, with its count of shipments).
struct FactSource {
  std::string from;          // a table and its WHERE condition
  std::string shipments;     // the number of shipments of a group
  std::string transitSum;    // the sum of their transit hours
  std::string transitCount;  // how many of them have transit hours
};

FactSource facts(const std::string& which) {
  return {"shipment_fact WHERE " + which, "count(*)", "COALESCE(sum(transit_hours), 0)", "count(transit_hours)"};
}

FactSource groupedFacts() {
  return {"import_fact_groups WHERE true", "sum(shipments)", "COALESCE(sum(transit_hours * shipments), 0)",
          "COALESCE(sum(CASE WHEN transit_hours IS NOT NULL THEN shipments END), 0)"};
}

// Adds (sign +1) or takes away (-1) the sums of the facts `source` names to or from `table`,
// grouped by its key: `key` (column names) computed by `keyValues` (expressions over the facts),
// inserted in `order` (apply() says why).
void addSums(Poco::Data::Session& session, const std::string& table, const std::string& key,
             const std::string& keyValues, const std::string& order, const std::string& conflictKey,
             const FactSource& source, int sign) {
  const std::string s = sign > 0 ? "" : "-";
  std::string columns, sums, updates;
  for (const char* counter : kCounters) {
    columns += std::string(", ") + counter;
    sums += ", " + s + "sum(" + counter + ")";
    updates += std::string(", ") + counter + " = " + table + "." + counter + " + excluded." + counter;
  }
  session << "INSERT INTO " + table + " (" + key + ", shipments" + columns + ", transit_hours, transit_count) "
                 "SELECT " + keyValues + ", " + s + source.shipments + sums + ", " + s + source.transitSum + ", " + s +
                 source.transitCount + " FROM " + source.from + " GROUP BY " + keyValues + " ORDER BY " + order +
                 " ON CONFLICT (" + conflictKey + ") DO UPDATE SET shipments = " + table + ".shipments + "
                 "excluded.shipments" + updates + ", transit_hours = " + table + ".transit_hours + excluded.transit_hours, "
                 "transit_count = " + table + ".transit_count + excluded.transit_count",
      now;
}

// The same for the distributions of transit hours.
void addTransits(Poco::Data::Session& session, const std::string& table, const std::string& key,
                 const std::string& keyValues, const std::string& order, const std::string& conflictKey,
                 const FactSource& source, int sign) {
  session << "INSERT INTO " + table + " (" + key + ", transit_hours, shipments) SELECT " + keyValues +
                 ", transit_hours, " + (sign > 0 ? "" : "-") + source.shipments + " FROM " + source.from +
                 " AND transit_hours IS NOT NULL GROUP BY " + keyValues + ", transit_hours ORDER BY " + order +
                 ", transit_hours ON CONFLICT (" + conflictKey + ") DO UPDATE SET shipments = " + table + ".shipments + excluded.shipments",
      now;
}

const char* const kRollupTables[] = {"shipment_rollup", "shipment_month_rollup", "shipment_transit_rollup",
                                     "shipment_transit_all_rollup"};

// Adds (sign +1) or takes away (-1) the facts `source` names to or from every rollup.
// Rows go in by time first, whatever the table's key: a rebuild then lays a month's rows side
// by side, so that a report reads a quarter from a few pages rather than from rows strewn over
// the whole table in hash-aggregate order (rows written day by day arrive in time order anyway).
void apply(Poco::Data::Session& session, const FactSource& source, int sign) {
  const std::string month = "substr(ship_day, 1, 7)";
  const std::string byClient = "client_id, carrier_key, region_key", byMonth = month + ", " + byClient;
  addSums(session, "shipment_rollup", byClient + ", ship_day", byClient + ", ship_day", "ship_day, " + byClient,
          "client_id, ship_day, carrier_key, region_key", source, sign);
  addSums(session, "shipment_month_rollup", byClient + ", ship_month", byClient + ", " + month, byMonth,
          "client_id, ship_month, carrier_key, region_key", source, sign);
  addTransits(session, "shipment_transit_rollup", byClient + ", ship_month", byClient + ", " + month, byMonth,
              "client_id, ship_month, carrier_key, region_key, transit_hours", source, sign);
  addTransits(session, "shipment_transit_all_rollup", "carrier_key, region_key, ship_month",
              "carrier_key, region_key, " + month, month + ", carrier_key, region_key",
              "ship_month, carrier_key, region_key, transit_hours", source, sign);
}

// Adds the facts `which` names to every rollup, for many facts at once: they are grouped once
// at the finest grain of the rollups (15,000 groups for the 200,000 facts of the import bench),
// and each rollup sums those groups, instead of each reading every fact again.
void addGrouped(Poco::Data::Session& session, const std::string& which) {
  const std::string drop = store::dropTemporaryTable(store::sessionDialect(session), "import_fact_groups");
  std::string sums;
  for (const char* counter : kCounters) sums += std::string(", sum(") + counter + ") AS " + counter;
  session << drop, now;
  session << std::string("CREATE TEMP TABLE import_fact_groups") +
                 " AS SELECT client_id, carrier_key, region_key, ship_day, transit_hours, count(*) AS shipments" + sums +
                 " FROM shipment_fact WHERE " + which + " GROUP BY client_id, carrier_key, region_key, ship_day, "
                 "transit_hours",
      now;
  apply(session, groupedFacts(), +1);
  session << drop, now;
}

// Rollup rows are shared by many shipments (a month, carrier and region over all clients), and a
// refresh upserts them in whatever order its GROUP BY yields: two PostgreSQL transactions doing
// so at once can deadlock. They take turns instead, from here to their commit (a short stretch:
// the refresh runs just before COMMIT), as SQLite's single writer does anyway.
void takeTurnAsRollupWriter(Poco::Data::Session& session) {
  if (store::sessionDialect(session) != store::Dialect::postgresql) return;
  session << "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(7310280513) AS locked) AS turn", now;
}

// The shipments a transaction touched, refreshed once before it commits.
class PendingRollupRefresh : public store::Transaction::Deferred {
 public:
  void add(std::int64_t shipmentId) { ids_.insert(shipmentId); }
  void run(Poco::Data::Session& session) override {
    const std::vector<std::int64_t> ids(ids_.begin(), ids_.end());
    ids_.clear();
    refreshShipmentRollups(session, ids);
  }

 private:
  std::set<std::int64_t> ids_;
};

}  // namespace

void refreshShipmentRollupsAtCommit(store::Transaction& transaction, std::int64_t shipmentId) {
  transaction.deferred<PendingRollupRefresh>().add(shipmentId);
}

void refreshShipmentRollups(Poco::Data::Session& session, std::vector<std::int64_t> shipmentIds) {
  const store::Dialect dialect = store::sessionDialect(session);
  // Two transactions refreshing one shipment (an event and a receipt at once) take turns, so
  // that the second sees the first's new fact row; the turn is all the locking needed: rows of
  // `shipment` locked here as well could deadlock with a writer that holds one and waits for
  // the turn at its own commit. SQLite's BEGIN IMMEDIATE already lets one writer in at a time.
  if (!shipmentIds.empty()) takeTurnAsRollupWriter(session);
  std::sort(shipmentIds.begin(), shipmentIds.end());
  shipmentIds.erase(std::unique(shipmentIds.begin(), shipmentIds.end()), shipmentIds.end());
  for (std::size_t at = 0; at < shipmentIds.size(); at += kChunk) {
    // Ids are numbers of ours, written into the SQL: a list of bound parameters would cost more.
    std::string ids;
    for (std::size_t i = at; i < shipmentIds.size() && i < at + kChunk; ++i) {
      ids += (ids.empty() ? "" : ",") + std::to_string(shipmentIds[i]);
    }
    const std::string which = "shipment_id IN (" + ids + ")";
    apply(session, facts(which), -1);
    session << "DELETE FROM shipment_fact WHERE " + which, now;
    session << std::string(kInsertFacts) + factsSelect(dialect, "s." + which), now;
    apply(session, facts(which), +1);
  }
}

void addImportedShipmentsToRollups(Poco::Data::Session& session, std::int64_t importRunId) {
  // The shipments of a run are new: they have no facts yet, nothing to take away first.
  takeTurnAsRollupWriter(session);
  const std::string run = std::to_string(importRunId);
  session << std::string(kInsertFacts) +
                 factsSelect(store::sessionDialect(session), "s.source_import_run_id = " + run, false),
      now;
  addGrouped(session, "shipment_id IN (SELECT shipment_id FROM shipment WHERE source_import_run_id = " + run + ")");
}

std::int64_t rebuildShipmentRollups(store::Transaction& transaction) {
  Poco::Data::Session& session = transaction.session();
  const store::Dialect dialect = store::sessionDialect(session);
  // A refresh running beside the rebuild would take away facts the rebuild has replaced; on
  // SQLite the transaction is the only writer already.
  std::string tables = "shipment_fact";
  for (const char* table : kRollupTables) tables += std::string(", ") + table;
  takeTurnAsRollupWriter(session);
  if (dialect == store::Dialect::postgresql) {
    session << "LOCK TABLE " + tables + " IN EXCLUSIVE MODE", now;
  }
  for (const char* table : kRollupTables) session << std::string("DELETE FROM ") + table, now;
  session << "DELETE FROM shipment_fact", now;
  session << std::string(kInsertFacts) + factsSelect(dialect, "true"), now;
  addGrouped(session, "true");
  // The planner's statistics of the rewritten tables, as autovacuum would gather them later.
  if (dialect == store::Dialect::postgresql) {
    session << "ANALYZE " + tables, now;
  }
  std::int64_t counted = 0;
  session << "SELECT count(*) FROM shipment_fact", into(counted), now;
  return counted;
}

}  // namespace logistics
