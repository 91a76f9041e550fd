// The consignee's receipt of a shipment, sent by the client that announced it: an X12 944
// (Nordwind) or an EDIFACT RECADV (its European arm), naming the ship notice, each line with
// what arrived and what arrived damaged (exchange/receipt_mapping reads them).
#pragma once

#include "demo/interchange_batch.h"
#include "demo/year_plan.h"

namespace demo {

// Each shipment with a receipt (receivedAt set).
void writeReceipt944(InterchangeBatch& batch, const PlannedShipment& shipment);
void writeRecadv(InterchangeBatch& batch, const PlannedShipment& shipment);

}  // namespace demo
