// The ship notices the manufacturer sends for its consignments: an X12 856 (Nordwind, for
// German destinations) or an EDIFACT DESADV (its European arm), one message per shipment, in
// the shapes exchange/ship_notice_mapping reads (tests/exchange/fixtures/client_856.edi).
#pragma once

#include "demo/interchange_batch.h"
#include "demo/year_plan.h"

namespace demo {

// The carriers' SCACs as the sample directory records them.
const char* carrierScac(Carrier carrier);

void writeShipNotice856(InterchangeBatch& batch, const PlannedShipment& shipment);
void writeDesadv(InterchangeBatch& batch, const PlannedShipment& shipment);

}  // namespace demo
