#include "exchange/own_identity.h"

namespace exchange {

logistics::Result<OwnIdentity> findOwnIdentity(crm::PartyDirectory& parties, const std::string& partyCode) {
  const std::optional<crm::Party> party = parties.findByCode(partyCode);
  if (!party) {
    return logistics::Problem{logistics::ProblemCode::unknown_party, "own party",
                              "no party '" + partyCode + "' to write our envelopes as"};
  }
  OwnIdentity identity;
  identity.partyCode = party->code;
  identity.name = party->name;
  for (const crm::PartyIdentifier& id : party->identifiers) {
    if (id.scheme.rfind("x12:", 0) == 0) {
      identity.x12Qualifier = id.scheme.substr(4);
      identity.x12Id = id.value;
    } else if (id.scheme == "x12-gs") {
      identity.x12GsCode = id.value;
    } else if (id.scheme.rfind("edifact:", 0) == 0) {
      identity.edifactQualifier = id.scheme.substr(8);
      identity.edifactId = id.value;
    }
  }
  if (!identity.x12Id && !identity.edifactId) {
    return logistics::Problem{logistics::ProblemCode::missing_field, "own party",
                              "party '" + partyCode +
                                  "' has no EDI identifier (add one with scheme x12:QUALIFIER or edifact:QUALIFIER)"};
  }
  if (identity.x12Id && !identity.x12GsCode) identity.x12GsCode = identity.x12Id;
  return identity;
}

}  // namespace exchange
