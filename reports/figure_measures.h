// The measures a row of shipment figures shows in every rendering (HTML, CSV, XML): counts,
// rates with their numerator and denominator, transit times. One list, so that the formats
// cannot disagree on what "accuracy" divides by.
#pragma once

#include "reports/shipment_figures.h"

#include <optional>
#include <string>
#include <vector>

namespace reports {

enum class MeasureKind { count, kilograms, money, rate, hours };

struct Measure {
  const char* key;    // stable: "on_time_delivery_rate"
  const char* label;  // column heading: "On-time delivery"
  MeasureKind kind;
  // Rates: numerator / denominator, empty when the denominator is 0. Averages: empty without
  // any delivered shipment. Money is in cents.
  std::optional<double> value;
  double numerator = 0, denominator = 0;  // rates and averages only
};

// In report column order: shipments, pieces, weight, freight cost, on-time delivery, on-time
// shipment, accuracy, line accuracy, accident rate, OTIF, average and 90th-percentile transit.
std::vector<Measure> figureMeasures(const ShipmentFigures& figures);

// One measure of a region in the report's period, the period before and the same period a year
// before; empty where there was nothing to measure.
struct ComparedMeasure {
  const char* key;
  const char* label;
  MeasureKind kind;
  std::optional<double> current, previous, yearBefore;
};

// What a regional comparison compares beside shipments: pieces, weight, on-time delivery,
// accuracy and accident rate.
std::vector<ComparedMeasure> comparedMeasures(const ShipmentFigures& current, const ShipmentFigures& previous,
                                              const ShipmentFigures& yearBefore);

// True when the KPI key names a fraction from 0 to 1 ("..._rate"), shown as a percentage.
bool isRateKey(const std::string& key);

}  // namespace reports
