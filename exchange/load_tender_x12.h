// The X12 204 Motor Carrier Load Tender written from a pickup request: B2 with the carrier's
// SCAC and our shipment reference, the client as bill-to party, a pickup stop (LD) with its
// window, weight, pieces and lines, and a delivery stop (UL).
#pragma once

#include "exchange/outbound_envelope.h"
#include "exchange/pickup_request.h"
#include "exchange/tender_parties.h"

#include <string>

namespace exchange {

std::string writeLoadTender204(const PickupRequest& request, const TenderParties& parties, const Envelope& envelope);

}  // namespace exchange
