#include "reports/csv_renderer.h"

#include "reports/figure_measures.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace reports {
namespace {

std::string field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// Locale independent, shortest text that reads back to the same double, never an exponent
// (a spreadsheet may take "1e-05" for text).
std::string decimal(double value) {
  if (!std::isfinite(value)) return "";
  char buffer[400];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

std::string decimal(std::optional<double> value) { return value ? decimal(*value) : ""; }

class Table {
 public:
  explicit Table(std::ostream& out) : out_(out) {
    row("section", "key", "label", "metric", "value", "numerator", "denominator");
  }

  // RFC 4180 ends every record with CRLF.
  void row(std::string_view section, std::string_view key, std::string_view label, std::string_view metric,
           std::string_view value, std::string_view numerator = "", std::string_view denominator = "") {
    out_ << field(section) << ',' << field(key) << ',' << field(label) << ',' << field(metric) << ','
         << field(value) << ',' << field(numerator) << ',' << field(denominator) << "\r\n";
  }

  void kpis(std::string_view section, const std::vector<Kpi>& list) {
    for (const Kpi& kpi : list) {
      row(section, kpi.key, kpi.name, kpi.key, decimal(kpi.value), decimal(kpi.numerator), decimal(kpi.denominator));
    }
  }

  // Every report states its definitions (DESIGN.md), the CSV as much as the HTML.
  void definitions(const std::vector<Kpi>& list) {
    for (const Kpi& kpi : list) {
      row("definitions", kpi.key, kpi.name, "definition", kpi.definition);
      row("definitions", kpi.key, kpi.name, "numerator", kpi.numeratorLabel);
      row("definitions", kpi.key, kpi.name, "denominator", kpi.denominatorLabel);
      row("definitions", kpi.key, kpi.name, "unit", kpi.unit);
      row("definitions", kpi.key, kpi.name, "exclusions", kpi.exclusions);
    }
  }

  void breakdown(std::string_view section, const std::vector<BreakdownRow>& rows, std::string_view countName,
                 std::string_view quantityName = "") {
    for (const BreakdownRow& r : rows) {
      row(section, r.key, r.label, countName, std::to_string(r.count));
      if (!quantityName.empty()) row(section, r.key, r.label, quantityName, decimal(r.quantity));
      row(section, r.key, r.label, "share", decimal(r.share));
    }
  }

  void figures(std::string_view section, std::string_view key, std::string_view label, const ShipmentFigures& f) {
    for (const Measure& m : figureMeasures(f)) {
      const bool ratio = m.kind == MeasureKind::rate || std::string_view(m.key) == "transit_time_avg_hours";
      row(section, key, label, m.key, decimal(m.value), ratio ? decimal(m.numerator) : "",
          ratio ? decimal(m.denominator) : "");
    }
  }

 private:
  std::ostream& out_;
};

void afterSales(const ServiceReport& report, Table& table) {
  const auto count = [](std::int64_t n) { return std::to_string(n); };
  if (report.returns) {
    table.kpis("returns", report.returns->kpis);
    table.definitions(report.returns->kpis);
    table.breakdown("return_reasons", report.returns->reasons, "returns", "units");
    table.breakdown("return_dispositions", report.returns->dispositions, "returns", "units");
  }
  if (report.service) {
    table.kpis("service", report.service->kpis);
    table.definitions(report.service->kpis);
    for (const CaseKindRow& r : report.service->byKind) {
      table.row("service_by_kind", r.kind, r.kind, "cases", count(r.cases));
      table.row("service_by_kind", r.kind, r.kind, "within_sla", count(r.withinSla));
      table.row("service_by_kind", r.kind, r.kind, "outside_sla", count(r.outsideSla));
      table.row("service_by_kind", r.kind, r.kind, "running", count(r.running));
    }
    table.breakdown("csat_scores", report.service->csatScores, "answers");
  }
  if (report.recycling) {
    table.kpis("recycling", report.recycling->kpis);
    table.definitions(report.recycling->kpis);
    for (const OperationWeight& w : report.recycling->byCode) {
      const char* operation = w.recovery ? "recovery" : "disposal";
      table.row("recycling_by_code", w.code, operation, "measured_kg", decimal(w.measuredKg));
      table.row("recycling_by_code", w.code, operation, "estimated_kg", decimal(w.estimatedKg));
      table.row("recycling_by_code", w.code, operation, "records", count(w.records));
    }
  }
  if (report.customers) {
    const CustomerSection& customers = *report.customers;
    table.kpis("customers", customers.kpis);
    table.definitions(customers.kpis);
    table.breakdown("abc_classes", customers.classes, "customers", "margin_cents");
    for (const KeyCustomer& c : customers.topCustomers) {
      table.row("top_customers", c.code, c.name, "class", std::string(1, c.abcClass));
      table.row("top_customers", c.code, c.name, "margin_cents", count(c.marginCents));
      table.row("top_customers", c.code, c.name, "margin_share", decimal(c.marginShare));
    }
    for (const LostCustomerRow& c : customers.lostCustomers) {
      table.row("lost_customers", c.code, c.name, "last_purchase_day", c.lastPurchaseDay);
      table.row("lost_customers", c.code, c.name, "reason", c.reason.value_or(""));
    }
    table.breakdown("lost_reasons", customers.lostReasons, "customers");
  }
}

}  // namespace

void renderCsv(const ServiceReport& report, std::ostream& out) {
  Table table(out);
  const ReportRequest& request = report.request;
  table.row("report", "client", report.clientLabel, "client", report.clientLabel);
  table.row("report", "kind", reportKindName(request.kind), "kind", reportKindName(request.kind));
  table.row("report", "period", request.period.label(), "period", request.period.label());
  table.row("report", "period", request.period.label(), "start", request.period.start);
  table.row("report", "period", request.period.label(), "end", request.period.end);
  if (request.carrierCode) table.row("report", "carrier", *request.carrierCode, "carrier", *request.carrierCode);
  if (request.region) table.row("report", "region", *request.region, "region", *request.region);
  table.row("report", "on_time_tolerance_days", "On-time tolerance (days)", "on_time_tolerance_days",
            std::to_string(request.onTimeToleranceDays));
  table.row("report", "generated_at", "Generated at", "generated_at", report.generatedAt);
  table.row("report", "source", "Source", "source", report.source);

  table.kpis("kpis", report.kpis);
  table.definitions(report.kpis);

  table.figures("totals", request.period.label(), request.period.label(), report.totals);
  for (const FigureRow& row : report.byRegion) table.figures("by_region", row.key, row.label, row.figures);
  for (const FigureRow& row : report.byCarrier) table.figures("by_carrier", row.key, row.label, row.figures);
  for (const FigureRow& row : report.byMonth) table.figures("by_month", row.key, row.label, row.figures);

  if (request.kind == ReportKind::monthly) return;
  const Period previous = request.period.previous(), yearBefore = request.period.yearBefore();
  table.figures("previous_totals", previous.label(), previous.label(), report.previousTotals);
  table.figures("year_before_totals", yearBefore.label(), yearBefore.label(), report.yearBeforeTotals);
  for (const std::string& month : report.peakMonths) table.row("season", month, month, "season", "peak");
  for (const std::string& month : report.offSeasonMonths) table.row("season", month, month, "season", "off_season");
  for (const RegionComparison& r : report.regions) {
    const auto count = [](std::int64_t n) { return std::to_string(n); };
    table.row("regions", r.region, r.region, "shipments", count(r.figures.shipments));
    table.row("regions", r.region, r.region, "previous_shipments", count(r.previousFigures.shipments));
    table.row("regions", r.region, r.region, "year_before_shipments", count(r.yearBeforeFigures.shipments));
    table.row("regions", r.region, r.region, "change_vs_previous", decimal(r.changeVsPrevious),
              count(r.figures.shipments - r.previousFigures.shipments), count(r.previousFigures.shipments));
    table.row("regions", r.region, r.region, "change_vs_year_before", decimal(r.changeVsYearBefore),
              count(r.figures.shipments - r.yearBeforeFigures.shipments), count(r.yearBeforeFigures.shipments));
    for (const ComparedMeasure& m : comparedMeasures(r.figures, r.previousFigures, r.yearBeforeFigures)) {
      table.row("regions", r.region, r.region, m.key, decimal(m.current));
      table.row("regions", r.region, r.region, std::string("previous_") + m.key, decimal(m.previous));
      table.row("regions", r.region, r.region, std::string("year_before_") + m.key, decimal(m.yearBefore));
    }
  }
  afterSales(report, table);
}

}  // namespace reports
