#include "reports/figure_measures.h"

namespace reports {
namespace {

Measure ratio(const char* key, const char* label, MeasureKind kind, double numerator, double denominator) {
  Measure measure{key, label, kind, std::nullopt, numerator, denominator};
  if (denominator > 0) measure.value = numerator / denominator;
  return measure;
}

Measure plain(const char* key, const char* label, MeasureKind kind, double value) {
  return Measure{key, label, kind, value, 0, 0};
}

}  // namespace

std::vector<Measure> figureMeasures(const ShipmentFigures& f) {
  using K = MeasureKind;
  const auto n = [](std::int64_t count) { return static_cast<double>(count); };
  std::vector<Measure> out;
  out.push_back(plain("shipments", "Shipments", K::count, n(f.shipments)));
  out.push_back(plain("pieces", "Pieces", K::count, n(f.pieces)));
  out.push_back(plain("weight_kg", "Weight (kg)", K::kilograms, f.weightKg));
  out.push_back(plain("freight_cost", "Freight cost", K::money, n(f.freightCostCents)));
  out.push_back(ratio("on_time_delivery_rate", "On-time delivery", K::rate, n(f.deliveredOnTime),
                      n(f.deliveredWithPromise)));
  out.push_back(ratio("on_time_shipment_rate", "On-time shipment", K::rate, n(f.shippedOnTime),
                      n(f.withPlannedShipDate)));
  out.push_back(ratio("accuracy_rate", "Accuracy", K::rate, n(f.receivedAccurate), n(f.received)));
  out.push_back(ratio("line_accuracy_rate", "Line accuracy", K::rate, n(f.linesAccurate), n(f.linesReceived)));
  out.push_back(ratio("accident_rate", "Accident rate", K::rate, n(f.withAccident), n(f.shipments)));
  out.push_back(ratio("otif_rate", "OTIF", K::rate, n(f.onTimeInFull), n(f.deliveredWithPromise)));
  out.push_back(ratio("transit_time_avg_hours", "Avg transit (h)", K::hours, f.transitHoursSum, n(f.transitCount)));
  Measure p90{"transit_time_p90_hours", "P90 transit (h)", K::hours, f.transitHoursP90, 0, 0};
  out.push_back(p90);
  return out;
}

std::vector<ComparedMeasure> comparedMeasures(const ShipmentFigures& current, const ShipmentFigures& previous,
                                              const ShipmentFigures& yearBefore) {
  const std::vector<Measure> now = figureMeasures(current), before = figureMeasures(previous),
                             lastYear = figureMeasures(yearBefore);
  std::vector<ComparedMeasure> out;
  for (std::size_t i = 0; i < now.size(); ++i) {
    const std::string_view key = now[i].key;
    if (key != "pieces" && key != "weight_kg" && key != "on_time_delivery_rate" && key != "accuracy_rate" &&
        key != "accident_rate") {
      continue;
    }
    out.push_back({now[i].key, now[i].label, now[i].kind, now[i].value, before[i].value, lastYear[i].value});
  }
  return out;
}

bool isRateKey(const std::string& key) { return key.size() > 5 && key.ends_with("_rate"); }

}  // namespace reports
