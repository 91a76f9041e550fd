#include "crm/party_directory.h"

#include "store/transaction.h"

#include "store/timestamp.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <map>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

Poco::Nullable<std::string> nullable(const std::optional<std::string>& value) {
  return value ? Poco::Nullable<std::string>(*value) : Poco::Nullable<std::string>();
}

std::optional<std::string> optional(const Poco::Nullable<std::string>& value) {
  return value.isNull() ? std::nullopt : std::optional<std::string>(value.value());
}

const char* const kSelectParty =
    "SELECT party_id, party_code, name, kind, email, phone, street, city, postal_code, region, country "
    "FROM party";

// Columns of kSelectParty, extracted a whole result at a time.
struct PartyColumns {
  std::vector<std::int64_t> id;
  std::vector<std::string> code, name, kind;
  std::vector<Poco::Nullable<std::string>> email, phone, street, city, postalCode, region, country;

  void bindTo(Poco::Data::Statement& statement) {
    statement, into(id), into(code), into(name), into(kind), into(email), into(phone), into(street), into(city),
        into(postalCode), into(region), into(country);
  }

  std::vector<Party> parties() const {
    std::vector<Party> out(id.size());
    for (std::size_t i = 0; i < id.size(); ++i) {
      Party& p = out[i];
      p.id = id[i];
      p.code = code[i];
      p.name = name[i];
      p.person = kind[i] == "person";
      p.email = optional(email[i]);
      p.phone = optional(phone[i]);
      p.street = optional(street[i]);
      p.city = optional(city[i]);
      p.postalCode = optional(postalCode[i]);
      p.region = optional(region[i]);
      p.country = optional(country[i]);
    }
    return out;
  }
};

}  // namespace

std::int64_t PartyDirectory::add(const Party& party) {
  Poco::Data::Session session = database_.session();
  store::Transaction transaction(session);
  const std::string stamp = store::currentTimestamp();
  std::int64_t id = 0;
  session << "INSERT INTO party (party_code, name, kind, email, phone, street, city, postal_code, region, country, "
             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING party_id",
      bind(party.code), bind(party.name), bind(std::string(party.person ? "person" : "organisation")),
      bind(nullable(party.email)), bind(nullable(party.phone)), bind(nullable(party.street)),
      bind(nullable(party.city)), bind(nullable(party.postalCode)), bind(nullable(party.region)),
      bind(nullable(party.country)), bind(stamp), bind(stamp), into(id), now;
  for (PartyRole role : party.roles) {
    session << "INSERT INTO party_role (party_id, role) VALUES (?, ?)", bind(id),
        bind(std::string(partyRoleName(role))), now;
  }
  for (const PartyIdentifier& identifier : party.identifiers) {
    session << "INSERT INTO party_identifier (party_id, scheme, value) VALUES (?, ?, ?)", bind(id),
        bind(identifier.scheme), bind(identifier.value), now;
  }
  transaction.commit();
  return id;
}

std::optional<Party> PartyDirectory::findByCode(const std::string& code) {
  Poco::Data::Session session = database_.session();
  PartyColumns columns;
  Poco::Data::Statement select(session);
  select << std::string(kSelectParty) + " WHERE party_code = ?", bind(code);
  columns.bindTo(select);
  select.execute();
  std::vector<Party> parties = columns.parties();
  if (parties.empty()) return std::nullopt;
  loadRolesAndIdentifiers(session, parties);
  return parties.front();
}

std::vector<Party> PartyDirectory::list(std::optional<PartyRole> role) {
  Poco::Data::Session session = database_.session();
  PartyColumns columns;
  Poco::Data::Statement select(session);
  if (role) {
    select << std::string(kSelectParty) +
                  " WHERE party_id IN (SELECT party_id FROM party_role WHERE role = ?) ORDER BY party_code",
        bind(std::string(partyRoleName(*role)));
  } else {
    select << std::string(kSelectParty) + " ORDER BY party_code";
  }
  columns.bindTo(select);
  select.execute();
  std::vector<Party> parties = columns.parties();
  loadRolesAndIdentifiers(session, parties);
  return parties;
}

void PartyDirectory::loadRolesAndIdentifiers(Poco::Data::Session& session, std::vector<Party>& parties) {
  if (parties.empty()) return;
  std::map<std::int64_t, Party*> byId;
  for (Party& party : parties) byId[party.id] = &party;
  const std::int64_t low = byId.begin()->first;
  const std::int64_t high = byId.rbegin()->first;

  // Two set queries over the id range, not one query per party.
  std::vector<std::int64_t> roleParty;
  std::vector<std::string> roleName;
  session << "SELECT party_id, role FROM party_role WHERE party_id BETWEEN ? AND ? ORDER BY party_id, role",
      bind(low), bind(high), into(roleParty), into(roleName), now;
  for (std::size_t i = 0; i < roleParty.size(); ++i) {
    auto found = byId.find(roleParty[i]);
    auto role = partyRoleFromName(roleName[i]);
    if (found != byId.end() && role) found->second->roles.push_back(*role);
  }
  std::vector<std::int64_t> idParty;
  std::vector<std::string> scheme, value;
  session << "SELECT party_id, scheme, value FROM party_identifier WHERE party_id BETWEEN ? AND ? "
             "ORDER BY party_id, scheme, value",
      bind(low), bind(high), into(idParty), into(scheme), into(value), now;
  for (std::size_t i = 0; i < idParty.size(); ++i) {
    auto found = byId.find(idParty[i]);
    if (found != byId.end()) found->second->identifiers.push_back({scheme[i], value[i]});
  }
}

std::optional<std::int64_t> PartyDirectory::idByIdentifier(const std::string& scheme, const std::string& value) {
  Poco::Data::Session session = database_.session();
  std::vector<std::int64_t> ids;
  session << "SELECT party_id FROM party_identifier WHERE scheme = ? AND value = ?", bind(scheme), bind(value),
      into(ids), now;
  if (ids.empty()) return std::nullopt;
  return ids.front();
}

std::map<std::string, std::int64_t> PartyDirectory::idsByCode(PartyRole role,
                                                             const std::optional<std::string>& scheme) {
  Poco::Data::Session session = database_.session();
  std::vector<std::string> codes;
  std::vector<std::int64_t> ids;
  const std::string roleName = partyRoleName(role);
  session << "SELECT p.party_code, p.party_id FROM party p JOIN party_role r ON r.party_id = p.party_id "
             "WHERE r.role = ?",
      bind(roleName), into(codes), into(ids), now;
  std::map<std::string, std::int64_t> result;
  for (std::size_t i = 0; i < codes.size(); ++i) result.emplace(codes[i], ids[i]);
  if (scheme) {
    codes.clear();
    ids.clear();
    session << "SELECT i.value, i.party_id FROM party_identifier i JOIN party_role r ON r.party_id = i.party_id "
               "WHERE i.scheme = ? AND r.role = ?",
        bind(*scheme), bind(roleName), into(codes), into(ids), now;
    // A party code wins over another party's identifier of the same spelling.
    for (std::size_t i = 0; i < codes.size(); ++i) result.emplace(codes[i], ids[i]);
  }
  return result;
}

}  // namespace crm
