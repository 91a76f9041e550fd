#include "reports/html_renderer.h"

#include "reports/figure_measures.h"
#include "reports/markup.h"
#include "reports/svg_chart.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace reports {
namespace {

const char* const kStyle = R"(
body { font-family: "Helvetica Neue", Arial, sans-serif; color: #222; margin: 2em auto; max-width: 1200px; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; margin-top: 1.8em; }
h3 { font-size: 1.0em; margin-top: 1.2em; }
dl.header { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dl.header dt { font-weight: bold; }
dl.header dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.85em; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.45em; vertical-align: top; }
th { background: #eef3f8; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.na { color: #888; font-style: italic; }
tfoot td { font-weight: bold; background: #f6f6f6; }
.up { color: #00734d; } .down { color: #b33c00; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
svg.chart { max-width: 100%; height: auto; border: 1px solid #eee; }
p.note { font-size: 0.85em; color: #555; }
p.empty { color: #666; font-style: italic; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, svg.chart { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg.chart { border: none; }
}
)";

std::string e(std::string_view text) { return escapeMarkup(text); }

std::string percent(std::optional<double> fraction) {
  if (!fraction) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", *fraction * 100);
  return buffer;
}

std::string signedPercent(std::optional<double> change) {
  if (!change) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.1f %%", *change * 100);
  return buffer;
}

std::string grouped(double value, int decimals) {
  return svg::formatValue(value, svg::ValueFormat::count, decimals == 0 ? 1 : decimals == 1 ? 0.1 : 0.01);
}

std::string numberText(double value) {
  // Numerators and denominators are counts, or sums of hours: show decimals only when there are some.
  return grouped(value, std::abs(value - std::round(value)) < 1e-9 ? 0 : 1);
}

std::string measureText(const Measure& m) {
  if (!m.value) return "n/a";
  switch (m.kind) {
    case MeasureKind::count: return grouped(*m.value, 0);
    case MeasureKind::kilograms: return grouped(*m.value, 1);
    case MeasureKind::money: return grouped(*m.value / 100, 2);
    case MeasureKind::rate: return percent(m.value);
    case MeasureKind::hours: return grouped(*m.value, 1);
  }
  return "n/a";
}

std::string cell(const std::string& text) {
  return text == "n/a" ? "<td class=\"num na\">n/a</td>" : "<td class=\"num\">" + e(text) + "</td>";
}

bool comparative(const ServiceReport& report) { return report.request.kind != ReportKind::monthly; }

std::string lastDay(const Period& period) {
  // Periods are half-open; people read the last day included.
  const auto months = period.months();
  if (months.empty()) return period.end;
  const Period& last = months.back();
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[(last.index - 1) % 12];
  if (last.index == 2 && ((last.year % 4 == 0 && last.year % 100 != 0) || last.year % 400 == 0)) days = 29;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", last.year, last.index, days);
  return buffer;
}

void header(const ServiceReport& report, std::ostream& out) {
  const ReportRequest& request = report.request;
  out << "<header>\n<h1>Service report: " << e(report.clientLabel) << "</h1>\n<dl class=\"header\">\n"
      << "<dt>Client</dt><dd>" << e(report.clientLabel) << "</dd>\n"
      << "<dt>Period</dt><dd>" << e(request.period.label()) << " (" << e(reportKindName(request.kind)) << ", "
      << e(request.period.start) << " to " << e(lastDay(request.period)) << ")</dd>\n";
  if (request.carrierCode) out << "<dt>Carrier</dt><dd>" << e(*request.carrierCode) << "</dd>\n";
  if (request.region) out << "<dt>Region</dt><dd>" << e(*request.region) << "</dd>\n";
  out << "<dt>On-time tolerance</dt><dd>" << request.onTimeToleranceDays << " day(s)</dd>\n"
      << "<dt>Generated at</dt><dd>" << e(report.generatedAt) << "</dd>\n"
      << "<dt>Source</dt><dd>" << e(report.source) << "</dd>\n</dl>\n</header>\n";
}

void kpiRows(const std::vector<Kpi>& kpis, std::ostream& out) {
  out << "<table>\n<thead><tr><th>KPI</th><th class=\"num\">Value</th><th class=\"num\">Numerator / denominator</th>"
         "<th>Definition</th><th>Exclusions</th></tr></thead>\n<tbody>\n";
  for (const Kpi& kpi : kpis) {
    std::string value;
    if (!kpi.value) {
      value = "n/a";
    } else if (isRateKey(kpi.key)) {
      value = percent(kpi.value);
    } else if (kpi.unit == "cents") {
      value = grouped(*kpi.value / 100, 2);
    } else {
      value = numberText(*kpi.value) + (kpi.unit.empty() ? "" : " " + kpi.unit);
    }
    // Totals (shipments, weight) divide nothing: a "300 / 1" would only puzzle the reader.
    const bool ratio = !kpi.numeratorLabel.empty() || !kpi.denominatorLabel.empty();
    out << "<tr><th scope=\"row\">" << e(kpi.name) << "</th>" << cell(value) << "<td class=\"num\">";
    if (ratio) {
      out << e(numberText(kpi.numerator)) << " " << e(kpi.numeratorLabel) << " / " << e(numberText(kpi.denominator))
          << " " << e(kpi.denominatorLabel);
    }
    out << "</td><td>" << e(kpi.definition) << "</td><td>" << e(kpi.exclusions) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void kpiTable(const ServiceReport& report, std::ostream& out) {
  out << "<section id=\"kpis\">\n<h2>Key performance indicators</h2>\n";
  kpiRows(report.kpis, out);
  out << "<p class=\"note\">n/a: nothing to measure in the period (no denominator); it is not 0 %.</p>\n</section>\n";
}

void figureTable(const char* title, const char* firstColumn, const std::vector<FigureRow>& rows,
                 const ShipmentFigures& totals, std::ostream& out) {
  out << "<h3>" << e(title) << "</h3>\n<table>\n<thead><tr><th>" << e(firstColumn) << "</th>";
  for (const Measure& m : figureMeasures(totals)) out << "<th class=\"num\">" << e(m.label) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  if (rows.empty()) {
    out << "<tr><td colspan=\"13\" class=\"na\">No shipments in the period.</td></tr>\n";
  }
  for (const FigureRow& row : rows) {
    out << "<tr><th scope=\"row\">" << e(row.label.empty() ? row.key : row.label) << "</th>";
    for (const Measure& m : figureMeasures(row.figures)) out << cell(measureText(m));
    out << "</tr>\n";
  }
  out << "</tbody>\n<tfoot><tr><td>Total</td>";
  for (const Measure& m : figureMeasures(totals)) out << cell(measureText(m));
  out << "</tr></tfoot>\n</table>\n";
}

void statisticalTables(const ServiceReport& report, std::ostream& out) {
  out << "<section id=\"figures\">\n<h2>Statistical tables</h2>\n<p class=\"note\">Freight cost in the "
         "invoicing currency; transit times in hours from shipment to delivery.</p>\n";
  figureTable("By region", "Region", report.byRegion, report.totals, out);
  figureTable("By carrier", "Carrier", report.byCarrier, report.totals, out);
  figureTable("By month", "Month", report.byMonth, report.totals, out);
  out << "</section>\n";
}

std::string rowLabel(const FigureRow& row) { return row.label.empty() ? row.key : row.label; }

// Delivered on time, late, delivered without a promised day (cannot be judged) and not delivered.
svg::StackedBarChart deliveryChart(const ServiceReport& report) {
  const bool byCarrier = !report.byCarrier.empty();
  const auto& rows = byCarrier ? report.byCarrier : report.byRegion;
  svg::StackedBarChart chart;
  chart.id = "chart-delivery";
  chart.title = byCarrier ? "Deliveries by carrier" : "Deliveries by region";
  chart.description = std::string("Shipments per ") + (byCarrier ? "carrier" : "region") +
                      ", split into delivered on time, delivered late, delivered without a promised date and "
                      "not delivered.";
  svg::Series onTime{"Delivered on time", {}}, late{"Delivered late", {}}, noPromise{"Delivered, no promised date", {}},
      open{"Not delivered", {}};
  bool anyNoPromise = false;
  for (const FigureRow& row : rows) {
    const ShipmentFigures& f = row.figures;
    chart.categories.push_back(rowLabel(row));
    onTime.values.push_back(static_cast<double>(f.deliveredOnTime));
    late.values.push_back(static_cast<double>(f.deliveredWithPromise - f.deliveredOnTime));
    noPromise.values.push_back(static_cast<double>(f.delivered - f.deliveredWithPromise));
    anyNoPromise = anyNoPromise || f.delivered > f.deliveredWithPromise;
    open.values.push_back(static_cast<double>(f.shipments - f.delivered));
  }
  chart.series = {onTime, late};
  if (anyNoPromise) chart.series.push_back(noPromise);
  chart.series.push_back(open);
  return chart;
}

svg::BarChart regionChart(const ServiceReport& report) {
  svg::BarChart chart;
  chart.id = "chart-regions";
  chart.title = "Shipments by region";
  if (comparative(report) && !report.regions.empty()) {
    const Period& period = report.request.period;
    chart.description = "Shipments per destination region in " + period.label() + ", beside " +
                        period.previous().label() + " and " + period.yearBefore().label() + ".";
    svg::Series current{period.label(), {}}, previous{period.previous().label(), {}},
        yearBefore{period.yearBefore().label(), {}};
    for (const RegionComparison& r : report.regions) {
      chart.categories.push_back(r.region.empty() ? "(no region)" : r.region);
      current.values.push_back(static_cast<double>(r.figures.shipments));
      previous.values.push_back(static_cast<double>(r.previousFigures.shipments));
      yearBefore.values.push_back(static_cast<double>(r.yearBeforeFigures.shipments));
    }
    chart.series = {current, previous, yearBefore};
  } else {
    chart.description = "Shipments per destination region in " + report.request.period.label() + ".";
    svg::Series current{report.request.period.label(), {}};
    for (const FigureRow& row : report.byRegion) {
      chart.categories.push_back(rowLabel(row));
      current.values.push_back(static_cast<double>(row.figures.shipments));
    }
    chart.series = {current};
  }
  return chart;
}

std::optional<double> measure(const ShipmentFigures& figures, std::string_view key) {
  for (const Measure& m : figureMeasures(figures))
    if (key == m.key) return m.value;
  return std::nullopt;
}

svg::LineChart monthlyRates(const ServiceReport& report, const char* id, const char* title,
                            std::vector<std::pair<const char*, const char*>> measures) {
  svg::LineChart chart;
  chart.id = id;
  chart.title = title;
  chart.format = svg::ValueFormat::percent;
  chart.startAtZero = false;
  chart.description = std::string(title) + " per month of " + report.request.period.label() +
                      "; a gap is a month with nothing to measure.";
  for (const FigureRow& row : report.byMonth) chart.categories.push_back(rowLabel(row));
  for (const auto& [key, name] : measures) {
    svg::Series series{name, {}};
    for (const FigureRow& row : report.byMonth) series.values.push_back(measure(row.figures, key));
    chart.series.push_back(series);
  }
  return chart;
}

void charts(const ServiceReport& report, std::ostream& out) {
  out << "<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"charts\">\n";
  if (comparative(report)) {
    svg::LineChart volume;
    volume.id = "chart-volume";
    volume.title = "Shipments by month";
    volume.description = "Number of shipments per month of " + report.request.period.label() + ".";
    svg::Series shipments{"Shipments", {}};
    for (const FigureRow& row : report.byMonth) {
      volume.categories.push_back(rowLabel(row));
      shipments.values.push_back(static_cast<double>(row.figures.shipments));
    }
    volume.series = {shipments};
    svg::draw(volume, out);
    svg::draw(monthlyRates(report, "chart-rates", "On-time and accuracy by month",
                           {{"on_time_delivery_rate", "On-time delivery"},
                            {"on_time_shipment_rate", "On-time shipment"},
                            {"accuracy_rate", "Accuracy"},
                            {"otif_rate", "OTIF"}}),
              out);
    // Accidents are a few per cent: on the axis of the on-time rates they would lie flat on 0.
    svg::draw(monthlyRates(report, "chart-accidents", "Accident rate by month", {{"accident_rate", "Accident rate"}}),
              out);
  }
  svg::draw(regionChart(report), out);
  svg::draw(deliveryChart(report), out);
  out << "</div>\n</section>\n";
}

void monthList(const char* title, const std::vector<std::string>& months, std::ostream& out) {
  out << "<dt>" << e(title) << "</dt><dd>";
  if (months.empty()) out << "none";
  for (std::size_t i = 0; i < months.size(); ++i) out << (i ? ", " : "") << e(months[i]);
  out << "</dd>\n";
}

// Pieces, weight and the accuracy, on-time and accident rates per region, in the period beside
// the one before and the year before.
void comparedTable(const ServiceReport& report, std::ostream& out) {
  if (report.regions.empty()) return;
  const Period& period = report.request.period;
  const auto heads = comparedMeasures({}, {}, {});
  out << "<h3>Volumes and rates by region</h3>\n<table>\n<thead><tr><th rowspan=\"2\">Region</th>";
  for (const ComparedMeasure& m : heads) out << "<th colspan=\"3\">" << e(m.label) << "</th>";
  out << "</tr>\n<tr>";
  for (std::size_t i = 0; i < heads.size(); ++i) {
    out << "<th class=\"num\">" << e(period.label()) << "</th><th class=\"num\">" << e(period.previous().label())
        << "</th><th class=\"num\">" << e(period.yearBefore().label()) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const RegionComparison& r : report.regions) {
    out << "<tr><th scope=\"row\">" << e(r.region.empty() ? "(no region)" : r.region) << "</th>";
    for (const ComparedMeasure& m : comparedMeasures(r.figures, r.previousFigures, r.yearBeforeFigures)) {
      for (const std::optional<double>& value : {m.current, m.previous, m.yearBefore}) {
        out << cell(measureText({m.key, m.label, m.kind, value, 0, 0}));
      }
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void trend(const ServiceReport& report, std::ostream& out) {
  const Period& period = report.request.period;
  out << "<section id=\"trend\">\n<h2>Trend and regional comparison</h2>\n<dl class=\"header\">\n";
  monthList("Peak months", report.peakMonths, out);
  monthList("Off-season months", report.offSeasonMonths, out);
  out << "</dl>\n<p class=\"note\">Peak: more than 1.15 times the monthly mean of shipments; off-season: less "
         "than 0.85 times.</p>\n";
  out << "<table>\n<thead><tr><th>Region</th><th class=\"num\">" << e(period.label()) << "</th><th class=\"num\">"
      << e(period.previous().label()) << "</th><th class=\"num\">Change</th><th class=\"num\">"
      << e(period.yearBefore().label()) << "</th><th class=\"num\">Change</th></tr></thead>\n<tbody>\n";
  const auto change = [](std::optional<double> value) {
    if (!value) return std::string("<td class=\"num na\">n/a</td>");
    const char* direction = *value > 0 ? " up" : *value < 0 ? " down" : "";
    return "<td class=\"num" + std::string(direction) + "\">" + e(signedPercent(value)) + "</td>";
  };
  for (const RegionComparison& r : report.regions) {
    out << "<tr><th scope=\"row\">" << e(r.region.empty() ? "(no region)" : r.region) << "</th>"
        << cell(grouped(static_cast<double>(r.figures.shipments), 0))
        << cell(grouped(static_cast<double>(r.previousFigures.shipments), 0)) << change(r.changeVsPrevious)
        << cell(grouped(static_cast<double>(r.yearBeforeFigures.shipments), 0)) << change(r.changeVsYearBefore)
        << "</tr>\n";
  }
  const auto totalChange = [](std::int64_t now, std::int64_t before) -> std::optional<double> {
    if (before == 0) return std::nullopt;
    return static_cast<double>(now - before) / static_cast<double>(before);
  };
  out << "</tbody>\n<tfoot><tr><td>Total</td>" << cell(grouped(static_cast<double>(report.totals.shipments), 0))
      << cell(grouped(static_cast<double>(report.previousTotals.shipments), 0))
      << change(totalChange(report.totals.shipments, report.previousTotals.shipments))
      << cell(grouped(static_cast<double>(report.yearBeforeTotals.shipments), 0))
      << change(totalChange(report.totals.shipments, report.yearBeforeTotals.shipments)) << "</tr></tfoot>\n"
      << "</table>\n";
  comparedTable(report, out);
  out << "</section>\n";
}

std::string countText(std::int64_t n) { return grouped(static_cast<double>(n), 0); }

void emptyNote(const char* text, std::ostream& out) { out << "<p class=\"empty\">" << e(text) << "</p>\n"; }

// A breakdown as a table (count, quantity where it has one, share) and a bar chart of the counts.
void breakdownTable(const char* first, const char* countName, const char* quantityName,
                    const std::vector<BreakdownRow>& rows, std::ostream& out) {
  out << "<table>\n<thead><tr><th>" << e(first) << "</th><th class=\"num\">" << e(countName) << "</th>";
  if (quantityName) out << "<th class=\"num\">" << e(quantityName) << "</th>";
  out << "<th class=\"num\">Share</th></tr></thead>\n<tbody>\n";
  for (const BreakdownRow& row : rows) {
    out << "<tr><th scope=\"row\">" << e(row.label) << "</th>" << cell(countText(row.count));
    if (quantityName) out << cell(numberText(row.quantity));
    out << cell(percent(row.share)) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

svg::BarChart breakdownChart(const char* id, const std::string& title, const std::string& description,
                             const char* seriesName, const std::vector<BreakdownRow>& rows) {
  svg::BarChart chart;
  chart.id = id;
  chart.title = title;
  chart.description = description;
  svg::Series series{seriesName, {}};
  for (const BreakdownRow& row : rows) {
    chart.categories.push_back(row.label);
    series.values.push_back(static_cast<double>(row.count));
  }
  chart.series = {series};
  return chart;
}

void returnsSection(const ReturnsSection& returns, const Period& period, std::ostream& out) {
  out << "<section id=\"returns\">\n<h2>Returns</h2>\n";
  kpiRows(returns.kpis, out);
  std::int64_t decided = 0;
  for (const BreakdownRow& row : returns.dispositions) decided += row.count;
  if (returns.returns == 0 && decided == 0) {
    emptyNote("No returns in this period.", out);
    out << "</section>\n";
    return;
  }
  out << "<div class=\"charts\">\n";
  if (!returns.reasons.empty()) {
    svg::draw(breakdownChart("chart-return-reasons", "Return reasons",
                             "RMAs requested in " + period.label() + " by the reason given.", "RMAs",
                             returns.reasons),
              out);
  }
  svg::draw(breakdownChart("chart-dispositions", "Dispositions",
                           "RMAs whose disposition was decided in " + period.label() + ", by disposition.", "RMAs",
                           returns.dispositions),
            out);
  out << "</div>\n<h3>Reasons (RMAs requested in the period)</h3>\n";
  if (returns.reasons.empty()) {
    emptyNote("No RMA requested in this period.", out);
  } else {
    breakdownTable("Reason", "RMAs", "Units", returns.reasons, out);
  }
  out << "<h3>Dispositions (RMAs decided in the period)</h3>\n";
  breakdownTable("Disposition", "RMAs", "Units", returns.dispositions, out);
  out << "</section>\n";
}

void serviceSection(const ServiceSection& service, const Period& period, std::ostream& out) {
  out << "<section id=\"service\">\n<h2>Service</h2>\n";
  kpiRows(service.kpis, out);
  if (service.cases == 0 && service.csatResponses == 0 && service.npsResponses == 0) {
    emptyNote("No service cases and no survey answers in this period.", out);
    out << "</section>\n";
    return;
  }
  out << "<div class=\"charts\">\n";
  if (service.cases > 0) {
    svg::StackedBarChart sla;
    sla.id = "chart-service-sla";
    sla.title = "Service cases against their SLA";
    sla.description = "Cases opened in " + period.label() +
                      " by kind: within both SLA targets, outside one, or still running at the period's end.";
    svg::Series within{"Within SLA", {}}, outside{"Outside SLA", {}}, running{"Running", {}};
    for (const CaseKindRow& row : service.byKind) {
      sla.categories.push_back(row.kind);
      within.values.push_back(static_cast<double>(row.withinSla));
      outside.values.push_back(static_cast<double>(row.outsideSla));
      running.values.push_back(static_cast<double>(row.running));
    }
    sla.series = {within, outside, running};
    svg::draw(sla, out);
  }
  if (service.csatResponses > 0) {
    svg::draw(breakdownChart("chart-csat", "CSAT scores",
                             "CSAT answers given in " + period.label() + " per score, 1 (worst) to 5 (best).",
                             "Answers", service.csatScores),
              out);
  }
  out << "</div>\n<h3>Cases by kind</h3>\n";
  if (service.cases == 0) {
    emptyNote("No service cases opened in this period.", out);
  } else {
    out << "<table>\n<thead><tr><th>Kind</th><th class=\"num\">Cases</th><th class=\"num\">Within SLA</th>"
           "<th class=\"num\">Outside SLA</th><th class=\"num\">Running</th></tr></thead>\n<tbody>\n";
    for (const CaseKindRow& row : service.byKind) {
      out << "<tr><th scope=\"row\">" << e(row.kind) << "</th>" << cell(countText(row.cases))
          << cell(countText(row.withinSla)) << cell(countText(row.outsideSla)) << cell(countText(row.running))
          << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</section>\n";
}

void recyclingSection(const RecyclingSection& recycling, const Period& period, std::ostream& out) {
  out << "<section id=\"recycling\">\n<h2>Recycling</h2>\n";
  kpiRows(recycling.kpis, out);
  if (recycling.records == 0) {
    emptyNote("No disposal records in this period.", out);
    out << "</section>\n";
    return;
  }
  if (!recycling.byCode.empty()) {
    svg::StackedBarChart chart;
    chart.id = "chart-recycling";
    chart.title = "Weight by recovery / disposal operation";
    chart.description = "Kilograms treated in " + period.label() +
                        " per EU R (recovery) or D (disposal) operation code, measured and estimated.";
    svg::Series measured{"Measured (kg)", {}}, estimated{"Estimated (kg)", {}};
    for (const OperationWeight& w : recycling.byCode) {
      chart.categories.push_back(w.code);
      measured.values.push_back(w.measuredKg);
      estimated.values.push_back(w.estimatedKg);
    }
    chart.series = {measured, estimated};
    out << "<div class=\"charts\">\n";
    svg::draw(chart, out);
    out << "</div>\n";
  }
  out << "<table>\n<thead><tr><th>Operation</th><th>Kind</th><th class=\"num\">Measured (kg)</th>"
         "<th class=\"num\">Estimated (kg)</th><th class=\"num\">Total (kg)</th><th class=\"num\">Records</th>"
         "</tr></thead>\n<tbody>\n";
  for (const OperationWeight& w : recycling.byCode) {
    out << "<tr><th scope=\"row\">" << e(w.code) << "</th><td>" << (w.recovery ? "recovery" : "disposal") << "</td>"
        << cell(grouped(w.measuredKg, 1)) << cell(grouped(w.estimatedKg, 1))
        << cell(grouped(w.measuredKg + w.estimatedKg, 1)) << cell(countText(w.records)) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
  if (recycling.recordsWithoutWeight > 0) {
    out << "<p class=\"note\">" << countText(recycling.recordsWithoutWeight)
        << " record(s) state units, litres or m3 and have no weight to add.</p>\n";
  }
  out << "</section>\n";
}

void customerSection(const CustomerSection& customers, const Period& period, int lostAfterMonths, std::ostream& out) {
  out << "<section id=\"customers\">\n<h2>Key and lost customers</h2>\n";
  kpiRows(customers.kpis, out);
  out << "<h3>Key customers (ABC by margin)</h3>\n";
  if (customers.topCustomers.empty()) {
    emptyNote("No customer with a sale in this period.", out);
  } else {
    svg::BarChart abc;
    abc.id = "chart-abc";
    abc.title = "Margin by ABC class";
    abc.description = "Margin of the customers of each ABC class in " + period.label() + ".";
    svg::Series margin{"Margin", {}};
    for (const BreakdownRow& row : customers.classes) {
      abc.categories.push_back("Class " + row.label);
      margin.values.push_back(row.quantity / 100);
    }
    abc.series = {margin};
    out << "<div class=\"charts\">\n";
    svg::draw(abc, out);
    out << "</div>\n<table>\n<thead><tr><th>Customer</th><th>Class</th><th class=\"num\">Margin</th>"
           "<th class=\"num\">Share of margin</th></tr></thead>\n<tbody>\n";
    for (const KeyCustomer& c : customers.topCustomers) {
      out << "<tr><th scope=\"row\">" << e(c.code) << " (" << e(c.name) << ")</th><td>" << c.abcClass << "</td>"
          << cell(grouped(static_cast<double>(c.marginCents) / 100, 2)) << cell(percent(c.marginShare)) << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "<h3>Lost customers (no purchase for " << lostAfterMonths << " months)</h3>\n";
  if (customers.lost == 0) {
    emptyNote("No customer lost in this period.", out);
    out << "</section>\n";
    return;
  }
  out << "<div class=\"charts\">\n";
  svg::draw(breakdownChart("chart-lost-reasons", "Why customers left",
                           "Customers lost in " + period.label() + " by the reason of their latest exit survey.",
                           "Customers", customers.lostReasons),
            out);
  out << "</div>\n";
  breakdownTable("Exit-survey reason", "Customers", nullptr, customers.lostReasons, out);
  out << "<table>\n<thead><tr><th>Customer</th><th>Last purchase</th><th>Reason</th></tr></thead>\n<tbody>\n";
  for (const LostCustomerRow& c : customers.lostCustomers) {
    out << "<tr><th scope=\"row\">" << e(c.code) << " (" << e(c.name) << ")</th><td>" << e(c.lastPurchaseDay)
        << "</td><td>" << e(c.reason.value_or("(no exit survey)")) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
  if (customers.lost > static_cast<std::int64_t>(customers.lostCustomers.size())) {
    out << "<p class=\"note\">The " << customers.lostCustomers.size() << " longest gone of "
        << countText(customers.lost) << " lost customers.</p>\n";
  }
  out << "</section>\n";
}

void afterSales(const ServiceReport& report, std::ostream& out) {
  const Period& period = report.request.period;
  if (report.returns) returnsSection(*report.returns, period, out);
  if (report.service) serviceSection(*report.service, period, out);
  if (report.recycling) recyclingSection(*report.recycling, period, out);
  if (report.customers) customerSection(*report.customers, period, report.request.lostAfterMonths, out);
}

}  // namespace

void renderHtml(const ServiceReport& report, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Service report "
      << e(report.clientLabel) << " " << e(report.request.period.label()) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n";
  header(report, out);
  kpiTable(report, out);
  charts(report, out);
  if (comparative(report)) trend(report, out);
  afterSales(report, out);
  statisticalTables(report, out);
  out << "<footer><p class=\"note\">Rates: numerator / denominator as defined in the KPI table; n/a where the "
         "denominator is 0.</p></footer>\n</body>\n</html>\n";
}

}  // namespace reports
