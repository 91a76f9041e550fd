#include "logistics/shipment.h"

#include "logistics/enum_names.h"

namespace logistics {
namespace {

constexpr std::array<std::pair<TransportMode, const char*>, 6> kModes{{
    {TransportMode::road, "road"},
    {TransportMode::rail, "rail"},
    {TransportMode::sea, "sea"},
    {TransportMode::air, "air"},
    {TransportMode::pipeline, "pipeline"},
    {TransportMode::multimodal, "multimodal"},
}};
constexpr std::array<std::pair<ShipmentStatus, const char*>, 9> kStatuses{{
    {ShipmentStatus::planned, "planned"},
    {ShipmentStatus::picked_up, "picked_up"},
    {ShipmentStatus::in_transit, "in_transit"},
    {ShipmentStatus::delayed, "delayed"},
    {ShipmentStatus::out_for_delivery, "out_for_delivery"},
    {ShipmentStatus::delivered, "delivered"},
    {ShipmentStatus::exception, "exception"},
    {ShipmentStatus::damaged, "damaged"},
    {ShipmentStatus::lost, "lost"},
}};
constexpr std::array<std::pair<ReferenceKind, const char*>, 3> kReferenceKinds{{
    {ReferenceKind::bill_of_lading, "bill_of_lading"},
    {ReferenceKind::pro_number, "pro_number"},
    {ReferenceKind::ship_notice_id, "ship_notice_id"},
}};

}  // namespace

const char* transportModeName(TransportMode mode) { return enumName(kModes, mode); }
std::optional<TransportMode> transportModeFromName(const std::string& name) { return enumFromName(kModes, name); }
const char* shipmentStatusName(ShipmentStatus status) { return enumName(kStatuses, status); }
std::optional<ShipmentStatus> shipmentStatusFromName(const std::string& name) { return enumFromName(kStatuses, name); }
const char* referenceKindName(ReferenceKind kind) { return enumName(kReferenceKinds, kind); }
std::optional<ReferenceKind> referenceKindFromName(const std::string& name) {
  return enumFromName(kReferenceKinds, name);
}

const std::optional<std::string>& Shipment::reference(ReferenceKind kind) const {
  switch (kind) {
    case ReferenceKind::bill_of_lading: return billOfLading;
    case ReferenceKind::pro_number: return proNumber;
    case ReferenceKind::ship_notice_id: return shipNoticeId;
  }
  return billOfLading;
}

}  // namespace logistics
