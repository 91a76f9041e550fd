// Who we are in the envelopes we write. Our ids are those of a crm party that stands for us
// (the company running afterflow), kept as its identifiers like any partner's: "x12:ZZ" ->
// ISA05/06, "x12-gs" -> GS02 (else the ISA id), "edifact:14" -> UNB S002. Which party that is
// is a setting of the caller (the CLI: --as CODE or AFTERFLOW_OWN_PARTY).
#pragma once

#include "crm/party_directory.h"
#include "logistics/problem.h"

#include <optional>
#include <string>

namespace exchange {

struct OwnIdentity {
  std::string partyCode, name;
  std::optional<std::string> x12Qualifier, x12Id, x12GsCode;
  std::optional<std::string> edifactId, edifactQualifier;
};

// Refused (unknown_party) when there is no such party, and (missing_field) when it has no EDI
// identifier at all.
logistics::Result<OwnIdentity> findOwnIdentity(crm::PartyDirectory& parties, const std::string& partyCode);

}  // namespace exchange
