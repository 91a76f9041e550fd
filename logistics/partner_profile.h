// How afterflow exchanges EDI with one partner (a carrier, recycler, dealer or client): who they
// are in the envelopes, which standard and version they speak, which acknowledgments they
// expect, and where their files come in and go out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace logistics {

enum class PartnerRole { carrier, recycler, dealer, client };
enum class EdiStandard { x12, edifact };
// The functional acknowledgment a partner expects back: 997/999 in X12, CONTRL in EDIFACT.
enum class FunctionalAck { x997, x999, contrl, none };

const char* partnerRoleName(PartnerRole role);
std::optional<PartnerRole> partnerRoleFromName(const std::string& name);
const char* ediStandardName(EdiStandard standard);
std::optional<EdiStandard> ediStandardFromName(const std::string& name);
// "997", "999", "CONTRL", "none" as partners and the standards write them.
const char* functionalAckName(FunctionalAck ack);
std::optional<FunctionalAck> functionalAckFromName(const std::string& name);

struct PartnerProfile {
  std::int64_t partyId = 0;  // the crm party; 0 on add means "find it by partyCode"
  std::string partyCode;     // read back with the profile; used on add when partyId is 0
  std::string partyName;     // read back only
  PartnerRole role = PartnerRole::carrier;
  EdiStandard standard = EdiStandard::x12;
  std::string version;  // "004010", "005010"; "D96A", "D01B"

  // X12: ISA05/ISA06 (qualifier, id) and GS02 (application code). EDIFACT: UNB 0004 and 0007.
  std::optional<std::string> x12IsaQualifier, x12IsaId, x12GsCode;
  std::optional<std::string> edifactUnbId, edifactUnbQualifier;

  FunctionalAck functionalAck = FunctionalAck::none;
  bool wantsTa1 = false;  // X12 only: an interchange acknowledgment as well

  std::optional<std::string> inboxDirectory, outboxDirectory;
};

}  // namespace logistics
