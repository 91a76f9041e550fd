// Ship notices to shipments: X12 856 and EDIFACT DESADV. The sender is the client (or dealer)
// whose goods move; the carrier is found by its SCAC (X12 TD503, EDIFACT TDT carrier id).
#pragma once

#include "exchange/document_mapping.h"
#include "logistics/shipment.h"

namespace exchange {

// The shipment a ship notice describes, not yet recorded.
logistics::Result<logistics::Shipment> shipmentFromNotice(const MessageDocument& document,
                                                          const MappingContext& context);

logistics::Result<logistics::Done> applyShipNotice(store::Transaction& transaction, const MessageDocument& document,
                                                   const MappingContext& context);

}  // namespace exchange
