#include "logistics/status_mapping.h"

#include <string_view>

namespace logistics {
namespace {

struct CodeMapping {
  std::string_view code;
  ShipmentStatus status;
};

using S = ShipmentStatus;

// X12 element 1650 "Shipment Status Code" (AT701 of the 214), code values as published for
// 004010 and kept in 005010. Codes that announce rather than report (AG estimated delivery,
// X2 estimated arrival, C1/B6 estimates, XB shipment acknowledged, OO paperwork only) have no
// entry: they do not say where the goods are. Nor do arrivals at the pick-up location (X3, X8)
// or L1 "Loading": the goods are not yet in the carrier's hands.
constexpr CodeMapping kX12Statuses[] = {
    {"CP", S::picked_up},         // Completed Loading at Pick-up Location
    {"AM", S::picked_up},         // Loaded on Truck
    {"AF", S::picked_up},         // Carrier Departed Pick-up Location with Shipment
    {"P1", S::in_transit},        // Departed Terminal Location
    {"X4", S::in_transit},        // Arrived at Terminal Location
    {"R1", S::in_transit},        // Received from Prior Carrier
    {"J1", S::in_transit},        // Delivered to Connecting Line
    {"BA", S::in_transit},        // Connecting Line or Cartage Pick-up
    {"AN", S::in_transit},        // Diverted to Air Carrier
    {"AI", S::in_transit},        // Shipment has been Reconsigned
    {"I1", S::in_transit},        // In-Gate
    {"OA", S::in_transit},        // Out-Gate
    {"RL", S::in_transit},        // Rail Departure from Origin Intermodal Ramp
    {"AR", S::in_transit},        // Rail Arrival at Destination Intermodal Ramp
    {"K1", S::in_transit},        // Arrived at Customs
    {"BC", S::in_transit},        // Storage in Transit
    {"SD", S::delayed},           // Shipment Delayed
    {"AH", S::delayed},           // Attempted Delivery (a further attempt follows)
    {"PR", S::delayed},           // U.S. Customs Hold at In-Bond Location
    {"X6", S::out_for_delivery},  // En Route to Delivery Location
    {"AJ", S::out_for_delivery},  // Tendered for Delivery
    {"AV", S::out_for_delivery},  // Available for Delivery
    {"X1", S::out_for_delivery},  // Arrived at Delivery Location
    {"X5", S::out_for_delivery},  // Arrived at Delivery Location Loading Dock
    {"S1", S::out_for_delivery},  // Trailer Spotted at Consignee's Location
    {"D1", S::delivered},         // Completed Unloading at Delivery Location
    {"CD", S::delivered},         // Carrier Departed Delivery Location
    {"AP", S::exception},         // Delivery Not Completed
    {"A7", S::exception},         // Refused by Consignee
    {"A3", S::exception},         // Shipment Returned to Shipper
    {"CA", S::exception},         // Shipment Cancelled
    {"A9", S::damaged},           // Shipment Damaged
};

// X12 element 1651 "Shipment Status or Appointment Reason Code" (AT702): only the reasons that
// change what the event means. NS (Normal Status) and the many reasons for a delay leave the
// status as AT701 gives it.
constexpr CodeMapping kX12Reasons[] = {
    {"AK", S::damaged},    // Damaged, Rewrapped in Hub
    {"AF", S::exception},  // Accident
    {"BR", S::exception},  // Train Derailment
    {"BP", S::exception},  // Load Shifted
};

// UN/EDIFACT 9011 "Status event, coded" (D.96A, the STS C555 status of IFTSTA). Later
// directories carry the same transport status codes (UN/ECE Recommendation 24) in 4405 with a
// code list qualifier; the values are the same. The list has no code for "out for delivery";
// equipment and booking events (hire, plugging, booking) have no entry.
constexpr CodeMapping kEdifactStatuses[] = {
    {"13", S::picked_up},    // Collected
    {"1", S::in_transit},    // Arrived
    {"24", S::in_transit},   // Departed
    {"27", S::in_transit},   // Despatched
    {"31", S::in_transit},   // En route
    {"16", S::in_transit},   // Crossed border
    {"12", S::in_transit},   // Cleared by customs
    {"29", S::in_transit},   // Discharged
    {"35", S::in_transit},   // Expedited to destination
    {"41", S::in_transit},   // Handover
    {"42", S::in_transit},   // Handover delivered (to another transport operator)
    {"43", S::in_transit},   // Handover received
    {"44", S::in_transit},   // Ill-routed consignment reforwarded
    {"48", S::in_transit},   // Loaded
    {"74", S::in_transit},   // Received (at a location in the transport chain)
    {"98", S::in_transit},   // Transferred in
    {"99", S::in_transit},   // Transferred out
    {"100", S::in_transit},  // Transhipment
    {"20", S::delayed},      // Delayed
    {"25", S::delayed},      // Departure delay
    {"101", S::delayed},     // Transit delay
    {"21", S::delivered},    // Delivered
    {"22", S::delivered},    // Delivery completed
    {"72", S::delivered},    // Receipt fully acknowledged
    {"23", S::exception},    // Delivery not completed
    {"17", S::exception},    // Customs refusal
    {"53", S::exception},    // No pick-up
    {"54", S::exception},    // Not identified
    {"56", S::exception},    // Not delivered
    {"57", S::exception},    // Not loaded
    {"73", S::exception},    // Receipt partially acknowledged
    {"77", S::exception},    // Refused without reason given
    {"80", S::exception},    // Returned as instructed
    {"82", S::exception},    // Returned
    {"85", S::exception},    // Short landed
    {"86", S::exception},    // Short shipped
    {"87", S::exception},    // Sorted wrong route
    {"51", S::exception},    // Means of transport damaged
    {"52", S::exception},    // Mechanical breakdown
    {"3", S::damaged},       // Arrived in defective condition
    {"18", S::damaged},      // Damaged
    {"97", S::damaged},      // Surveyed damage
    {"49", S::lost},         // Lost
    {"36", S::lost},         // Not found (notified missing, not located)
    {"66", S::lost},         // Plundered (goods taken from the consignment)
};

// UN/EDIFACT 9013 "Status reason, coded" (D.96A, STS C556): the reasons that outweigh the status.
constexpr CodeMapping kEdifactReasons[] = {
    {"14", S::damaged},  // Damaged
    {"33", S::lost},     // Lost goods/consignments/equipment
    {"56", S::lost},     // Totally missing
    {"45", S::lost},     // Partly missing
    {"48", S::lost},     // Plundered
    {"18", S::exception},  // Derailment
    {"34", S::exception},  // Means of transport damaged
};

// EDIFACT numeric codes arrive zero-padded from some senders ("021" for 21).
std::string withoutLeadingZeros(const std::string& code) {
  const std::size_t first = code.find_first_not_of('0');
  if (first == std::string::npos) return code.empty() ? code : "0";
  return code.substr(first);
}

template <std::size_t N>
std::optional<ShipmentStatus> lookUp(const CodeMapping (&table)[N], const std::string& code) {
  for (const CodeMapping& entry : table) {
    if (entry.code == code) return entry.status;
  }
  return std::nullopt;
}

}  // namespace

Result<ShipmentStatus> normalizeStatus(StatusCodeList list, const std::string& statusCode,
                                       const std::optional<std::string>& reasonCode) {
  if (list == StatusCodeList::afterflow) {
    const auto status = shipmentStatusFromName(statusCode);
    if (!status || *status == ShipmentStatus::planned) {
      return Problem{ProblemCode::unmapped_status_code, "status_code",
                     "'" + statusCode + "' is not an event status (picked_up, in_transit, delayed, out_for_delivery, "
                                        "delivered, exception, damaged, lost)"};
    }
    return *status;
  }
  const bool x12 = list == StatusCodeList::x12;
  const std::string code = x12 ? statusCode : withoutLeadingZeros(statusCode);
  const auto status = x12 ? lookUp(kX12Statuses, code) : lookUp(kEdifactStatuses, code);
  if (!status) {
    return Problem{ProblemCode::unmapped_status_code, "status_code",
                   std::string(x12 ? "X12 shipment status (1650) '" : "EDIFACT status event (9011) '") + statusCode +
                       "' reports no movement of the goods afterflow can normalize"};
  }
  if (reasonCode && !reasonCode->empty()) {
    const std::string reason = x12 ? *reasonCode : withoutLeadingZeros(*reasonCode);
    const auto weightier = x12 ? lookUp(kX12Reasons, reason) : lookUp(kEdifactReasons, reason);
    if (weightier) return *weightier;
  }
  return *status;
}

}  // namespace logistics
