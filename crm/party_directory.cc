#include "crm/party_directory.h"

#include "csv/utf8.h"
#include "store/timestamp.h"
#include "store/transaction.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <algorithm>
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

Result<std::int64_t> PartyDirectory::enroll(const Party& party) {
  std::vector<Problem> problems;
  if (party.code.empty()) problems.push_back({ProblemCode::missing_field, "code", "a party needs a code"});
  if (party.name.empty()) problems.push_back({ProblemCode::missing_field, "name", "a party needs a name"});
  if (party.roles.empty()) {
    problems.push_back({ProblemCode::missing_field, "role", "a party holds at least one role"});
  }
  const std::vector<std::pair<const char*, const std::optional<std::string>*>> texts{
      {"email", &party.email}, {"phone", &party.phone},   {"street", &party.street}, {"city", &party.city},
      {"postal_code", &party.postalCode}, {"region", &party.region}, {"country", &party.country}};
  for (const auto& [field, text] : texts) {
    if (*text && !csv::isValidUtf8Text(**text)) {
      problems.push_back({ProblemCode::invalid_value, field, "is not UTF-8 text"});
    }
  }
  for (const std::string* text : {&party.code, &party.name}) {
    if (!csv::isValidUtf8Text(*text)) {
      problems.push_back({ProblemCode::invalid_value, text == &party.code ? "code" : "name", "is not UTF-8 text"});
    }
  }
  Poco::Data::Session session = database_.session();
  std::vector<std::string> holder;
  if (!party.code.empty()) {
    session << "SELECT name FROM party WHERE party_code = ?", bind(party.code), into(holder), now;
    if (!holder.empty()) {
      problems.push_back({ProblemCode::code_taken, "code",
                          "party code '" + party.code + "' is taken by " + holder.front()});
    }
  }
  for (std::size_t i = 0; i < party.identifiers.size(); ++i) {
    const PartyIdentifier& identifier = party.identifiers[i];
    const std::string field = "identifier " + identifier.scheme;
    if (std::find(party.identifiers.begin(), party.identifiers.begin() + static_cast<std::ptrdiff_t>(i),
                  identifier) != party.identifiers.begin() + static_cast<std::ptrdiff_t>(i)) {
      problems.push_back({ProblemCode::invalid_value, field, "'" + identifier.value + "' is given twice"});
      continue;
    }
    if (identifier.scheme.empty() || identifier.value.empty()) {
      problems.push_back({ProblemCode::missing_field, field, "an identifier is a scheme and a value (scac=FSTF)"});
      continue;
    }
    if (!csv::isValidUtf8Text(identifier.scheme) || !csv::isValidUtf8Text(identifier.value)) {
      problems.push_back({ProblemCode::invalid_value, field, "is not UTF-8 text"});
      continue;
    }
    holder.clear();
    session << "SELECT p.party_code FROM party_identifier i JOIN party p ON p.party_id = i.party_id "
               "WHERE i.scheme = ? AND i.value = ?",
        bind(identifier.scheme), bind(identifier.value), into(holder), now;
    if (!holder.empty()) {
      problems.push_back({ProblemCode::identifier_taken, field,
                          identifier.scheme + " '" + identifier.value + "' names party " + holder.front()});
    }
  }
  if (!problems.empty()) return problems;
  return add(party);
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
