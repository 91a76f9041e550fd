#include "reports/json_renderer.h"

#include "reports/figure_measures.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace reports {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Poco::Dynamic::Var valueOf(const Kpi& kpi) {
  if (!kpi.value) return Poco::Dynamic::Var();
  return *kpi.value;
}

Object::Ptr kpiValues(const std::vector<Kpi>& kpis) {
  Object::Ptr values = object();
  for (const Kpi& kpi : kpis) values->set(kpi.key, valueOf(kpi));
  return values;
}

Object::Ptr row(const FigureRow& r) {
  Object::Ptr out = object();
  out->set("key", r.key);
  out->set("label", r.label);
  out->set("kpis", kpiValues(r.kpis));
  Object::Ptr counts = object();
  for (const Kpi& kpi : r.kpis) {
    if (kpi.numeratorLabel.empty()) continue;
    Object::Ptr fraction = object();
    fraction->set("numerator", kpi.numerator);
    fraction->set("denominator", kpi.denominator);
    counts->set(kpi.key, fraction);
  }
  out->set("counts", counts);
  return out;
}

Array::Ptr rows(const std::vector<FigureRow>& list) {
  Array::Ptr out = new Array();
  for (const FigureRow& r : list) out->add(row(r));
  return out;
}

Poco::Dynamic::Var optional(const std::optional<double>& value) {
  return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

Object::Ptr definitions(const std::vector<Kpi>& kpis) {
  Object::Ptr out = object();
  for (const Kpi& kpi : kpis) {
    Object::Ptr d = object();
    d->set("name", kpi.name);
    d->set("definition", kpi.definition);
    d->set("unit", kpi.unit);
    if (!kpi.numeratorLabel.empty()) {
      d->set("numerator", kpi.numerator);
      d->set("numerator_is", kpi.numeratorLabel);
      d->set("denominator", kpi.denominator);
      d->set("denominator_is", kpi.denominatorLabel);
    }
    if (!kpi.exclusions.empty()) d->set("exclusions", kpi.exclusions);
    out->set(kpi.key, d);
  }
  return out;
}

// A section's KPIs with their definitions, the frame of every after-sales section.
Object::Ptr section(const std::vector<Kpi>& kpis) {
  Object::Ptr out = object();
  out->set("kpis", kpiValues(kpis));
  out->set("kpi_definitions", definitions(kpis));
  return out;
}

Array::Ptr breakdown(const std::vector<BreakdownRow>& rows, const char* countName, const char* quantityName) {
  Array::Ptr out = new Array();
  for (const BreakdownRow& row : rows) {
    Object::Ptr r = object();
    r->set("key", row.key);
    r->set("label", row.label);
    r->set(countName, row.count);
    if (quantityName != nullptr) r->set(quantityName, row.quantity);
    r->set("share", optional(row.share));
    out->add(r);
  }
  return out;
}

Object::Ptr returns(const ReturnsSection& returns) {
  Object::Ptr out = section(returns.kpis);
  out->set("reasons", breakdown(returns.reasons, "returns", "units"));
  out->set("dispositions", breakdown(returns.dispositions, "returns", "units"));
  return out;
}

Object::Ptr service(const ServiceSection& service) {
  Object::Ptr out = section(service.kpis);
  Array::Ptr kinds = new Array();
  for (const CaseKindRow& row : service.byKind) {
    Object::Ptr r = object();
    r->set("kind", row.kind);
    r->set("cases", row.cases);
    r->set("within_sla", row.withinSla);
    r->set("outside_sla", row.outsideSla);
    r->set("running", row.running);
    kinds->add(r);
  }
  out->set("by_kind", kinds);
  out->set("csat_scores", breakdown(service.csatScores, "answers", nullptr));
  return out;
}

Object::Ptr recycling(const RecyclingSection& recycling) {
  Object::Ptr out = section(recycling.kpis);
  Array::Ptr codes = new Array();
  for (const OperationWeight& w : recycling.byCode) {
    Object::Ptr r = object();
    r->set("code", w.code);
    r->set("operation", std::string(w.recovery ? "recovery" : "disposal"));
    r->set("measured_kg", w.measuredKg);
    r->set("estimated_kg", w.estimatedKg);
    r->set("records", w.records);
    codes->add(r);
  }
  out->set("by_code", codes);
  out->set("records_without_weight", recycling.recordsWithoutWeight);
  return out;
}

Object::Ptr customers(const CustomerSection& customers) {
  Object::Ptr out = section(customers.kpis);
  out->set("abc_classes", breakdown(customers.classes, "customers", "margin_cents"));
  Array::Ptr top = new Array();
  for (const KeyCustomer& c : customers.topCustomers) {
    Object::Ptr r = object();
    r->set("code", c.code);
    r->set("name", c.name);
    r->set("class", std::string(1, c.abcClass));
    r->set("margin_cents", c.marginCents);
    r->set("margin_share", optional(c.marginShare));
    top->add(r);
  }
  out->set("top_customers", top);
  Array::Ptr lost = new Array();
  for (const LostCustomerRow& c : customers.lostCustomers) {
    Object::Ptr r = object();
    r->set("code", c.code);
    r->set("name", c.name);
    r->set("last_purchase_day", c.lastPurchaseDay);
    r->set("reason", c.reason ? Poco::Dynamic::Var(*c.reason) : Poco::Dynamic::Var());
    lost->add(r);
  }
  out->set("lost_customers", lost);
  out->set("lost_reasons", breakdown(customers.lostReasons, "customers", nullptr));
  return out;
}

}  // namespace

