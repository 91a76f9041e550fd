#include "logistics/record_checks.h"

#include "logistics/timestamp_text.h"

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace logistics {

Poco::Data::Session& writeSession(store::Transaction& transaction) {
  if (!transaction.active()) throw std::logic_error("logistics write outside an active transaction");
  return transaction.session();
}

bool RecordChecks::exists(const std::string& sql, std::int64_t id) {
  int count = 0;
  session_ << sql, bind(id), into(count), now;
  return count > 0;
}

void RecordChecks::party(const std::optional<std::int64_t>& id, const std::string& field,
                         std::vector<Problem>& problems) {
  if (!id) return;
  if (!exists("SELECT count(*) FROM party WHERE party_id = ?", *id)) {
    problems.push_back({ProblemCode::unknown_party, field, "no party has id " + std::to_string(*id)});
  }
}

void RecordChecks::partyWithRole(const std::optional<std::int64_t>& id, const std::string& role,
                                 const std::string& field, std::vector<Problem>& problems) {
  if (!id) return;
  const std::size_t before = problems.size();
  party(id, field, problems);
  if (problems.size() != before) return;
  int count = 0;
  session_ << "SELECT count(*) FROM party_role WHERE party_id = ? AND role = ?", bind(*id), bind(role), into(count),
      now;
  if (count == 0) {
    problems.push_back({ProblemCode::role_not_held, field,
                        "party " + std::to_string(*id) + " is not a " + role + "; add the role to the party first"});
  }
}

void RecordChecks::product(const std::optional<std::int64_t>& id, const std::string& field,
                           std::vector<Problem>& problems) {
  if (!id) return;
  if (!exists("SELECT count(*) FROM product WHERE product_id = ?", *id)) {
    problems.push_back({ProblemCode::unknown_product, field, "no product has id " + std::to_string(*id)});
  }
}

void RecordChecks::interchange(const std::optional<std::int64_t>& id, std::vector<Problem>& problems) {
  if (!id) return;
  if (!exists("SELECT count(*) FROM interchange WHERE interchange_id = ?", *id)) {
    problems.push_back({ProblemCode::unknown_interchange, "source_interchange_id",
                        "no interchange has id " + std::to_string(*id)});
  }
}

void RecordChecks::timestamp(const std::optional<std::string>& value, bool required, const std::string& field,
                             std::vector<Problem>& problems) {
  if (!value || value->empty()) {
    if (required) problems.push_back({ProblemCode::missing_field, field, "a time is required"});
    return;
  }
  if (!isStoredTimestamp(*value)) {
    problems.push_back({ProblemCode::invalid_timestamp, field,
                        "'" + *value + "' is not an ISO-8601 UTC time like 2026-10-01T08:30:00.000Z"});
  }
}

void RecordChecks::required(const std::string& value, const std::string& field, std::vector<Problem>& problems) {
  if (value.empty()) problems.push_back({ProblemCode::missing_field, field, "a value is required"});
}

}  // namespace logistics
