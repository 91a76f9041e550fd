// Normalizes carriers' status codes to ShipmentStatus. The tables are data in
// status_mapping.cc, each entry citing its code list; a code that reports no movement of the
// goods (an estimate, an appointment, an acknowledgment) has no normalized status.
#pragma once

#include "logistics/problem.h"
#include "logistics/shipment.h"
#include "logistics/status_event.h"

#include <optional>
#include <string>

namespace logistics {

// The normalized status of a status code and its optional reason. A reason that reports damage,
// loss or an accident outweighs the status it comes with (a 214 "in transit" with reason
// "damaged, rewrapped in hub" is a damage event: the accident rate counts it).
// Refused (unmapped_status_code) when the code has no normalized status in its list.
Result<ShipmentStatus> normalizeStatus(StatusCodeList list, const std::string& statusCode,
                                       const std::optional<std::string>& reasonCode);

}  // namespace logistics
