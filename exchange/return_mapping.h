// Returns to RMAs: X12 180 (return merchandise authorization and notification) and EDIFACT
// RETANN (announcement for returns). The sender is the dealer, recycler or client that returns
// the goods; the RMA gets its number, customer, items with serial numbers and reason, and the
// step the message says it has reached (requested, authorized, or closed when refused).
#pragma once

#include "exchange/document_mapping.h"
#include "logistics/return_authorization.h"

namespace exchange {

// What a returns message says: the RMA as it would be opened, and the step it reaches.
struct ReturnNotice {
  logistics::ReturnAuthorization rma;
  logistics::RmaStatus step = logistics::RmaStatus::requested;
  std::optional<std::string> stepNote;  // the code that said so, e.g. "RDR01 RA"
};

logistics::Result<ReturnNotice> returnFromDocument(const MessageDocument& document, const MappingContext& context);

// Opens the RMA, or moves one opened by an earlier message to the step this one reports.
// A message that reports no step beyond the recorded one is refused as a duplicate.
logistics::Result<logistics::Done> applyReturn(store::Transaction& transaction, const MessageDocument& document,
                                               const MappingContext& context);

}  // namespace exchange
