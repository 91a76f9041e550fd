// The service report a logistics firm sends a client for a month, quarter or year: every KPI
// with its definition, numerator, denominator and exclusions (docs/KPI.md), the figures by
// region, carrier and month, and for quarters and years the trend, the peak and off-season
// months and the regional comparison against the previous period and the year before, and the
// after-sales sections: returns, service, recycling, key and lost customers.
// Built from the rollups (fast at any history length), or from the raw tables when the
// rollups cannot answer (an on-time tolerance); renderers only format it.
#pragma once

#include "reports/customer_section.h"
#include "reports/kpi.h"
#include "reports/period.h"
#include "reports/recycling_section.h"
#include "reports/returns_section.h"
#include "reports/service_section.h"
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
  int lostAfterMonths = 12;  // a customer without a purchase for this long is lost
};

struct FigureRow {
  std::string key;    // region name, carrier code, "2026-07"
  std::string label;  // for people: "(no region)", carrier name, "July 2026"
  ShipmentFigures figures;
  std::vector<Kpi> kpis;
};

struct RegionComparison {
  std::string region;
  // The region's whole figures in the three periods: shipments, and pieces, weight and the
  // on-time, accuracy and accident rates too (figure_measures.h comparedMeasures).
  ShipmentFigures figures{}, previousFigures{}, yearBeforeFigures{};
  std::optional<double> changeVsPrevious, changeVsYearBefore;  // of shipments, relative: 0.25 = +25 %
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
  // Quarterly and annual reports: the after-sales sections, of the client's products and
  // customers (reports/after_sales_scope.h).
  std::optional<ReturnsSection> returns;
  std::optional<ServiceSection> service;
  std::optional<RecyclingSection> recycling;
  std::optional<CustomerSection> customers;
};

// The KPIs of a set of figures, with their definitions (docs/KPI.md).
std::vector<Kpi> shipmentKpis(const ShipmentFigures& figures, int onTimeToleranceDays);

// Builds the report. Unknown client or carrier codes are an error for the caller to report:
// std::nullopt with `problem` set.
std::optional<ServiceReport> buildServiceReport(Poco::Data::Session& session, const ReportRequest& request,
                                                std::string& problem);

}  // namespace reports
