// ShipmentFigures from the rollups (declared in reports/shipment_figures.h).
#include "reports/shipment_figures.h"

#include "reports/figure_rows.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <vector>

using namespace Poco::Data::Keywords;

namespace reports {
namespace {

std::string groupExpression(const std::string& grouping) {
  if (grouping == "region") return "r.region_key";
  if (grouping == "carrier") return "COALESCE(c.party_code, '')";
  if (grouping == "month") return "r.ship_month";
  if (grouping.empty()) return "''";
  throw Poco::InvalidArgumentException("no grouping '" + grouping + "' (region, carrier, month)");
}

// The carriers' codes, joined only when grouping by them: SQLite does not drop an unused LEFT
// JOIN, which would cost a lookup per rollup row for nothing.
std::string carrierCodes(const std::string& grouping) {
  return grouping == "carrier" ? " LEFT JOIN party c ON c.party_id = r.carrier_key" : "";
}

std::string filters(const ShipmentScope& scope) {
  std::string where;
  if (scope.clientId) where += " AND r.client_id = ?";
  if (scope.carrierId) where += " AND r.carrier_key = ?";
  if (scope.region) where += " AND r.region_key = ?";
  return where;
}

void bindScope(Poco::Data::Statement& statement, const std::string& start, const std::string& end,
               const ShipmentScope& scope) {
  statement, bind(start), bind(end);
  if (scope.clientId) statement, bind(*scope.clientId);
  if (scope.carrierId) statement, bind(*scope.carrierId);
  if (scope.region) statement, bind(*scope.region);
}

}  // namespace

bool rollupsCover(const ShipmentScope& scope) {
  const auto monthStart = [](const std::string& day) { return day.size() == 10 && day.compare(8, 2, "01") == 0; };
  return scope.onTimeToleranceDays == 0 && monthStart(scope.start) && monthStart(scope.end) &&
         (!scope.region || !scope.region->empty());
}

std::map<std::string, ShipmentFigures> rollupShipmentFiguresBy(Poco::Data::Session& session, const ShipmentScope& scope,
                                                               const std::string& grouping) {
  if (!rollupsCover(scope)) {
    throw Poco::InvalidArgumentException("the rollups do not cover " + scope.start + " to " + scope.end +
                                         " with this tolerance or region; use the plain figures");
  }
  // Months, not days: a period is whole months, and a quarter of month rows is a few thousand
  // at any volume. Grouped over a derived column, never over a constant: PostgreSQL refuses GROUP BY ''.
  const std::string startMonth = scope.start.substr(0, 7), endMonth = scope.end.substr(0, 7);
  Poco::Data::Statement sums(session);
  sums << "SELECT grp, sum(shipments), sum(pieces), sum(weight_g), sum(freight_cents), sum(delivered), sum(promised), "
          "sum(on_time), sum(planned), sum(shipped_on_time), sum(received), sum(accurate), sum(lines), "
          "sum(lines_accurate), sum(accident), sum(on_time_in_full), sum(transit_hours), sum(transit_count) FROM ("
          "SELECT " + groupExpression(grouping) + " AS grp, r.* FROM shipment_month_rollup r" + carrierCodes(grouping) +
          " WHERE r.ship_month >= ? AND r.ship_month < ?" + filters(scope) +
          ") x GROUP BY grp HAVING sum(shipments) > 0";
  bindScope(sums, startMonth, endMonth, scope);
  sums.execute();
  Poco::Data::RecordSet rows(sums);
  std::map<std::string, ShipmentFigures> out = figuresByGroup(rows);

  // The 90th percentile by nearest rank, from the monthly distribution of whole hours.
  Poco::Data::Statement histogram(session);
  // Of all clients, from the distribution summed over them: one client's rows times the clients otherwise.
  histogram << "SELECT grp, transit_hours, sum(shipments) FROM (SELECT " + groupExpression(grouping) +
                   " AS grp, r.transit_hours, r.shipments FROM " +
                   (scope.clientId ? "shipment_transit_rollup" : "shipment_transit_all_rollup") +
                   " r" + carrierCodes(grouping) + " WHERE r.ship_month >= ? AND r.ship_month < ?" +
                   filters(scope) + ") x GROUP BY grp, transit_hours HAVING sum(shipments) > 0 ORDER BY 1, 2";
  bindScope(histogram, startMonth, endMonth, scope);
  histogram.execute();
  Poco::Data::RecordSet buckets(histogram);
  std::string group;
  std::int64_t seen = 0;
  for (std::size_t r = 0; r < buckets.rowCount(); ++r) {
    const std::string key = buckets.value(0, r).convert<std::string>();
    if (key != group || r == 0) {
      group = key;
      seen = 0;
    }
    const auto found = out.find(group);
    if (found == out.end() || found->second.transitHoursP90) continue;
    seen += buckets.value(2, r).convert<std::int64_t>();
    // The ceil(0.9 n)-th smallest: the first bucket where 10 * seen >= 9 * n.
    if (10 * seen >= 9 * found->second.transitCount) {
      found->second.transitHoursP90 = buckets.value(1, r).convert<double>();
    }
  }
  return out;
}

ShipmentFigures rollupShipmentFigures(Poco::Data::Session& session, const ShipmentScope& scope) {
  const auto grouped = rollupShipmentFiguresBy(session, scope, "");
  return grouped.empty() ? ShipmentFigures() : grouped.begin()->second;
}

}  // namespace reports
