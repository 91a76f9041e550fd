// Mapping of inbound business documents onto the logistics records: ship notices (856, DESADV)
// to shipments, status reports (214, IFTSTA) to status events, receipts (944, 861, RECADV),
// tender responses (990), freight invoices (210) and returns (180, RETANN). Each message is
// applied inside the intake's transaction; a refusal is a value naming what and why.
#pragma once

#include "crm/party_directory.h"
#include "exchange/message_document.h"
#include "logistics/partner_profile.h"
#include "logistics/problem.h"
#include "store/transaction.h"

#include <cstdint>

namespace exchange {

struct MappingContext {
  std::int64_t interchangeId = 0;
  std::int64_t partnerId = 0;  // the party that sent the document
  logistics::PartnerRole partnerRole = logistics::PartnerRole::carrier;
  crm::PartyDirectory* parties = nullptr;  // to find carriers and others by their codes
};

// Applies one message. Acknowledgments from partners (997, 999, TA1, CONTRL, APERAK) are
// matched to what was sent rather than mapped. A message type with no mapping is refused.
logistics::Result<logistics::Done> applyMessage(store::Transaction& transaction, const MessageDocument& document,
                                                const MappingContext& context);

}  // namespace exchange
