// ShipmentFigures from the rollups (declared in reports/shipment_figures.h).
#include "reports/shipment_figures.h"

#include "reports/figure_rows.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <tuple>
#include <unordered_map>
#include <vector>

using namespace Poco::Data::Keywords;

namespace reports {
namespace {

const char* const kSums[] = {"shipments",       "pieces",   "weight_g",       "freight_cents",   "delivered",
                             "promised",        "on_time",  "planned",        "shipped_on_time", "received",
                             "accurate",        "lines",    "lines_accurate", "accident",        "on_time_in_full",
                             "transit_hours",   "transit_count"};

// What the report adds up per period and grouping: the sums, and the distribution of transit
// hours for the 90th percentile (counts by the hour's column in TransitHours).
struct Group {
  FigureSums sums{};
  std::vector<std::int64_t> transits;
};

// The distinct transit hours seen, each with a column of its own in every group's counts: a few
// hundred at most, so adding a count is an array increment whatever the number of rows.
class TransitHours {
 public:
  std::size_t column(std::int64_t hours) {
    const auto [at, added] = columns_.try_emplace(hours, hours_.size());
    if (added) hours_.push_back(hours);
    return at->second;
  }
  std::size_t size() const { return hours_.size(); }
  std::int64_t hours(std::size_t column) const { return hours_[column]; }
  // The columns from the shortest transit to the longest.
  std::vector<std::size_t> ascending() const {
    std::vector<std::size_t> order(hours_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) { return hours_[a] < hours_[b]; });
    return order;
  }

 private:
  std::unordered_map<std::int64_t, std::size_t> columns_;
  std::vector<std::int64_t> hours_;
};

struct PeriodGroups {
  Group totals;
  std::map<std::string, Group> byRegion, byCarrier, byMonth;
};

// A rollup cell, the finest grain both queries return: month, region and carrier.
using Cell = std::tuple<std::string, std::string, std::int64_t>;

bool sameFilters(const ShipmentScope& a, const ShipmentScope& b) {
  return a.clientId == b.clientId && a.carrierId == b.carrierId && a.region == b.region &&
         a.onTimeToleranceDays == b.onTimeToleranceDays;
}

// "2026-07" and the month after it.
std::string nextMonth(const std::string& month) {
  int year = std::stoi(month.substr(0, 4)), number = std::stoi(month.substr(5, 2)) + 1;
  if (number == 13) {
    number = 1;
    ++year;
  }
  return std::to_string(year) + (number < 10 ? "-0" : "-") + std::to_string(number);
}

std::string filters(const ShipmentScope& scope) {
  std::string where;
  if (scope.clientId) where += " AND r.client_id = ?";
  if (scope.carrierId) where += " AND r.carrier_key = ?";
  if (scope.region) where += " AND r.region_key = ?";
  return where;
}

// The months as bound parameters: an IN list uses the month index (or the client's key) for
// every month, however the periods lie.
void bindMonthsAndFilters(Poco::Data::Statement& statement, const std::map<std::string, std::vector<std::size_t>>& months,
                          const ShipmentScope& scope) {
  for (const auto& entry : months) statement, bind(entry.first);
  if (scope.clientId) statement, bind(*scope.clientId);
  if (scope.carrierId) statement, bind(*scope.carrierId);
  if (scope.region) statement, bind(*scope.region);
}

void add(FigureSums& into, const FigureSums& sums) {
  for (std::size_t i = 0; i < into.size(); ++i) into[i] += sums[i];
}

// The figures of the groups that have shipments, as the grouped SQL's HAVING sum(shipments) > 0
// kept them; the 90th percentile by nearest rank: the ceil(0.9 n)-th smallest transit time,
// the first hour where 10 * seen >= 9 * n.
ShipmentFigures figuresOf(const Group& group, const TransitHours& hours, const std::vector<std::size_t>& ascending) {
  ShipmentFigures figures = reports::figuresOf(group.sums);
  std::int64_t seen = 0;
  for (std::size_t i = 0; i < ascending.size() && figures.transitCount > 0; ++i) {
    const std::size_t column = ascending[i];
    const std::int64_t count = column < group.transits.size() ? group.transits[column] : 0;
    seen += count;
    if (count > 0 && 10 * seen >= 9 * figures.transitCount) {
      figures.transitHoursP90 = static_cast<double>(hours.hours(column));
      break;
    }
  }
  return figures;
}

std::map<std::string, ShipmentFigures> figuresOf(const std::map<std::string, Group>& groups, const TransitHours& hours,
                                                 const std::vector<std::size_t>& ascending) {
  std::map<std::string, ShipmentFigures> out;
  for (const auto& [key, group] : groups) {
    if (group.sums[0] > 0) out.emplace(key, figuresOf(group, hours, ascending));
  }
  return out;
}

}  // namespace

