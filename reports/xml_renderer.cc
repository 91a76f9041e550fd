#include "reports/xml_renderer.h"

#include "reports/figure_measures.h"

#include <Poco/Exception.h>
#include <libxml/xmlwriter.h>

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

namespace reports {
namespace {

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

// xs:decimal has no exponent and no locale: shortest round-trip text in fixed notation.
std::string decimal(double value) {
  if (!std::isfinite(value)) value = 0;
  char buffer[400];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

// XML 1.0 cannot carry most control characters, even escaped; the writer would emit them raw.
std::string xmlSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

int writeToStream(void* context, const char* buffer, int length) {
  static_cast<std::ostream*>(context)->write(buffer, length);
  return length;
}

int closeStream(void*) { return 0; }

class Writer {
 public:
  explicit Writer(std::ostream& out) {
    xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(writeToStream, closeStream, &out, nullptr);
    writer_ = buffer ? xmlNewTextWriter(buffer) : nullptr;
    if (writer_ == nullptr) throw Poco::OutOfMemoryException("libxml2 cannot create an XML writer");
    xmlTextWriterSetIndent(writer_, 1);
    xmlTextWriterSetIndentString(writer_, x("  "));
    xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr);
  }
  ~Writer() { xmlFreeTextWriter(writer_); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void start(const char* name) { xmlTextWriterStartElement(writer_, x(name)); }
  void end() { xmlTextWriterEndElement(writer_); }
  void attribute(const char* name, const std::string& value) {
    xmlTextWriterWriteAttribute(writer_, x(name), x(xmlSafe(value).c_str()));
  }
  void element(const char* name, const std::string& value) {
    xmlTextWriterWriteElement(writer_, x(name), x(xmlSafe(value).c_str()));
  }
  void finish() {
    xmlTextWriterEndDocument(writer_);
    xmlTextWriterFlush(writer_);
  }

 private:
  xmlTextWriterPtr writer_;
};

// Element names follow the schema's camelCase; the measure keys stay the CSV/JSON snake_case.
const char* elementName(const Measure& m) {
  const std::string_view key = m.key;
  if (key == "shipments") return "shipments";
  if (key == "pieces") return "pieces";
  if (key == "weight_kg") return "weightKg";
  if (key == "freight_cost") return "freightCostCents";
  if (key == "on_time_delivery_rate") return "onTimeDeliveryRate";
  if (key == "on_time_shipment_rate") return "onTimeShipmentRate";
  if (key == "accuracy_rate") return "accuracyRate";
  if (key == "line_accuracy_rate") return "lineAccuracyRate";
  if (key == "accident_rate") return "accidentRate";
  if (key == "otif_rate") return "otifRate";
  if (key == "transit_time_avg_hours") return "transitHoursAverage";
  if (key == "transit_time_p90_hours") return "transitHoursP90";
  throw std::logic_error("no XML element for the measure " + std::string(key));
}

void counts(Writer& xml, const ShipmentFigures& f) {
  // The numerators and denominators, so that a reader can recompute or aggregate the rates.
  xml.start("counts");
  const auto count = [&](const char* name, std::int64_t value) { xml.element(name, std::to_string(value)); };
  count("delivered", f.delivered);
  count("deliveredWithPromise", f.deliveredWithPromise);
  count("deliveredOnTime", f.deliveredOnTime);
  count("withPlannedShipDate", f.withPlannedShipDate);
  count("shippedOnTime", f.shippedOnTime);
  count("received", f.received);
  count("receivedAccurate", f.receivedAccurate);
  count("linesReceived", f.linesReceived);
  count("linesAccurate", f.linesAccurate);
  count("withAccident", f.withAccident);
  count("onTimeInFull", f.onTimeInFull);
  xml.element("transitHoursSum", decimal(f.transitHoursSum));
  count("transitCount", f.transitCount);
  xml.end();
}

void figures(Writer& xml, const ShipmentFigures& f) {
  for (const Measure& m : figureMeasures(f)) {
    if (!m.value) continue;
    const bool integral = m.kind == MeasureKind::count || m.kind == MeasureKind::money;
    xml.element(elementName(m), integral ? std::to_string(static_cast<std::int64_t>(std::llround(*m.value)))
                                         : decimal(*m.value));
  }
  counts(xml, f);
}

void rows(Writer& xml, const char* list, const std::vector<FigureRow>& rows) {
  xml.start(list);
  for (const FigureRow& row : rows) {
    xml.start("row");
    xml.attribute("key", row.key);
    xml.attribute("label", row.label);
    figures(xml, row.figures);
    xml.end();
  }
  xml.end();
}

void totals(Writer& xml, const char* name, const Period& period, const ShipmentFigures& f) {
  xml.start(name);
  xml.attribute("period", period.label());
  figures(xml, f);
  xml.end();
}

void kpis(Writer& xml, const std::vector<Kpi>& list) {
  xml.start("kpis");
  for (const Kpi& kpi : list) {
    xml.start("kpi");
    xml.attribute("key", kpi.key);
    xml.attribute("unit", kpi.unit);
    xml.element("name", kpi.name);
    xml.element("definition", kpi.definition);
    xml.start("numerator");
    xml.attribute("label", kpi.numeratorLabel);
    xml.element("value", decimal(kpi.numerator));
    xml.end();
    xml.start("denominator");
    xml.attribute("label", kpi.denominatorLabel);
    xml.element("value", decimal(kpi.denominator));
    xml.end();
    xml.element("exclusions", kpi.exclusions);
    if (kpi.value) xml.element(isRateKey(kpi.key) ? "rate" : "amount", decimal(*kpi.value));
    xml.end();
  }
  xml.end();
}

void breakdown(Writer& xml, const char* list, const std::vector<BreakdownRow>& rows, bool withQuantity) {
  xml.start(list);
  for (const BreakdownRow& row : rows) {
    xml.start("row");
    xml.attribute("key", row.key);
    xml.attribute("label", row.label);
    xml.attribute("count", std::to_string(row.count));
    if (withQuantity) xml.attribute("quantity", decimal(row.quantity));
    if (row.share) xml.attribute("share", decimal(*row.share));
    xml.end();
  }
  xml.end();
}

void afterSales(Writer& xml, const ServiceReport& report) {
  const auto count = [](std::int64_t n) { return std::to_string(n); };
  if (report.returns) {
    xml.start("returns");
    kpis(xml, report.returns->kpis);
    breakdown(xml, "reasons", report.returns->reasons, true);
    breakdown(xml, "dispositions", report.returns->dispositions, true);
    xml.end();
  }
  if (report.service) {
    xml.start("service");
    kpis(xml, report.service->kpis);
    xml.start("byKind");
    for (const CaseKindRow& row : report.service->byKind) {
      xml.start("kind");
      xml.attribute("name", row.kind);
      xml.attribute("cases", count(row.cases));
      xml.attribute("withinSla", count(row.withinSla));
      xml.attribute("outsideSla", count(row.outsideSla));
      xml.attribute("running", count(row.running));
      xml.end();
    }
    xml.end();
    breakdown(xml, "csatScores", report.service->csatScores, false);
    xml.end();
  }
  if (report.recycling) {
    xml.start("recycling");
    kpis(xml, report.recycling->kpis);
    xml.start("byCode");
    for (const OperationWeight& w : report.recycling->byCode) {
      xml.start("operation");
      xml.attribute("code", w.code);
      xml.attribute("kind", w.recovery ? "recovery" : "disposal");
      xml.attribute("measuredKg", decimal(w.measuredKg));
      xml.attribute("estimatedKg", decimal(w.estimatedKg));
      xml.attribute("records", count(w.records));
      xml.end();
    }
    xml.end();
    xml.element("recordsWithoutWeight", count(report.recycling->recordsWithoutWeight));
    xml.end();
  }
  if (report.customers) {
    const CustomerSection& customers = *report.customers;
    xml.start("customers");
    kpis(xml, customers.kpis);
    breakdown(xml, "abcClasses", customers.classes, true);
    xml.start("topCustomers");
    for (const KeyCustomer& c : customers.topCustomers) {
      xml.start("customer");
      xml.attribute("code", c.code);
      xml.attribute("name", c.name);
      xml.attribute("class", std::string(1, c.abcClass));
      xml.attribute("marginCents", count(c.marginCents));
      if (c.marginShare) xml.attribute("marginShare", decimal(*c.marginShare));
      xml.end();
    }
    xml.end();
    xml.start("lostCustomers");
    for (const LostCustomerRow& c : customers.lostCustomers) {
      xml.start("customer");
      xml.attribute("code", c.code);
      xml.attribute("name", c.name);
      xml.attribute("lastPurchaseDay", c.lastPurchaseDay);
      if (c.reason) xml.attribute("reason", *c.reason);
      xml.end();
    }
    xml.end();
    breakdown(xml, "lostReasons", customers.lostReasons, false);
    xml.end();
  }
}

}  // namespace

void renderXml(const ServiceReport& report, std::ostream& out) {
  const ReportRequest& request = report.request;
  Writer xml(out);
  xml.start("serviceReport");
  xml.attribute("xmlns", kServiceReportNamespace);
  xml.attribute("kind", reportKindName(request.kind));
  xml.attribute("period", request.period.label());
  xml.attribute("start", request.period.start);
  xml.attribute("end", request.period.end);
  xml.attribute("generatedAt", report.generatedAt);
  xml.attribute("source", report.source);

  xml.start("scope");
  if (request.clientCode) xml.attribute("client", *request.clientCode);
  if (request.carrierCode) xml.attribute("carrier", *request.carrierCode);
  if (request.region) xml.attribute("region", *request.region);
  xml.attribute("onTimeToleranceDays", std::to_string(request.onTimeToleranceDays));
  xml.end();
  xml.element("client", report.clientLabel);

  kpis(xml, report.kpis);

  totals(xml, "totals", request.period, report.totals);
  rows(xml, "byRegion", report.byRegion);
  rows(xml, "byCarrier", report.byCarrier);
  rows(xml, "byMonth", report.byMonth);

  if (request.kind != ReportKind::monthly) {
    xml.start("comparison");
    totals(xml, "previousTotals", request.period.previous(), report.previousTotals);
    totals(xml, "yearBeforeTotals", request.period.yearBefore(), report.yearBeforeTotals);
    xml.start("peakMonths");
    for (const std::string& month : report.peakMonths) xml.element("month", month);
    xml.end();
    xml.start("offSeasonMonths");
    for (const std::string& month : report.offSeasonMonths) xml.element("month", month);
    xml.end();
    xml.start("regions");
    for (const RegionComparison& r : report.regions) {
      xml.start("region");
      xml.attribute("name", r.region);
      xml.element("shipments", std::to_string(r.figures.shipments));
      xml.element("previousShipments", std::to_string(r.previousFigures.shipments));
      xml.element("yearBeforeShipments", std::to_string(r.yearBeforeFigures.shipments));
      if (r.changeVsPrevious) xml.element("changeVsPrevious", decimal(*r.changeVsPrevious));
      if (r.changeVsYearBefore) xml.element("changeVsYearBefore", decimal(*r.changeVsYearBefore));
      for (const ComparedMeasure& m : comparedMeasures(r.figures, r.previousFigures, r.yearBeforeFigures)) {
        xml.start("measure");
        xml.attribute("key", m.key);
        if (m.current) xml.attribute("current", decimal(*m.current));
        if (m.previous) xml.attribute("previous", decimal(*m.previous));
        if (m.yearBefore) xml.attribute("yearBefore", decimal(*m.yearBefore));
        xml.end();
      }
      xml.end();
    }
    xml.end();
    xml.end();
  }
  afterSales(xml, report);
  xml.end();
  xml.finish();
}

}  // namespace reports
