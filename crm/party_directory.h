// The parties table and its roles and identifiers: the one place that writes and reads them.
// Parties are customers, dealers, clients, carriers and recyclers alike, told apart by role.
#pragma once

#include "crm/party.h"
#include "crm/result.h"
#include "store/database.h"

#include <map>
#include <optional>
#include <vector>

namespace crm {

class PartyDirectory {
 public:
  explicit PartyDirectory(store::Database& database) : database_(database) {}

  // Adds the party with its roles and identifiers in one transaction and returns its id.
  // Throws the database's exception when the code or an identifier is taken.
  std::int64_t add(const Party& party);
  // Adds a party as a person described it (`afterflow party add`): refuses, each as a Problem, an
  // empty code or name, no role, an empty identifier, text that is not UTF-8, and a code or
  // identifier another party holds; only then adds it as add() does.
  Result<std::int64_t> enroll(const Party& party);

  std::optional<Party> findByCode(const std::string& code);
  // The party an identifier names ("scac", "FSTF"), if any.
  std::optional<std::int64_t> idByIdentifier(const std::string& scheme, const std::string& value);
  // The codes of the parties holding `role`, and their identifiers of `scheme` when given, each
  // with its party id: what a file import resolves its party columns against, in one query
  // (a file names few distinct parties, but in every row).
  std::map<std::string, std::int64_t> idsByCode(PartyRole role, const std::optional<std::string>& scheme = std::nullopt);
  // All parties, or those holding one role, ordered by code.
  std::vector<Party> list(std::optional<PartyRole> role = std::nullopt);

 private:
  void loadRolesAndIdentifiers(Poco::Data::Session& session, std::vector<Party>& parties);

  store::Database& database_;
};

}  // namespace crm
