#include "crm/credit_book.h"

#include "crm/customer_identity.h"
#include "store/timestamp.h"

using namespace Poco::Data::Keywords;

namespace crm {

std::optional<CreditStanding> CreditBook::read(Poco::Data::Session& session, std::int64_t partyId,
                                               const std::string& code) {
  std::vector<std::int64_t> limit, exposure, overdue;
  std::vector<std::string> rating, updatedAt;
  session << "SELECT credit_limit_cents, exposure_cents, rating, CAST(overdue AS BIGINT), updated_at "
             "FROM credit_account WHERE party_id = ?",
      bind(partyId), into(limit), into(exposure), into(rating), into(overdue), into(updatedAt), now;
  if (limit.empty()) return std::nullopt;
  return CreditStanding{code, limit[0], exposure[0], rating[0], overdue[0] != 0, updatedAt[0]};
}

Result<CreditStanding> CreditBook::change(store::Transaction& transaction, const std::string& code,
                                          const CreditChange& change) {
  Poco::Data::Session& session = transaction.session();
  std::vector<Problem> problems;
  if (change.limitCents && *change.limitCents < 0) {
    problems.push_back({ProblemCode::invalid_value, "limit", "a credit limit is 0 or more"});
  }
  if (change.rating && (change.rating->size() != 1 || (*change.rating)[0] < 'A' || (*change.rating)[0] > 'E')) {
    problems.push_back({ProblemCode::invalid_value, "rating", "'" + *change.rating + "' is not a rating A to E"});
  }
  const auto ref = findCustomerRef(session, code);
  if (!ref) {
    problems.push_back({ProblemCode::unknown_customer, "customer", "no customer or dealer has code '" + code + "'"});
  } else if (!ref->customer && !ref->dealer) {
    problems.push_back({ProblemCode::role_not_held, "customer", "'" + code + "' is neither a customer nor a dealer"});
  } else if (ref->mergedIntoCode) {
    problems.push_back({ProblemCode::merged_away, "customer",
                        "'" + code + "' is merged into '" + *ref->mergedIntoCode + "'; change that one's credit"});
  }
  if (!problems.empty()) return problems;
  const auto before = read(session, ref->id, code);
  if (!before && (!change.limitCents || !change.rating)) {
    return Problem{ProblemCode::no_credit_account, "customer",
                   "'" + code + "' has no credit account yet: give both a limit and a rating"};
  }
  const std::string stamp = store::currentTimestamp();
  const std::int64_t limit = change.limitCents.value_or(before ? before->limitCents : 0);
  const std::int64_t exposure = change.exposureCents.value_or(before ? before->exposureCents : 0);
  const std::string rating = change.rating.value_or(before ? before->rating : "");
  const int overdue = change.overdue.value_or(before && before->overdue) ? 1 : 0;
  if (before) {
    session << "UPDATE credit_account SET credit_limit_cents = ?, exposure_cents = ?, rating = ?, overdue = ?, "
               "updated_at = ? WHERE party_id = ?",
        bind(limit), bind(exposure), bind(rating), bind(overdue), bind(stamp), bind(ref->id), now;
  } else {
    session << "INSERT INTO credit_account (party_id, credit_limit_cents, rating, exposure_cents, overdue, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?)",
        bind(ref->id), bind(limit), bind(rating), bind(exposure), bind(overdue), bind(stamp), now;
  }
  return *read(session, ref->id, code);
}

Result<std::optional<CreditStanding>> CreditBook::standing(const std::string& code) {
  const auto ref = findCustomerRef(session_, code);
  if (!ref) return Problem{ProblemCode::unknown_customer, "customer", "no customer or dealer has code '" + code + "'"};
  return read(session_, ref->id, code);
}

}  // namespace crm
