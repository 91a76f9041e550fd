#include "demo/customer_codes.h"

#include "crm/party_directory.h"

namespace demo {

std::map<std::string, std::string> customerCodesByLoyaltyId(store::Database& database) {
  std::map<std::string, std::string> codes;
  for (const crm::Party& party : crm::PartyDirectory(database).list(crm::PartyRole::customer)) {
    for (const crm::PartyIdentifier& id : party.identifiers) {
      if (id.scheme == "loyalty") codes.emplace(id.value, party.code);
    }
  }
  return codes;
}

}  // namespace demo
