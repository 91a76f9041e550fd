#include "reports/service_report.h"

#include "store/timestamp.h"

#include <algorithm>
#include <numeric>

using namespace Poco::Data::Keywords;

namespace reports {
namespace {

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string monthLabel(const std::string& key) {
  if (key.size() != 7) return key;
  const int month = std::stoi(key.substr(5, 2));
  return month >= 1 && month <= 12 ? std::string(kMonthNames[month - 1]) + " " + key.substr(0, 4) : key;
}

std::optional<double> change(std::int64_t now, std::int64_t before) {
  if (before == 0) return std::nullopt;
  return static_cast<double>(now - before) / static_cast<double>(before);
}

// A party's id and label by its code; empty when unknown.
std::optional<std::pair<std::int64_t, std::string>> party(Poco::Data::Session& session, const std::string& code) {
  std::vector<std::int64_t> ids;
  std::vector<std::string> names;
  session << "SELECT party_id, name FROM party WHERE party_code = ?", bind(code), into(ids), into(names), now;
  if (ids.empty()) return std::nullopt;
  return std::make_pair(ids.front(), code + " (" + names.front() + ")");
}

// The same breakdowns by plain SQL over the raw tables, for what the rollups cannot answer (an
// on-time tolerance): slow at volume, and only as many groupings as the report shows.
std::vector<FigureBreakdown> plainBreakdowns(Poco::Data::Session& session, const std::vector<ShipmentScope>& scopes) {
  std::vector<FigureBreakdown> out;
  for (std::size_t p = 0; p < scopes.size(); ++p) {
    FigureBreakdown figures;
    figures.totals = plainShipmentFigures(session, scopes[p]);
    figures.byRegion = plainShipmentFiguresBy(session, scopes[p], "region");
    if (p == 0) {
      figures.byCarrier = plainShipmentFiguresBy(session, scopes[p], "carrier");
      figures.byMonth = plainShipmentFiguresBy(session, scopes[p], "month");
    }
    out.push_back(std::move(figures));
  }
  return out;
}

}  // namespace

const char* reportKindName(ReportKind kind) {
  switch (kind) {
    case ReportKind::monthly:
      return "monthly";
    case ReportKind::quarterly:
      return "quarterly";
    case ReportKind::annual:
      break;
  }
  return "annual";
}

std::vector<Kpi> shipmentKpis(const ShipmentFigures& f, int toleranceDays) {
  const std::string tolerance =
      toleranceDays == 0 ? "" : " (+" + std::to_string(toleranceDays) + " day" + (toleranceDays == 1 ? "" : "s") + ")";
  std::vector<Kpi> kpis;
  kpis.push_back(totalKpi("shipments", "Shipments", "Shipments that left (ship date) in the period.", "shipments",
                          static_cast<double>(f.shipments)));
  kpis.push_back(totalKpi("pieces", "Pieces", "Pieces (handling units) of those shipments.", "pieces",
                          static_cast<double>(f.pieces)));
  kpis.push_back(totalKpi("weight_kg", "Weight", "Gross weight of those shipments, summed in whole grams.", "kg",
                          f.weightKg));
  kpis.push_back(totalKpi("freight_cost", "Freight cost", "Freight invoiced for those shipments, in minor units.",
                          "cents", static_cast<double>(f.freightCostCents)));
  kpis.push_back(rateKpi("on_time_delivery_rate", "On-time delivery",
                         "Delivered on or before the promised day" + tolerance + ", of shipments delivered.",
                         "delivered on time", "delivered with a promised date",
                         "Shipments not delivered yet, and delivered ones without a promised date.", "shipments",
                         static_cast<double>(f.deliveredOnTime), static_cast<double>(f.deliveredWithPromise)));
  kpis.push_back(rateKpi("on_time_shipment_rate", "On-time shipment", "Left the dock by the planned ship day.",
                         "shipped by the planned day", "shipments with a planned ship date",
                         "Shipments without a planned ship date.", "shipments", static_cast<double>(f.shippedOnTime),
                         static_cast<double>(f.withPlannedShipDate)));
  kpis.push_back(rateKpi("accuracy_rate", "Shipment accuracy",
                         "Received complete and correct: every announced line in full and undamaged, nothing "
                         "unannounced.",
                         "received accurate", "received", "Shipments with no receipt yet.", "shipments",
                         static_cast<double>(f.receivedAccurate), static_cast<double>(f.received)));
  kpis.push_back(rateKpi("line_accuracy_rate", "Line accuracy",
                         "Announced lines received in full and undamaged, over the lines of received shipments.",
                         "lines accurate", "lines of received shipments", "Lines of shipments with no receipt yet.",
                         "lines", static_cast<double>(f.linesAccurate), static_cast<double>(f.linesReceived)));
  kpis.push_back(rateKpi("accident_rate", "Accident rate",
                         "Shipments with a damage, loss or incident (exception) event, of all shipments.",
                         "shipments with an accident", "shipments", "None: every shipment of the period counts.",
                         "shipments", static_cast<double>(f.withAccident), static_cast<double>(f.shipments)));
  kpis.push_back(rateKpi("otif_rate", "OTIF (perfect order)",
                         "Delivered on time, in full (no receipt short, over or damaged) and without an accident, "
                         "counted per shipment.",
                         "on time, in full, undamaged", "delivered with a promised date",
                         "As on-time delivery; a shipment with no receipt counts as in full.", "shipments",
                         static_cast<double>(f.onTimeInFull), static_cast<double>(f.deliveredWithPromise)));
  Kpi average = rateKpi("transit_time_avg_hours", "Average transit time",
                        "Hours from ship date to delivery, in whole hours, averaged over delivered shipments.",
                        "sum of transit hours", "delivered shipments", "Shipments not delivered yet.", "hours",
                        f.transitHoursSum, static_cast<double>(f.transitCount));
  kpis.push_back(average);
  Kpi p90 = totalKpi("transit_time_p90_hours", "Transit time, 90th percentile",
                     "The transit time 90 % of delivered shipments do not exceed (nearest rank).", "hours",
                     f.transitHoursP90.value_or(0));
  p90.exclusions = "Shipments not delivered yet.";
  if (!f.transitHoursP90) p90.value.reset();
  kpis.push_back(p90);
  return kpis;
}

std::optional<ServiceReport> buildServiceReport(Poco::Data::Session& session, const ReportRequest& request,
                                                std::string& problem) {
  if (request.lostAfterMonths < 1) {
    problem = "a customer is lost after 1 month or more without a purchase";
    return std::nullopt;
  }
  ServiceReport report;
  report.request = request;
  report.generatedAt = store::currentTimestamp();
  ShipmentScope scope{request.period.start, request.period.end, {}, {}, request.region, request.onTimeToleranceDays};
  report.clientLabel = "all clients";
  if (request.clientCode) {
    const auto client = party(session, *request.clientCode);
    if (!client) {
      problem = "no client '" + *request.clientCode + "' (see afterflow party list --role client)";
      return std::nullopt;
    }
    scope.clientId = client->first;
    report.clientLabel = client->second;
  }
  if (request.carrierCode) {
    const auto carrier = party(session, *request.carrierCode);
    if (!carrier) {
      problem = "no carrier '" + *request.carrierCode + "' (see afterflow party list --role carrier)";
      return std::nullopt;
    }
    scope.carrierId = carrier->first;
  }
  const bool fast = rollupsCover(scope);
  report.source = fast ? "rollups" : "raw tables";
  const bool comparing = request.kind != ReportKind::monthly;
  ShipmentScope previous = scope, yearBefore = scope;
  previous.start = request.period.previous().start;
  previous.end = request.period.previous().end;
  yearBefore.start = request.period.yearBefore().start;
  yearBefore.end = request.period.yearBefore().end;
  std::vector<ShipmentScope> scopes{scope};
  if (comparing) scopes.insert(scopes.end(), {previous, yearBefore});
  const std::vector<FigureBreakdown> figures =
      fast ? rollupFigureBreakdowns(session, scopes) : plainBreakdowns(session, scopes);
  const FigureBreakdown& current = figures.front();
  report.totals = current.totals;
  report.kpis = shipmentKpis(report.totals, request.onTimeToleranceDays);
  for (const auto& [key, f] : current.byRegion) {
    report.byRegion.push_back({key, key.empty() ? "(no region)" : key, f, shipmentKpis(f, request.onTimeToleranceDays)});
  }
  for (const auto& [key, f] : current.byCarrier) {
    report.byCarrier.push_back({key, key.empty() ? "(no carrier)" : key, f, shipmentKpis(f, request.onTimeToleranceDays)});
  }
  for (const Period& month : request.period.months()) {
    const auto found = current.byMonth.find(month.label());
    const ShipmentFigures f = found == current.byMonth.end() ? ShipmentFigures() : found->second;
    report.byMonth.push_back({month.label(), monthLabel(month.label()), f, shipmentKpis(f, request.onTimeToleranceDays)});
  }
  if (comparing) {
    report.previousTotals = figures[1].totals;
    report.yearBeforeTotals = figures[2].totals;
    // Peak and off season: months well above or below the period's mean volume.
    const double mean = report.byMonth.empty() ? 0
                                               : static_cast<double>(report.totals.shipments) /
                                                     static_cast<double>(report.byMonth.size());
    for (const FigureRow& row : report.byMonth) {
      const auto n = static_cast<double>(row.figures.shipments);
      if (mean > 0 && n > 1.15 * mean) report.peakMonths.push_back(row.key);
      if (mean > 0 && n < 0.85 * mean) report.offSeasonMonths.push_back(row.key);
    }
    const auto& previousRegions = figures[1].byRegion;
    const auto& yearBeforeRegions = figures[2].byRegion;
    for (const FigureRow& row : report.byRegion) {
      RegionComparison c;
      c.region = row.key;
      c.figures = row.figures;
      if (const auto p = previousRegions.find(row.key); p != previousRegions.end()) c.previousFigures = p->second;
      if (const auto y = yearBeforeRegions.find(row.key); y != yearBeforeRegions.end()) c.yearBeforeFigures = y->second;
      c.changeVsPrevious = change(c.figures.shipments, c.previousFigures.shipments);
      c.changeVsYearBefore = change(c.figures.shipments, c.yearBeforeFigures.shipments);
      report.regions.push_back(c);
    }
    const AfterSalesScope afterSales{request.period.start, request.period.end, scope.clientId,
                                     request.lostAfterMonths};
    report.returns = buildReturnsSection(session, afterSales);
    report.service = buildServiceSection(session, afterSales);
    report.recycling = buildRecyclingSection(session, afterSales);
    report.customers = buildCustomerSection(session, afterSales);
  }
  return report;
}

}  // namespace reports
