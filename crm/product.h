// A product as afterflow tracks it from sale to recycling: what it is, what one unit weighs and
// occupies, whether units carry serial numbers, and how long the warranty runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace crm {

struct Product {
  std::int64_t id = 0;
  std::string sku;
  std::optional<std::string> gtin;
  std::string name;
  std::optional<std::string> category;
  std::optional<double> unitWeightKg, unitVolumeM3;
  std::optional<std::int64_t> unitPriceCents;
  bool serialized = false;
  std::optional<int> warrantyMonths;
  // The manufacturer party whose product it is: a client's service report counts the returns,
  // sales and customers of the products it makes (docs/KPI.md).
  std::optional<std::int64_t> manufacturerId = std::nullopt;
};

}  // namespace crm
