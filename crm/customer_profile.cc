#include "crm/customer_profile.h"

#include "crm/abc_segmentation.h"
#include "crm/customer_identity.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <algorithm>
#include <map>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

std::optional<std::string> optional(const Poco::Nullable<std::string>& value) {
  return value.isNull() ? std::nullopt : std::optional<std::string>(value.value());
}

void checkValue(const std::optional<std::string>& value, const std::vector<std::string>& allowed, const char* field,
                std::vector<Problem>& problems) {
  if (!value || std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return;
  std::string list;
  for (const std::string& name : allowed) list += (list.empty() ? "" : ", ") + name;
  problems.push_back({ProblemCode::invalid_value, field, "'" + *value + "' is not one of " + list});
}

}  // namespace

const std::vector<std::string>& ageBands() {
  static const std::vector<std::string> values{"under-25", "25-34", "35-44", "45-54", "55-64", "65+"};
  return values;
}
const std::vector<std::string>& genders() {
  static const std::vector<std::string> values{"female", "male", "diverse"};
  return values;
}
const std::vector<std::string>& incomeBands() {
  static const std::vector<std::string> values{"low", "lower-middle", "middle", "upper-middle", "high"};
  return values;
}
const std::vector<std::string>& tiers() {
  static const std::vector<std::string> values{"standard", "silver", "gold", "platinum"};
  return values;
}

Result<Done> CustomerProfiles::change(store::Transaction& transaction, const std::string& code,
                                      const ProfileChange& change) {
  std::vector<Problem> problems;
  checkValue(change.ageBand, ageBands(), "age_band", problems);
  checkValue(change.gender, genders(), "gender", problems);
  checkValue(change.incomeBand, incomeBands(), "income_band", problems);
  checkValue(change.tier, tiers(), "tier", problems);
  Poco::Data::Session& session = transaction.session();
  const auto ref = findCustomerRef(session, code);
  if (!ref) {
    problems.push_back({ProblemCode::unknown_customer, "customer", "no customer has code '" + code + "'"});
  } else if (!ref->customer) {
    problems.push_back({ProblemCode::role_not_held, "customer", "'" + code + "' is not a customer"});
  } else if (ref->mergedIntoCode) {
    problems.push_back({ProblemCode::merged_away, "customer",
                        "'" + code + "' is merged into '" + *ref->mergedIntoCode + "'; change that one's profile"});
  }
  if (!problems.empty()) return problems;
  ensureProfile(transaction, ref->id);
  auto orNull = [](const std::optional<std::string>& value) {
    return value ? Poco::Nullable<std::string>(*value) : Poco::Nullable<std::string>();
  };
  session << "UPDATE customer_profile SET age_band = COALESCE(?, age_band), gender = COALESCE(?, gender), "
             "income_band = COALESCE(?, income_band), tier = COALESCE(?, tier) WHERE party_id = ?",
      bind(orNull(change.ageBand)), bind(orNull(change.gender)), bind(orNull(change.incomeBand)),
      bind(orNull(change.tier)), bind(ref->id), now;
  return Done{};
}

Result<std::vector<CustomerListing>> CustomerProfiles::list(const CustomerFilter& filter) {
  std::vector<Problem> problems;
  if (filter.role != "customer" && filter.role != "dealer") {
    problems.push_back({ProblemCode::invalid_value, "role", "'" + filter.role + "' is not customer or dealer"});
  }
  checkValue(filter.tier, tiers(), "tier", problems);
  std::map<std::int64_t, char> classes;
  if (filter.abcClass) {
    const auto abc = AbcSegmentation(session_).classify({filter.abcPeriod});
    if (!abc) {
      problems.insert(problems.end(), abc.problems().begin(), abc.problems().end());
    } else {
      for (const AbcRow& row : abc.value()) classes[row.customerId] = row.abcClass;
    }
  }
  if (!problems.empty()) return problems;

  std::vector<std::int64_t> id, customer, dealer;
  std::vector<std::string> code, name, tier;
  std::vector<Poco::Nullable<std::string>> region, city, ageBand, gender, incomeBand;
  Poco::Data::Statement select(session_);
  select << "SELECT p.party_id, p.party_code, p.name, "
            "(SELECT COUNT(*) FROM party_role r WHERE r.party_id = p.party_id AND r.role = 'customer'), "
            "(SELECT COUNT(*) FROM party_role r WHERE r.party_id = p.party_id AND r.role = 'dealer'), "
            "p.region, p.city, cp.age_band, cp.gender, cp.income_band, COALESCE(cp.tier, 'standard') "
            "FROM party p LEFT JOIN customer_profile cp ON cp.party_id = p.party_id "
            "WHERE p.party_id IN (SELECT party_id FROM party_role WHERE role = ?) "
            "AND (? = 1 OR cp.merged_into IS NULL) AND (? = '' OR p.region = ?) "
            "AND (? = '' OR COALESCE(cp.tier, 'standard') = ?) ORDER BY p.party_code",
      bind(filter.role), bind(filter.includeMerged ? 1 : 0), bind(filter.region.value_or("")),
      bind(filter.region.value_or("")), bind(filter.tier.value_or("")), bind(filter.tier.value_or("")), into(id),
      into(code), into(name), into(customer), into(dealer), into(region), into(city), into(ageBand), into(gender),
      into(incomeBand), into(tier);
  select.execute();
  std::vector<CustomerListing> rows;
  for (std::size_t i = 0; i < id.size(); ++i) {
    CustomerListing row{id[i], code[i], name[i], customer[i] > 0, dealer[i] > 0, optional(region[i]),
                        optional(city[i]), optional(ageBand[i]), optional(gender[i]), optional(incomeBand[i]),
                        tier[i], {}};
    if (filter.abcClass) {
      // Customers without sales in the period have no margin: class C, like those with a loss.
      const auto found = classes.find(id[i]);
      row.abcClass = found == classes.end() ? 'C' : found->second;
      if (*row.abcClass != *filter.abcClass) continue;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace crm
