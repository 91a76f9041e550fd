// The carriers' status reports on a shipment: X12 214 from the road carrier (pick-up, damage,
// an accident delaying it, out for delivery, delivered) and EDIFACT IFTSTA from the rail
// carrier (collected, departed, damaged, lost, delivered), each event dated and placed. Events
// after the demo year's end are not reported yet.
#pragma once

#include "demo/interchange_batch.h"
#include "demo/year_plan.h"

namespace demo {

// False (nothing written) when nothing had happened to the shipment by `end`.
bool writeStatus214(InterchangeBatch& batch, const PlannedShipment& shipment, const Poco::DateTime& end);
bool writeIftsta(InterchangeBatch& batch, const PlannedShipment& shipment, const Poco::DateTime& end);

}  // namespace demo
