// The outbound side of the partner exchange (DESIGN.md "Data flow", step 7): a load tender
// (X12 204 or EDIFACT IFTMIN, after the carrier's profile) from a pickup request, and a return
// instruction (EDIFACT RETINS) to a recycler from an RMA. Each document gets the partner's next
// control numbers, is validated against our own definitions before it leaves (one that fails is
// a bug of ours: refused, nothing sent), is kept in the interchange store as outbound (status
// sent, until the partner's acknowledgment says otherwise) and is delivered to the partner's outbox.
#pragma once

#include "edi/spec_catalog.h"
#include "exchange/own_identity.h"
#include "exchange/pickup_request.h"
#include "logistics/partner_profile.h"
#include "logistics/problem.h"
#include "store/database.h"

#include <functional>
#include <optional>
#include <string>

namespace exchange {

struct Envelope;

struct SentDocument {
  std::int64_t interchangeId = 0;
  std::string type;                // "204", "IFTMIN", "RETINS"
  std::string controlNumber;       // ISA13 / UNB 0020 as written
  std::string fileName;
  std::optional<std::string> deliveredPath;  // unset when the partner has no outbox directory
};

class Outbound {
 public:
  Outbound(store::Database& database, edi::SpecCatalog& catalog, OwnIdentity us)
      : database_(database), catalog_(catalog), us_(std::move(us)) {}

  // Refused (values) for an invalid request, an unknown client or carrier, a carrier without a
  // partner profile, or our own party lacking an id in the carrier's standard.
  logistics::Result<SentDocument> sendLoadTender(const PickupRequest& request);
  // Refused for an unknown RMA or recycler, a recycler whose profile is not EDIFACT, or an RMA
  // whose decided disposition is not recycle or dispose.
  logistics::Result<SentDocument> sendReturnInstruction(const std::string& rmaNumber, const std::string& recyclerCode);

 private:
  logistics::Result<SentDocument> send(const logistics::PartnerProfile& partner, const std::string& type,
                                       const std::string& version,
                                       const std::function<std::string(const Envelope&)>& write);

  store::Database& database_;
  edi::SpecCatalog& catalog_;
  OwnIdentity us_;
};

}  // namespace exchange
