// A KPI as every section of a service report states it (DESIGN.md "KPI definitions"): its
// definition, numerator, denominator, exclusions and unit beside the value, and the few ways
// the sections make one (a rate, a total, the average and 90th percentile of durations).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reports {

// `value` is numerator / denominator (a fraction from 0 to 1 for keys ending in "_rate");
// empty when the denominator is 0 (nothing to measure, not 0 %).
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

// numerator / denominator, no value when the denominator is 0.
Kpi rateKpi(std::string key, std::string name, std::string definition, std::string numeratorLabel,
            std::string denominatorLabel, std::string exclusions, std::string unit, double numerator,
            double denominator);

// A sum or count that divides nothing.
Kpi totalKpi(std::string key, std::string name, std::string definition, std::string unit, double value,
             std::string exclusions = "");

// The 90th percentile by nearest rank: the ceil(0.9 n)-th smallest; empty for no values.
std::optional<double> percentile90(std::vector<double> values);

// "<key>_avg_hours" and "<key>_p90_hours" of the durations (hours) of `population`.
std::vector<Kpi> durationKpis(const std::string& key, const std::string& name, const std::string& definition,
                              const std::string& population, const std::string& exclusions,
                              const std::vector<double>& hours);

}  // namespace reports
