// A shipment: a consignment a carrier moves for a client, from an origin to a destination,
// with its references, goods, cost, planned and actual dates, and its lines (what was shipped,
// and once receipts arrive, what was received and damaged).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace logistics {

enum class TransportMode { road, rail, sea, air, pipeline, multimodal };

// Normalized shipment status. Every status event carries one (all but `planned`); a shipment's
// status is `planned` until its first event, then that of its latest event.
enum class ShipmentStatus { planned, picked_up, in_transit, delayed, out_for_delivery, delivered, exception, damaged, lost };

// The references partners use for a shipment, and who numbers them: the bill of lading and the
// ship notice are unique per client, the PRO number per carrier (per client when no carrier is named).
enum class ReferenceKind { bill_of_lading, pro_number, ship_notice_id };

const char* transportModeName(TransportMode mode);
std::optional<TransportMode> transportModeFromName(const std::string& name);
const char* shipmentStatusName(ShipmentStatus status);
std::optional<ShipmentStatus> shipmentStatusFromName(const std::string& name);
const char* referenceKindName(ReferenceKind kind);
std::optional<ReferenceKind> referenceKindFromName(const std::string& name);

struct Place {
  std::optional<std::string> city, postalCode, country, region;
  bool operator==(const Place&) const = default;
};

struct ShipmentLine {
  int lineNo = 0;  // 1, 2, ... unique within the shipment
  std::optional<std::int64_t> productId;
  std::optional<std::string> sku, description;
  double quantityShipped = 0;
  std::optional<double> quantityReceived, quantityDamaged;  // read back: sums of the receipts
  std::string unit = "units";
};

struct Shipment {
  std::int64_t id = 0;  // assigned by the database
  std::int64_t clientId = 0;
  std::optional<std::int64_t> shipperId, consigneeId, carrierId;
  // At least one reference is required.
  std::optional<std::string> billOfLading, proNumber, shipNoticeId;
  Place origin, destination;
  TransportMode mode = TransportMode::road;
  std::optional<double> distanceKm;
  std::optional<std::string> goodsDescription;
  std::optional<int> pieces;
  std::optional<double> weightKg, volumeM3;
  std::optional<std::int64_t> freightCostCents;
  std::optional<std::string> currency;  // ISO 4217, required with a cost
  // ISO-8601 UTC timestamps (logistics/timestamp_text.h).
  std::optional<std::string> plannedShipDate, shipDate, plannedDelivery, promisedDelivery, actualDelivery;
  ShipmentStatus status = ShipmentStatus::planned;
  std::optional<std::int64_t> sourceInterchangeId;
  std::vector<ShipmentLine> lines;

  const std::optional<std::string>& reference(ReferenceKind kind) const;
};

}  // namespace logistics
