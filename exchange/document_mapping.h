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

class AcknowledgmentRecorder;

struct MappingContext {
  std::int64_t interchangeId = 0;
  std::int64_t partnerId = 0;  // the party that sent the document
  logistics::PartnerRole partnerRole = logistics::PartnerRole::carrier;
  crm::PartyDirectory* parties = nullptr;  // to find carriers and others by their codes
  AcknowledgmentRecorder* acknowledgments = nullptr;  // records a partner's acks of what we sent
  std::size_t* repeatedEvents = nullptr;  // counts status events recorded before (a carrier's resend)
};

// Applies one message. Acknowledgments from partners (997, 999, CONTRL) are matched to what
// we sent and recorded on it (exchange/acknowledgment_recorder.h); APERAK is taken unmatched. A message type with no mapping is refused.
logistics::Result<logistics::Done> applyMessage(store::Transaction& transaction, const MessageDocument& document,
                                                const MappingContext& context);

}  // namespace exchange
