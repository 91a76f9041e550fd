#include "exchange/pickup_request.h"

#include "logistics/timestamp_text.h"

namespace exchange {

std::vector<logistics::Problem> checkPickupRequest(const PickupRequest& request) {
  using logistics::Problem;
  using logistics::ProblemCode;
  std::vector<Problem> problems;
  const auto required = [&](const std::string& value, const char* field) {
    if (value.empty()) problems.push_back({ProblemCode::missing_field, field, std::string(field) + " is required"});
  };
  required(request.clientCode, "client");
  required(request.carrierCode, "carrier");
  required(request.shipmentReference, "shipment_reference");
  for (const auto& [stop, field] : {std::pair{&request.origin, "origin"}, std::pair{&request.destination, "destination"}}) {
    if (!stop->city || stop->city->empty() || !stop->country || stop->country->size() != 2) {
      problems.push_back({ProblemCode::missing_field, field,
                          std::string(field) + " needs a city and a two-letter country code"});
    }
  }
  const auto timestamp = [&](const std::string& value, const char* field) {
    if (!logistics::isStoredTimestamp(value)) {
      problems.push_back({ProblemCode::invalid_timestamp, field,
                          std::string(field) + " '" + value + "' is not ISO-8601 UTC (2026-11-02T08:00:00.000Z)"});
      return false;
    }
    return true;
  };
  const bool from = timestamp(request.pickupFrom, "pickup_from");
  const bool until = timestamp(request.pickupUntil, "pickup_until");
  if (from && until && request.pickupUntil < request.pickupFrom) {
    problems.push_back({ProblemCode::invalid_value, "pickup_until", "the pickup window ends before it starts"});
  }
  if (request.deliverBy && timestamp(*request.deliverBy, "deliver_by") && from && *request.deliverBy < request.pickupFrom) {
    problems.push_back({ProblemCode::invalid_value, "deliver_by", "delivery is due before the pickup window opens"});
  }
  if (request.pieces <= 0) problems.push_back({ProblemCode::invalid_value, "pieces", "pieces must be at least 1"});
  if (!(request.weightKg > 0)) problems.push_back({ProblemCode::invalid_value, "weight_kg", "weight must be above 0"});
  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    const PickupLine& line = request.lines[i];
    const std::string field = "lines[" + std::to_string(i + 1) + "]";
    if (!line.sku && !line.description) {
      problems.push_back({ProblemCode::missing_field, field, field + " needs an item number or a description"});
    }
    if (!(line.quantity > 0)) problems.push_back({ProblemCode::invalid_value, field + ".quantity", "quantity must be above 0"});
  }
  return problems;
}

}  // namespace exchange
