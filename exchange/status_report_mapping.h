// Carriers' status reports to status events: X12 214 (one event per AT7, placed by the MS1
// after it) and EDIFACT IFTSTA (one per STS, with its RFF, DTM+334 and LOC). The sender is the
// carrier; the shipment is named by its bill of lading, else its PRO number (X12 B1001) or the
// consignment number (EDIFACT CNI). An event whose shipment is not known yet waits for it.
#pragma once

#include "exchange/document_mapping.h"
#include "logistics/status_event.h"

#include <vector>

namespace exchange {

// The events a report carries. Codes that report no movement (estimates, appointments) give
// no event: they have no normalized status.
logistics::Result<std::vector<logistics::StatusEvent>> eventsFromReport(const MessageDocument& document,
                                                                        const MappingContext& context);

logistics::Result<logistics::Done> applyStatusReport(store::Transaction& transaction, const MessageDocument& document,
                                                      const MappingContext& context);

}  // namespace exchange
