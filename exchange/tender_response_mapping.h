// Carriers' answers to load tenders: X12 990. B1 says which carrier (SCAC), which shipment, when,
// and whether it accepts (A) or declines (D); the answer is recorded on the shipment as history.
#pragma once

#include "exchange/document_mapping.h"
#include "exchange/shipment_lookup.h"
#include "logistics/tender_response.h"

namespace exchange {

// What a 990 says, before its shipment is looked up (shipmentId is 0).
struct TenderAnswer {
  ShipmentLookup lookup;
  logistics::TenderResponse response;
};

logistics::Result<TenderAnswer> tenderAnswerFromDocument(const MessageDocument& document,
                                                         const MappingContext& context);

logistics::Result<logistics::Done> applyTenderResponse(store::Transaction& transaction,
                                                       const MessageDocument& document,
                                                       const MappingContext& context);

}  // namespace exchange
