// A status event: what a carrier reported about a shipment (X12 214 AT7, EDIFACT IFTSTA STS),
// kept with the codes exactly as received and the normalized status they map to. It names its
// shipment by a reference; until that shipment is recorded the event waits unlinked.
#pragma once

#include "logistics/shipment.h"

#include <cstdint>
#include <optional>
#include <string>

namespace logistics {

// The code list the received codes come from (see logistics/status_mapping.h).
enum class StatusCodeList {
  x12,        // AT701 shipment status code (element 1650), AT702 reason code (element 1651)
  edifact,    // STS C555 status event (9011, D.96A; UN/ECE Rec. 24 in 4405 later), C556 reason (9013)
  afterflow,  // already normalized: the code is a ShipmentStatus name (CSV imports, manual entry)
};

const char* statusCodeListName(StatusCodeList list);
std::optional<StatusCodeList> statusCodeListFromName(const std::string& name);

struct StatusEvent {
  std::int64_t id = 0;                      // assigned by the database
  std::optional<std::int64_t> shipmentId;   // on write: a known shipment, else found by reference
  std::optional<std::int64_t> carrierId;    // the reporting carrier, which narrows the reference
  ReferenceKind referenceKind = ReferenceKind::pro_number;
  std::string reference;                    // as received
  std::string eventTime;                    // ISO-8601 UTC
  std::optional<std::string> city, region, country;
  StatusCodeList codeList = StatusCodeList::x12;
  std::string statusCode;
  std::optional<std::string> reasonCode;
  ShipmentStatus normalizedStatus = ShipmentStatus::in_transit;  // set by the library from the codes
  std::optional<std::int64_t> sourceInterchangeId;
};

}  // namespace logistics
