#include "crm/customer_registry.h"

#include "crm/contact_keys.h"
#include "store/timestamp.h"

#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

Poco::Nullable<std::string> nullable(const std::optional<std::string>& value) {
  return value ? Poco::Nullable<std::string>(*value) : Poco::Nullable<std::string>();
}

}  // namespace

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
  Poco::Data::Session& session = transaction.session();
  const std::string stamp = store::currentTimestamp();
  // The code needs the id: insert under a placeholder unique to this transaction, then rename.
  const std::string placeholder = "CUST-NEW-" + stamp + "-" + candidate.loyaltyId.value_or(candidate.email.value_or(""));
  std::int64_t id = 0;
  const std::string name = candidate.name.value_or("POS customer");
  session << "INSERT INTO party (party_code, name, kind, email, phone, city, postal_code, region, country, created_at, "
             "updated_at) VALUES (?, ?, 'person', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING party_id",
      bind(placeholder), bind(name), bind(nullable(candidate.email)), bind(nullable(candidate.phone)),
      bind(nullable(candidate.city)), bind(nullable(candidate.postalCode)), bind(nullable(candidate.region)),
      bind(nullable(candidate.country)), bind(stamp), bind(stamp), into(id), now;
  session << "UPDATE party SET party_code = ? WHERE party_id = ?", bind("CUST-" + std::to_string(id)), bind(id), now;
  session << "INSERT INTO party_role (party_id, role) VALUES (?, 'customer')", bind(id), now;
  if (candidate.loyaltyId && !candidate.loyaltyId->empty()) {
    session << "INSERT INTO party_identifier (party_id, scheme, value) VALUES (?, 'loyalty', ?)", bind(id),
        bind(*candidate.loyaltyId), now;
  }
  const std::optional<std::string> email = candidate.email ? emailKey(*candidate.email) : std::nullopt;
  const std::optional<std::string> phone = candidate.phone ? phoneKey(*candidate.phone) : std::nullopt;
  session << "INSERT INTO customer_profile (party_id, email_key, phone_key, created_at) VALUES (?, ?, ?, ?)", bind(id),
      bind(nullable(email)), bind(nullable(phone)), bind(stamp), now;
  return id;
}

std::int64_t CustomerRegistry::matchOrCreate(store::Transaction& transaction, const CustomerCandidate& candidate) {
  if (const auto id = match(candidate)) return *id;
  return create(transaction, candidate);
}

}  // namespace crm
