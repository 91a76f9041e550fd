#include "reports/kpi.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace reports {

Kpi rateKpi(std::string key, std::string name, std::string definition, std::string numeratorLabel,
            std::string denominatorLabel, std::string exclusions, std::string unit, double numerator,
            double denominator) {
  Kpi kpi{std::move(key), std::move(name), std::move(definition), std::move(numeratorLabel),
          std::move(denominatorLabel), std::move(exclusions), std::move(unit), numerator, denominator, std::nullopt};
  if (denominator > 0) kpi.value = numerator / denominator;
  return kpi;
}

Kpi totalKpi(std::string key, std::string name, std::string definition, std::string unit, double value,
             std::string exclusions) {
  return {std::move(key), std::move(name), std::move(definition), "", "", std::move(exclusions), std::move(unit),
          value, 1, value};
}

std::optional<double> percentile90(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(values.size())));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank - 1), values.end());
  return values[rank - 1];
}

std::vector<Kpi> durationKpis(const std::string& key, const std::string& name, const std::string& definition,
                              const std::string& population, const std::string& exclusions,
                              const std::vector<double>& hours) {
  const double sum = std::accumulate(hours.begin(), hours.end(), 0.0);
  std::vector<Kpi> kpis;
  kpis.push_back(rateKpi(key + "_avg_hours", name + ", average", definition + " Averaged.", "sum of hours", population,
                         exclusions, "hours", sum, static_cast<double>(hours.size())));
  Kpi p90 = totalKpi(key + "_p90_hours", name + ", 90th percentile",
                     definition + " The time 90 % of them do not exceed (nearest rank).", "hours", 0, exclusions);
  p90.value = percentile90(hours);
  p90.numerator = p90.value.value_or(0);
  kpis.push_back(p90);
  return kpis;
}

}  // namespace reports
