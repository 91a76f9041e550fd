// A pickup request: what we ask a carrier to collect for a client, from where to where, in
// which window, how much. It is the input of the load tender (X12 204, EDIFACT IFTMIN).
#pragma once

#include "logistics/problem.h"

#include <optional>
#include <string>
#include <vector>

namespace exchange {

struct PickupStop {
  std::string name;
  std::optional<std::string> street, city, postalCode, region, country;
};

struct PickupLine {
  std::optional<std::string> sku, description;
  double quantity = 1;
  std::string unit = "units";
};

struct PickupRequest {
  std::string clientCode, carrierCode;  // crm party codes
  std::string shipmentReference;        // our number for the shipment (B204, BGM 1004)
  std::optional<std::string> billOfLading, clientReference;
  PickupStop origin, destination;
  // ISO-8601 UTC as stored; the window in which the goods are ready to be collected.
  std::string pickupFrom, pickupUntil;
  std::optional<std::string> deliverBy;
  int pieces = 0;
  double weightKg = 0;
  std::vector<PickupLine> lines;
};

// The checks that need no database: references, window, amounts, places.
std::vector<logistics::Problem> checkPickupRequest(const PickupRequest& request);

}  // namespace exchange
