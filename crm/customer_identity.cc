#include "crm/customer_identity.h"

#include "store/timestamp.h"

#include <Poco/Nullable.h>

#include <algorithm>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

std::optional<CustomerRef> findWhere(Poco::Data::Session& session, const std::string& condition,
                                     const std::string& code, std::int64_t id) {
  std::vector<std::int64_t> ids;
  std::vector<std::string> codes, names;
  std::vector<std::int64_t> customer, dealer;
  std::vector<Poco::Nullable<std::int64_t>> mergedInto;
  std::vector<Poco::Nullable<std::string>> mergedIntoCode;
  const std::string sql =
      "SELECT p.party_id, p.party_code, p.name, "
      "(SELECT COUNT(*) FROM party_role r WHERE r.party_id = p.party_id AND r.role = 'customer'), "
      "(SELECT COUNT(*) FROM party_role r WHERE r.party_id = p.party_id AND r.role = 'dealer'), "
      "cp.merged_into, m.party_code FROM party p LEFT JOIN customer_profile cp ON cp.party_id = p.party_id "
      "LEFT JOIN party m ON m.party_id = cp.merged_into WHERE " + condition;
  if (condition == "p.party_code = ?") {
    session << sql, bind(code), into(ids), into(codes), into(names), into(customer), into(dealer), into(mergedInto),
        into(mergedIntoCode), now;
  } else {
    session << sql, bind(id), into(ids), into(codes), into(names), into(customer), into(dealer), into(mergedInto),
        into(mergedIntoCode), now;
  }
  if (ids.empty()) return std::nullopt;
  CustomerRef ref;
  ref.id = ids[0];
  ref.code = codes[0];
  ref.name = names[0];
  ref.customer = customer[0] > 0;
  ref.dealer = dealer[0] > 0;
  if (!mergedInto[0].isNull()) ref.mergedInto = mergedInto[0].value();
  if (!mergedIntoCode[0].isNull()) ref.mergedIntoCode = mergedIntoCode[0].value();
  return ref;
}

}  // namespace

std::optional<CustomerRef> findCustomerRef(Poco::Data::Session& session, const std::string& code) {
  return findWhere(session, "p.party_code = ?", code, 0);
}

std::optional<CustomerRef> findCustomerRef(Poco::Data::Session& session, std::int64_t id) {
  return findWhere(session, "p.party_id = ?", "", id);
}

std::vector<std::int64_t> identityMembers(Poco::Data::Session& session, std::int64_t customerId) {
  std::vector<std::int64_t> members;
  session << "SELECT party_id FROM customer_profile WHERE merged_into = ? ORDER BY party_id", bind(customerId),
      into(members), now;
  members.insert(std::lower_bound(members.begin(), members.end(), customerId), customerId);
  return members;
}

std::string sqlIdList(const std::vector<std::int64_t>& ids) {
  std::string list = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) list += (i ? "," : "") + std::to_string(ids[i]);
  return list + ")";
}

void ensureProfile(store::Transaction& transaction, std::int64_t partyId) {
  // ON CONFLICT: a profile that exists is left as it is, and the transaction stays usable on PostgreSQL.
  transaction.session() << "INSERT INTO customer_profile (party_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
      bind(partyId), bind(store::currentTimestamp()), now;
}

std::string tierOf(Poco::Data::Session& session, std::int64_t customerId) {
  std::vector<std::string> tier;
  session << "SELECT tier FROM customer_profile WHERE party_id = ?", bind(customerId), into(tier), now;
  return tier.empty() ? "standard" : tier.front();
}

}  // namespace crm
