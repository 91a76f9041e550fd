// Who a customer is, through merges: finding a customer or dealer by code, the parties that
// stand for one customer (itself and those merged into it), and the profile row every merge and
// profile change needs. Merges are kept one hop deep (customer_merge.h), so set-based queries
// resolve identity with COALESCE(profile.merged_into, party_id) and nothing recursive.
#pragma once

#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct CustomerRef {
  std::int64_t id = 0;
  std::string code, name;
  bool customer = false, dealer = false;  // the roles that matter here
  std::optional<std::int64_t> mergedInto;
  std::optional<std::string> mergedIntoCode;
};

std::optional<CustomerRef> findCustomerRef(Poco::Data::Session& session, const std::string& code);
std::optional<CustomerRef> findCustomerRef(Poco::Data::Session& session, std::int64_t id);

// The customer and every party merged into it, ascending.
std::vector<std::int64_t> identityMembers(Poco::Data::Session& session, std::int64_t customerId);

// "(3,7,9)" for an IN clause: ids come from the database, never from users.
std::string sqlIdList(const std::vector<std::int64_t>& ids);

// Adds the customer_profile row of a party that has none (parties added through PartyDirectory,
// e.g. the sample customers, have none until something needs it).
void ensureProfile(store::Transaction& transaction, std::int64_t partyId);

// The customer's tier, "standard" when it has no profile.
std::string tierOf(Poco::Data::Session& session, std::int64_t customerId);

}  // namespace crm