void renderJson(const ServiceReport& report, std::ostream& out) {
  Object::Ptr root = object();
  root->set("client", report.request.clientCode ? Poco::Dynamic::Var(*report.request.clientCode) : Poco::Dynamic::Var());
  root->set("client_label", report.clientLabel);
  root->set("report", std::string(reportKindName(report.request.kind)));
  root->set("period", report.request.period.label());
  Object::Ptr range = object();
  range->set("start", report.request.period.start);
  range->set("end", report.request.period.end);
  root->set("period_range", range);
  if (report.request.carrierCode) root->set("carrier", *report.request.carrierCode);
  if (report.request.region) root->set("region", *report.request.region);
  root->set("generated_at", report.generatedAt);
  root->set("source", report.source);
  root->set("kpis", kpiValues(report.kpis));
  root->set("kpi_definitions", definitions(report.kpis));
  root->set("by_region", rows(report.byRegion));
  root->set("by_carrier", rows(report.byCarrier));
  root->set("by_month", rows(report.byMonth));
  if (report.request.kind != ReportKind::monthly) {
    Object::Ptr comparison = object();
    comparison->set("previous_period", report.request.period.previous().label());
    comparison->set("previous_shipments", report.previousTotals.shipments);
    comparison->set("year_before", report.request.period.yearBefore().label());
    comparison->set("year_before_shipments", report.yearBeforeTotals.shipments);
    Array::Ptr regions = new Array();
    for (const RegionComparison& c : report.regions) {
      Object::Ptr r = object();
      r->set("region", c.region);
      r->set("shipments", c.figures.shipments);
      r->set("previous_shipments", c.previousFigures.shipments);
      r->set("year_before_shipments", c.yearBeforeFigures.shipments);
      r->set("change_vs_previous", optional(c.changeVsPrevious));
      r->set("change_vs_year_before", optional(c.changeVsYearBefore));
      Object::Ptr compared = object();
      for (const ComparedMeasure& m : comparedMeasures(c.figures, c.previousFigures, c.yearBeforeFigures)) {
        Object::Ptr values = object();
        values->set("current", optional(m.current));
        values->set("previous", optional(m.previous));
        values->set("year_before", optional(m.yearBefore));
        compared->set(m.key, values);
      }
      r->set("compared", compared);
      regions->add(r);
    }
    comparison->set("regions", regions);
    Array::Ptr peak = new Array(), off = new Array();
    for (const auto& m : report.peakMonths) peak->add(m);
    for (const auto& m : report.offSeasonMonths) off->add(m);
    comparison->set("peak_months", peak);
    comparison->set("off_season_months", off);
    root->set("comparison", comparison);
  }
  if (report.returns) root->set("returns", returns(*report.returns));
  if (report.service) root->set("service", service(*report.service));
  if (report.recycling) root->set("recycling", recycling(*report.recycling));
  if (report.customers) root->set("customers", customers(*report.customers));
  root->stringify(out, 2);
  out << "\n";
}

}  // namespace reports
