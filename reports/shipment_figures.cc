#include "reports/shipment_figures.h"

#include "reports/figure_rows.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <cmath>

using namespace Poco::Data::Keywords;

namespace reports {
namespace {

// Expressions that differ between the dialects; timestamps are ISO-8601 UTC text.
// Whole hours between two timestamps, counted in minutes first so that 60 h is never 59.999.
std::string hoursBetween(store::Dialect dialect, const std::string& from, const std::string& to) {
  if (dialect == store::Dialect::sqlite) {
    return "(CAST(round((julianday(" + to + ") - julianday(" + from + ")) * 1440) AS INTEGER) / 60)";
  }
  return "(CAST(round(EXTRACT(EPOCH FROM (CAST(" + to + " AS timestamptz) - CAST(" + from +
         " AS timestamptz))) / 60) AS BIGINT) / 60)";
}

std::string dayPlus(store::Dialect dialect, const std::string& timestamp, int days) {
  if (days == 0) return "substr(" + timestamp + ", 1, 10)";
  if (dialect == store::Dialect::sqlite) {
    return "date(substr(" + timestamp + ", 1, 10), '+" + std::to_string(days) + " days')";
  }
  return "CAST(CAST(substr(" + timestamp + ", 1, 10) AS date) + " + std::to_string(days) + " AS text)";
}

std::string groupExpression(const std::string& grouping) {
  if (grouping == "region") return "COALESCE(s.destination_region, '')";
  if (grouping == "carrier") return "COALESCE(c.party_code, '')";
  if (grouping == "month") return "substr(s.ship_date, 1, 7)";
  if (grouping.empty()) return "''";
  throw Poco::InvalidArgumentException("no grouping '" + grouping + "' (region, carrier, month)");
}

// The shipments of the scope with one row each and its KPI flags; grouped by `group`.
std::string flagsQuery(store::Dialect dialect, const ShipmentScope& scope, const std::string& group) {
  const std::string onTime = "substr(s.actual_delivery, 1, 10) <= " +
                             dayPlus(dialect, "s.promised_delivery", scope.onTimeToleranceDays);
  std::string where = "s.ship_date >= ? AND s.ship_date < ?";
  if (scope.clientId) where += " AND s.client_id = ?";
  if (scope.carrierId) where += " AND s.carrier_id = ?";
  if (scope.region) where += " AND s.destination_region = ?";
  return
      "SELECT " + group + " AS grp, s.shipment_id, COALESCE(s.pieces, 0) AS pieces, CAST(round(COALESCE(s.weight_kg, 0) * 1000) AS BIGINT) AS weight_g, "
      "COALESCE(s.freight_cost_cents, 0) AS cost, "
      "CASE WHEN s.actual_delivery IS NOT NULL THEN 1 ELSE 0 END AS delivered, "
      "CASE WHEN s.actual_delivery IS NOT NULL AND s.promised_delivery IS NOT NULL THEN 1 ELSE 0 END AS promised, "
      "CASE WHEN s.actual_delivery IS NOT NULL AND s.promised_delivery IS NOT NULL AND " + onTime +
      " THEN 1 ELSE 0 END AS on_time, "
      "CASE WHEN s.planned_ship_date IS NOT NULL THEN 1 ELSE 0 END AS planned, "
      "CASE WHEN s.planned_ship_date IS NOT NULL AND substr(s.ship_date, 1, 10) <= substr(s.planned_ship_date, 1, 10) "
      "THEN 1 ELSE 0 END AS shipped_on_time, "
      "CASE WHEN EXISTS (SELECT 1 FROM receipt r WHERE r.shipment_id = s.shipment_id) THEN 1 ELSE 0 END AS received, "
      // Received complete and correct: every announced line in full and undamaged, nothing unannounced.
      "CASE WHEN EXISTS (SELECT 1 FROM receipt r WHERE r.shipment_id = s.shipment_id) "
      " AND NOT EXISTS (SELECT 1 FROM shipment_line l WHERE l.shipment_id = s.shipment_id AND "
      "   (COALESCE(l.quantity_received, 0) <> l.quantity_shipped OR COALESCE(l.quantity_damaged, 0) > 0)) "
      " AND NOT EXISTS (SELECT 1 FROM receipt r JOIN receipt_line rl ON rl.receipt_id = r.receipt_id "
      "   WHERE r.shipment_id = s.shipment_id AND (rl.shipment_line_no IS NULL OR rl.quantity_over > 0)) "
      "THEN 1 ELSE 0 END AS accurate, "
      "CASE WHEN EXISTS (SELECT 1 FROM receipt r WHERE r.shipment_id = s.shipment_id) THEN "
      " (SELECT count(*) FROM shipment_line l WHERE l.shipment_id = s.shipment_id) ELSE 0 END AS lines, "
      "CASE WHEN EXISTS (SELECT 1 FROM receipt r WHERE r.shipment_id = s.shipment_id) THEN "
      " (SELECT count(*) FROM shipment_line l WHERE l.shipment_id = s.shipment_id AND "
      "  COALESCE(l.quantity_received, 0) = l.quantity_shipped AND COALESCE(l.quantity_damaged, 0) = 0) "
      "ELSE 0 END AS lines_accurate, "
      "CASE WHEN EXISTS (SELECT 1 FROM shipment_event e WHERE e.shipment_id = s.shipment_id AND "
      " e.normalized_status IN ('damaged', 'lost', 'exception')) THEN 1 ELSE 0 END AS accident, "
      "CASE WHEN s.actual_delivery IS NOT NULL THEN " + hoursBetween(dialect, "s.ship_date", "s.actual_delivery") +
      " END AS transit_hours "
      "FROM shipment s LEFT JOIN party c ON c.party_id = s.carrier_id WHERE " + where;
}

void bindScope(Poco::Data::Statement& statement, const ShipmentScope& scope) {
  statement, bind(scope.start), bind(scope.end);
  if (scope.clientId) statement, bind(*scope.clientId);
  if (scope.carrierId) statement, bind(*scope.carrierId);
  if (scope.region) statement, bind(*scope.region);
}

}  // namespace

std::map<std::string, ShipmentFigures> plainShipmentFiguresBy(Poco::Data::Session& session, const ShipmentScope& scope,
                                                              const std::string& grouping) {
  const store::Dialect dialect = store::sessionDialect(session);
  const std::string flags = flagsQuery(dialect, scope, groupExpression(grouping));
  // OTIF: on time, in full (not received short, over or damaged: a shipment without a receipt
  // counts as in full), and no accident.
  const std::string sql =
      "SELECT grp, count(*), sum(pieces), sum(weight_g), sum(cost), sum(delivered), sum(promised), sum(on_time), "
      "sum(planned), sum(shipped_on_time), sum(received), sum(accurate), sum(lines), sum(lines_accurate), "
      "sum(accident), sum(CASE WHEN on_time = 1 AND (received = 0 OR accurate = 1) AND accident = 0 THEN 1 ELSE 0 END), "
      "sum(COALESCE(transit_hours, 0)), sum(CASE WHEN transit_hours IS NULL THEN 0 ELSE 1 END) "
      "FROM (" + flags + ") f GROUP BY grp";
  Poco::Data::Statement statement(session);
  statement << sql;
  bindScope(statement, scope);
  statement.execute();
  Poco::Data::RecordSet rows(statement);
  std::map<std::string, ShipmentFigures> out = figuresByGroup(rows);
  // The 90th percentile by nearest rank: the ceil(0.9 n)-th smallest transit time of each group.
  for (auto& [group, figures] : out) {
    if (figures.transitCount == 0) continue;
    const std::int64_t rank = static_cast<std::int64_t>(std::ceil(0.9 * static_cast<double>(figures.transitCount)));
    Poco::Data::Statement p90(session);
    p90 << "SELECT transit_hours FROM (" + flags + ") f WHERE transit_hours IS NOT NULL AND grp = ? "
           "ORDER BY transit_hours LIMIT 1 OFFSET " + std::to_string(rank - 1);
    bindScope(p90, scope);
    std::string key = group;
    double hours = 0;
    p90, bind(key), into(hours);
    p90.execute();
    figures.transitHoursP90 = hours;
  }
  return out;
}

ShipmentFigures plainShipmentFigures(Poco::Data::Session& session, const ShipmentScope& scope) {
  const auto grouped = plainShipmentFiguresBy(session, scope, "");
  return grouped.empty() ? ShipmentFigures() : grouped.begin()->second;
}

}  // namespace reports
