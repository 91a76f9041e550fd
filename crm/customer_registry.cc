#include "crm/customer_registry.h"

#include "crm/contact_keys.h"
#include "store/bulk_inserter.h"
#include "store/dialect.h"
#include "store/timestamp.h"

#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {

std::int64_t CustomerRegistry::resolve(std::int64_t partyId) {
  // Merges form chains only if someone merges into a merged customer; follow them, bounded.
  for (int hop = 0; hop < 16; ++hop) {
    std::vector<Poco::Nullable<std::int64_t>> next;
    session_ << "SELECT merged_into FROM customer_profile WHERE party_id = ?", bind(partyId), into(next), now;
    if (next.empty() || next.front().isNull()) return partyId;
    partyId = next.front().value();
  }
  return partyId;
}

std::optional<std::int64_t> CustomerRegistry::byKey(const char* column, const std::string& key) {
  std::vector<std::int64_t> ids;
  session_ << std::string("SELECT party_id FROM customer_profile WHERE ") + column + " = ? ORDER BY party_id",
      bind(key), into(ids), now;
  if (ids.empty()) return std::nullopt;
  return ids.front();
}

std::optional<std::int64_t> CustomerRegistry::match(const CustomerCandidate& candidate) {
  const auto id = identify(candidate);
  if (!id) return std::nullopt;
  return resolve(*id);
}

std::optional<std::int64_t> CustomerRegistry::identify(const CustomerCandidate& candidate) {
  if (candidate.loyaltyId && !candidate.loyaltyId->empty()) {
    std::vector<std::int64_t> ids;
    session_ << "SELECT party_id FROM party_identifier WHERE scheme = 'loyalty' AND value = ?",
        bind(*candidate.loyaltyId), into(ids), now;
    if (!ids.empty()) return ids.front();
  }
  if (candidate.email) {
    if (const auto key = emailKey(*candidate.email)) {
      if (const auto id = byKey("email_key", *key)) return id;
    }
  }
  if (candidate.phone) {
    if (const auto key = phoneKey(*candidate.phone)) {
      if (const auto id = byKey("phone_key", *key)) return id;
    }
  }
  return std::nullopt;
}

std::int64_t CustomerRegistry::create(store::Transaction& transaction, const CustomerCandidate& candidate) {
  const CustomerCandidate* const one[] = {&candidate};
  return createAll(transaction, one).front();
}

std::vector<std::int64_t> CustomerRegistry::createAll(store::Transaction& transaction,
                                                      std::span<const CustomerCandidate* const> candidates) {
  Poco::Data::Session& session = transaction.session();
  std::vector<std::int64_t> ids;
  if (candidates.empty()) return ids;
  // The code needs the id, so ids are taken first: on SQLite after the largest, under the
  // transaction's write lock (BEGIN IMMEDIATE); on PostgreSQL from the identity's sequence.
  if (store::sessionDialect(session) == store::Dialect::sqlite) {
    std::int64_t last = 0;
    session << "SELECT COALESCE(MAX(party_id), 0) FROM party", into(last), now;
    for (std::size_t i = 0; i < candidates.size(); ++i) ids.push_back(last + 1 + static_cast<std::int64_t>(i));
  } else {
    session << "SELECT nextval(pg_get_serial_sequence('party', 'party_id')) FROM generate_series(1, " +
                   std::to_string(candidates.size()) + ") ORDER BY 1",
        into(ids), now;
  }
  const std::string stamp = store::currentTimestamp();
  const auto text = [](const std::optional<std::string>& value) {
    return value ? store::Value(*value) : store::Value();
  };
  // Parties before what refers to them: PostgreSQL checks the references as each chunk is written.
  {
    store::BulkInserter parties(session, "party",
                                {"party_id", "party_code", "name", "kind", "email", "phone", "city", "postal_code",
                                 "region", "country", "created_at", "updated_at"});
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const CustomerCandidate& c = *candidates[i];
      parties.add({ids[i], "CUST-" + std::to_string(ids[i]), c.name.value_or("POS customer"), std::string("person"),
                   text(c.email), text(c.phone), text(c.city), text(c.postalCode), text(c.region), text(c.country),
                   stamp, stamp});
    }
    parties.flush();
  }
  store::BulkInserter roles(session, "party_role", {"party_id", "role"});
  store::BulkInserter identifiers(session, "party_identifier", {"party_id", "scheme", "value"});
  store::BulkInserter profiles(session, "customer_profile", {"party_id", "email_key", "phone_key", "created_at"});
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const CustomerCandidate& c = *candidates[i];
    roles.add({ids[i], std::string("customer")});
    if (c.loyaltyId && !c.loyaltyId->empty()) identifiers.add({ids[i], std::string("loyalty"), *c.loyaltyId});
    profiles.add({ids[i], text(c.email ? emailKey(*c.email) : std::nullopt),
                  text(c.phone ? phoneKey(*c.phone) : std::nullopt), stamp});
  }
  roles.flush();
  identifiers.flush();
  profiles.flush();
  return ids;
}

std::int64_t CustomerRegistry::matchOrCreate(store::Transaction& transaction, const CustomerCandidate& candidate) {
  if (const auto id = match(candidate)) return *id;
  return create(transaction, candidate);
}

}  // namespace crm
