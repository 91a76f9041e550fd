#include "logistics/partner_profile.h"

#include "logistics/enum_names.h"

namespace logistics {
namespace {

constexpr std::array<std::pair<PartnerRole, const char*>, 4> kRoles{{
    {PartnerRole::carrier, "carrier"},
    {PartnerRole::recycler, "recycler"},
    {PartnerRole::dealer, "dealer"},
    {PartnerRole::client, "client"},
}};
constexpr std::array<std::pair<EdiStandard, const char*>, 2> kStandards{{
    {EdiStandard::x12, "x12"},
    {EdiStandard::edifact, "edifact"},
}};
constexpr std::array<std::pair<FunctionalAck, const char*>, 4> kAcks{{
    {FunctionalAck::x997, "997"},
    {FunctionalAck::x999, "999"},
    {FunctionalAck::contrl, "CONTRL"},
    {FunctionalAck::none, "none"},
}};

}  // namespace

const char* partnerRoleName(PartnerRole role) { return enumName(kRoles, role); }
std::optional<PartnerRole> partnerRoleFromName(const std::string& name) { return enumFromName(kRoles, name); }
const char* ediStandardName(EdiStandard standard) { return enumName(kStandards, standard); }
std::optional<EdiStandard> ediStandardFromName(const std::string& name) { return enumFromName(kStandards, name); }
const char* functionalAckName(FunctionalAck ack) { return enumName(kAcks, ack); }
std::optional<FunctionalAck> functionalAckFromName(const std::string& name) { return enumFromName(kAcks, name); }

}  // namespace logistics
