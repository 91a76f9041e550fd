// The service report a logistics firm sends a client for a month, quarter or year: every KPI
// with its definition, numerator, denominator and exclusions (docs/KPI.md), the figures by
// region, carrier and month, and for quarters and years the trend, the peak and off-season
// months and the regional comparison against the previous period and the year before.
// Built from the rollups (fast at any history length), or from the raw tables when the
// rollups cannot answer (an on-time tolerance); renderers only format it.
#pragma once

#include "reports/period.h"
#include "reports/shipment_figures.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reports {

enum class ReportKind { monthly, quarterly, annual };

const char* reportKindName(ReportKind kind);  // "monthly", "quarterly", "annual"

struct ReportRequest {
  ReportKind kind = ReportKind::quarterly;
  Period period;
  std::optional<std::string> clientCode;   // empty: all clients
  std::optional<std::string> carrierCode;  // one carrier only
  std::optional<std::string> region;       // one destination region only
  int onTimeToleranceDays = 0;
};

// One KPI as the report states it. `value` is numerator / denominator as a fraction from 0 to
// 1 for rates; empty when the denominator is 0 (nothing to measure, not 0 %).
struct Kpi {
  std::string key;          // stable: "on_time_delivery_rate"
  std::string name;         // "On-time delivery"
  std::string definition;   // one sentence
  std::string numeratorLabel, denominatorLabel;
  std::string exclusions;   // what is left out, and why
  std::string unit;         // what is counted: "shipments", "lines", "hours"
  double numerator = 0, denominator = 0;
  std::optional<double> value;
};

struct FigureRow {
  std::string key;    // region name, carrier code, "2026-07"
  std::string label;  // for people: "(no region)", carrier name, "July 2026"
  ShipmentFigures figures;
  std::vector<Kpi> kpis;
};

struct RegionComparison {
  std::string region;
  std::int64_t shipments = 0, previousShipments = 0, yearBeforeShipments = 0;
  std::optional<double> changeVsPrevious, changeVsYearBefore;  // relative: 0.25 = +25 %
};

struct ServiceReport {
  ReportRequest request;
  std::string clientLabel;   // "NORDWIND (Nordwind Haushaltsgeraete AG)" or "all clients"
  std::string generatedAt;   // ISO-8601 UTC
  std::string source;        // "rollups" or "raw tables"
  ShipmentFigures totals;
  std::vector<Kpi> kpis;     // the headline KPIs, in report order
  std::vector<FigureRow> byRegion, byCarrier, byMonth;
  // Quarterly and annual reports:
  ShipmentFigures previousTotals, yearBeforeTotals;
  std::vector<std::string> peakMonths, offSeasonMonths;  // by shipments: above / below 1.15 x / 0.85 x the mean
  std::vector<RegionComparison> regions;
};

// The KPIs of a set of figures, with their definitions (docs/KPI.md).
std::vector<Kpi> shipmentKpis(const ShipmentFigures& figures, int onTimeToleranceDays);

// Builds the report. Unknown client or carrier codes are an error for the caller to report:
// std::nullopt with `problem` set.
std::optional<ServiceReport> buildServiceReport(Poco::Data::Session& session, const ReportRequest& request,
                                                std::string& problem);

}  // namespace reports
