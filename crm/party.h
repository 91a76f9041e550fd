// A party: an organisation or person afterflow deals with, in one or more roles, known to
// partners by identifiers (EDI ids, GLN, DUNS, loyalty numbers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

enum class PartyRole { customer, dealer, client, carrier, recycler, manufacturer };

const char* partyRoleName(PartyRole role);
std::optional<PartyRole> partyRoleFromName(const std::string& name);

struct PartyIdentifier {
  std::string scheme;  // "x12:ZZ", "edifact:14", "gln", "duns", "loyalty"
  std::string value;
  bool operator==(const PartyIdentifier&) const = default;
};

struct Party {
  std::int64_t id = 0;  // assigned by the database
  std::string code;     // the business key people and partners use
  std::string name;
  bool person = false;
  std::optional<std::string> email, phone, street, city, postalCode, region, country;
  std::vector<PartyRole> roles;
  std::vector<PartyIdentifier> identifiers;
};

}  // namespace crm
