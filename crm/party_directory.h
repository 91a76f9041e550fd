// The parties table and its roles and identifiers: the one place that writes and reads them.
#pragma once

#include "crm/party.h"
#include "store/database.h"

#include <optional>
#include <vector>

namespace crm {

class PartyDirectory {
 public:
  explicit PartyDirectory(store::Database& database) : database_(database) {}

  // Adds the party with its roles and identifiers in one transaction and returns its id.
  // Throws the database's exception when the code or an identifier is taken.
  std::int64_t add(const Party& party);

  std::optional<Party> findByCode(const std::string& code);
  // The party an identifier names ("scac", "FSTF"), if any.
  std::optional<std::int64_t> idByIdentifier(const std::string& scheme, const std::string& value);
  // All parties, or those holding one role, ordered by code.
  std::vector<Party> list(std::optional<PartyRole> role = std::nullopt);

 private:
  void loadRolesAndIdentifiers(Poco::Data::Session& session, std::vector<Party>& parties);

  store::Database& database_;
};

}  // namespace crm