bool rollupsCover(const ShipmentScope& scope) {
  // "YYYY-MM-01": the month arithmetic below reads its digits.
  const auto monthStart = [](const std::string& day) {
    const auto digits = [&](std::size_t at, std::size_t n) {
      return std::all_of(day.begin() + static_cast<std::ptrdiff_t>(at), day.begin() + static_cast<std::ptrdiff_t>(at + n),
                         [](unsigned char c) { return std::isdigit(c) != 0; });
    };
    return day.size() == 10 && digits(0, 4) && day[4] == '-' && digits(5, 2) && day.compare(7, 3, "-01") == 0;
  };
  return scope.onTimeToleranceDays == 0 && monthStart(scope.start) && monthStart(scope.end) &&
         (!scope.region || !scope.region->empty());
}

std::vector<FigureBreakdown> rollupFigureBreakdowns(Poco::Data::Session& session,
                                                    const std::vector<ShipmentScope>& scopes) {
  for (const ShipmentScope& scope : scopes) {
    if (!rollupsCover(scope) || !sameFilters(scope, scopes.front())) {
      throw Poco::InvalidArgumentException("the rollups do not cover " + scope.start + " to " + scope.end +
                                           " with this tolerance or region; use the plain figures");
    }
  }
  if (scopes.empty()) return {};
  const ShipmentScope& scope = scopes.front();
  // Months, not days: a period is whole months, and a quarter of month rows is a few thousand
  // at any volume. Each month once, however many periods it is in (a year's previous period is
  // also the year before).
  std::map<std::string, std::vector<std::size_t>> months;  // "2026-07": the periods it is in
  for (std::size_t p = 0; p < scopes.size(); ++p) {
    for (std::string m = scopes[p].start.substr(0, 7); m < scopes[p].end.substr(0, 7); m = nextMonth(m)) {
      months[m].push_back(p);
    }
  }
  std::vector<FigureBreakdown> out(scopes.size());
  if (months.empty()) return out;
  std::string in;
  for (std::size_t i = 0; i < months.size(); ++i) in += i == 0 ? "?" : ", ?";

  // One pass over the month sums, grouped by cell; every grouping of every period is added up
  // here from the cells (a quarter and its two comparisons: about a thousand rows).
  std::string sums, columns;
  for (const char* sum : kSums) {
    sums += std::string(", sum(r.") + sum + ") AS " + sum;
    columns += std::string(", x.") + sum;
  }
  Poco::Data::Statement sumsQuery(session);
  sumsQuery << "SELECT x.ship_month, x.region_key, x.carrier_key, COALESCE(c.party_code, '')" + columns +
                   " FROM (SELECT r.ship_month, r.region_key, r.carrier_key" + sums +
                   " FROM shipment_month_rollup r WHERE r.ship_month IN (" + in + ")" + filters(scope) +
                   " GROUP BY r.ship_month, r.region_key, r.carrier_key) x"
                   " LEFT JOIN party c ON c.party_id = x.carrier_key";
  bindMonthsAndFilters(sumsQuery, months, scope);
  sumsQuery.execute();
  Poco::Data::RecordSet rows(sumsQuery);
  std::vector<PeriodGroups> periods(scopes.size());
  std::map<Cell, std::vector<Group*>> cells;  // a cell's groups, for its transit hours
  for (std::size_t r = 0; r < rows.rowCount(); ++r) {
    const std::string month = rows.value(0, r).convert<std::string>();
    const std::string region = rows.value(1, r).convert<std::string>();
    const std::string carrier = rows.value(3, r).convert<std::string>();
    const FigureSums cellSums = figureSumsAt(rows, r, 4);
    const auto periodsOfMonth = months.find(month);
    if (periodsOfMonth == months.end()) continue;
    std::vector<Group*>& groups = cells[{month, region, rows.value(2, r).convert<std::int64_t>()}];
    for (std::size_t p : periodsOfMonth->second) {
      PeriodGroups& period = periods[p];
      for (Group* group :
           {&period.totals, &period.byRegion[region], &period.byCarrier[carrier], &period.byMonth[month]}) {
        add(group->sums, cellSums);
        groups.push_back(group);
      }
    }
  }

  // The distribution of whole transit hours per cell, one row per cell with its "hours:count"
  // pairs: a value through ODBC costs microseconds, and the buckets of a quarter are tens of
  // thousands. Grouped in the order of the tables' keys, so that the rows stream out of the
  // index into each group (PostgreSQL would otherwise hash them, spilling to disk). Of all
  // clients, from the distribution summed over them (one client's rows times the clients otherwise).
  const bool sqlite = store::sessionDialect(session) == store::Dialect::sqlite;
  Poco::Data::Statement transitQuery(session);
  transitQuery << std::string("SELECT r.ship_month, r.region_key, r.carrier_key, ") +
                      (sqlite ? "group_concat(" : "string_agg(") +
                      "CAST(r.transit_hours AS TEXT) || ':' || CAST(r.shipments AS TEXT), ',') FROM " +
                      (scope.clientId ? "shipment_transit_rollup" : "shipment_transit_all_rollup") +
                      " r WHERE r.ship_month IN (" + in + ")" + filters(scope) +
                      " AND r.shipments > 0 GROUP BY r.ship_month, r.carrier_key, r.region_key";
  bindMonthsAndFilters(transitQuery, months, scope);
  transitQuery.execute();
  Poco::Data::RecordSet transits(transitQuery);
  TransitHours hours;
  for (std::size_t r = 0; r < transits.rowCount(); ++r) {
    const auto cell = cells.find({transits.value(0, r).convert<std::string>(), transits.value(1, r).convert<std::string>(),
                                  transits.value(2, r).convert<std::int64_t>()});
    if (cell == cells.end()) continue;  // a cell without sums has no shipments either
    const std::string pairs = transits.value(3, r).convert<std::string>();
    for (const char* at = pairs.c_str(); *at != '\0';) {
      char* end = nullptr;
      const std::size_t column = hours.column(std::strtoll(at, &end, 10));
      const std::int64_t count = std::strtoll(end + 1, &end, 10);
      for (Group* group : cell->second) {
        if (group->transits.size() <= column) group->transits.resize(hours.size());
        group->transits[column] += count;
      }
      at = *end == ',' ? end + 1 : end;
    }
  }

  const std::vector<std::size_t> ascending = hours.ascending();
  for (std::size_t p = 0; p < scopes.size(); ++p) {
    if (periods[p].totals.sums[0] > 0) out[p].totals = figuresOf(periods[p].totals, hours, ascending);
    out[p].byRegion = figuresOf(periods[p].byRegion, hours, ascending);
    out[p].byCarrier = figuresOf(periods[p].byCarrier, hours, ascending);
    out[p].byMonth = figuresOf(periods[p].byMonth, hours, ascending);
  }
  return out;
}

std::map<std::string, ShipmentFigures> rollupShipmentFiguresBy(Poco::Data::Session& session, const ShipmentScope& scope,
                                                               const std::string& grouping) {
  if (grouping != "region" && grouping != "carrier" && grouping != "month" && !grouping.empty()) {
    throw Poco::InvalidArgumentException("no grouping '" + grouping + "' (region, carrier, month)");
  }
  FigureBreakdown figures = std::move(rollupFigureBreakdowns(session, {scope}).front());
  if (grouping == "region") return figures.byRegion;
  if (grouping == "carrier") return figures.byCarrier;
  if (grouping == "month") return figures.byMonth;
  if (figures.totals.shipments == 0) return {};
  return {{"", figures.totals}};
}

ShipmentFigures rollupShipmentFigures(Poco::Data::Session& session, const ShipmentScope& scope) {
  return rollupFigureBreakdowns(session, {scope}).front().totals;
}

}  // namespace reports
