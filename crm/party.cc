#include "crm/party.h"

#include <array>
#include <utility>

namespace crm {
namespace {

constexpr std::array<std::pair<PartyRole, const char*>, 6> kRoleNames{{
    {PartyRole::customer, "customer"},
    {PartyRole::dealer, "dealer"},
    {PartyRole::client, "client"},
    {PartyRole::carrier, "carrier"},
    {PartyRole::recycler, "recycler"},
    {PartyRole::manufacturer, "manufacturer"},
}};

}  // namespace

const char* partyRoleName(PartyRole role) {
  for (const auto& [value, name] : kRoleNames) {
    if (value == role) return name;
  }
  return "unknown";
}

std::optional<PartyRole> partyRoleFromName(const std::string& name) {
  for (const auto& [value, text] : kRoleNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace crm
