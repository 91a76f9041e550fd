#include "reports/json_renderer.h"

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
  Object::Ptr definitions = object();
  for (const Kpi& kpi : report.kpis) {
    Object::Ptr d = object();
    d->set("name", kpi.name);
    d->set("definition", kpi.definition);
    d->set("unit", kpi.unit);
    if (!kpi.numeratorLabel.empty()) {
      d->set("numerator", kpi.numerator);
      d->set("numerator_is", kpi.numeratorLabel);
      d->set("denominator", kpi.denominator);
      d->set("denominator_is", kpi.denominatorLabel);
      d->set("exclusions", kpi.exclusions);
    }
    definitions->set(kpi.key, d);
  }
  root->set("kpi_definitions", definitions);
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
      r->set("shipments", c.shipments);
      r->set("previous_shipments", c.previousShipments);
      r->set("year_before_shipments", c.yearBeforeShipments);
      r->set("change_vs_previous", optional(c.changeVsPrevious));
      r->set("change_vs_year_before", optional(c.changeVsYearBefore));
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
  root->stringify(out, 2);
  out << "\n";
}

}  // namespace reports
