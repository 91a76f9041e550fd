// The EDIFACT IFTMIN (forwarding and transport instruction) written from a pickup request, in
// the partner's directory (D96A or D01B: the segments used are the same in both): our shipment
// reference in BGM, the pickup window and due date in DTM, totals in CNT, the client as
// consignor at the origin, the consignee at the destination, the carrier, and the goods.
#pragma once

#include "exchange/outbound_envelope.h"
#include "exchange/pickup_request.h"
#include "exchange/tender_parties.h"

#include <string>

namespace exchange {

std::string writeIftmin(const PickupRequest& request, const TenderParties& parties, const Envelope& envelope);

}  // namespace exchange
