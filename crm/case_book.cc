#include "crm/case_book.h"

#include "crm/calendar.h"
#include "crm/customer_identity.h"
#include "store/dialect.h"

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

std::optional<std::string> optional(const Poco::Nullable<std::string>& value) {
  return value.isNull() ? std::nullopt : std::optional<std::string>(value.value());
}

Poco::Nullable<std::string> nullable(const std::optional<std::string>& value) {
  return value ? Poco::Nullable<std::string>(*value) : Poco::Nullable<std::string>();
}

const char* const kSelectCase =
    "SELECT c.case_id, c.case_number, p.party_code, c.kind, c.serial_number, c.summary, c.remedial_action, "
    "c.opened_at, c.first_response_at, c.resolved_at, c.first_response_target_h, c.resolution_target_h "
    "FROM service_case c JOIN party p ON p.party_id = c.customer_id ";

}  // namespace

std::vector<ServiceCase> CaseBook::select(Poco::Data::Session& session, const std::string& where,
                                          const std::string& key) {
  std::vector<std::int64_t> id;
  std::vector<std::string> number, customer, kind, openedAt;
  std::vector<Poco::Nullable<std::string>> serial, summary, action, respondedAt, resolvedAt;
  std::vector<int> responseTarget, resolutionTarget;
  Poco::Data::Statement statement(session);
  statement << std::string(kSelectCase) + where, into(id), into(number), into(customer), into(kind), into(serial),
      into(summary), into(action), into(openedAt), into(respondedAt), into(resolvedAt), into(responseTarget),
      into(resolutionTarget);
  if (!key.empty()) statement, bind(key);
  statement.execute();
  std::vector<ServiceCase> cases(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    ServiceCase& c = cases[i];
    c.id = id[i];
    c.number = number[i];
    c.customerCode = customer[i];
    c.kind = caseKindFromName(kind[i]).value_or(CaseKind::inquiry);
    c.serialNumber = optional(serial[i]);
    c.summary = optional(summary[i]);
    c.remedialAction = optional(action[i]);
    c.openedAt = openedAt[i];
    c.firstResponseAt = optional(respondedAt[i]);
    c.resolvedAt = optional(resolvedAt[i]);
    c.firstResponseTargetHours = responseTarget[i];
    c.resolutionTargetHours = resolutionTarget[i];
  }
  return cases;
}

Result<ServiceCase> CaseBook::open(store::Transaction& transaction, const CaseOpening& opening) {
  Poco::Data::Session& session = transaction.session();
  std::vector<Problem> problems;
  if (!storedTimestamp(opening.openedAt, false) || *storedTimestamp(opening.openedAt, false) != opening.openedAt) {
    problems.push_back({ProblemCode::invalid_timestamp, "opened_at",
                        "'" + opening.openedAt + "' is not a stored timestamp (2026-10-01T08:30:00.000Z)"});
  }
  const auto ref = findCustomerRef(session, opening.customerCode);
  if (!ref) {
    problems.push_back({ProblemCode::unknown_customer, "customer", "no customer has code '" + opening.customerCode + "'"});
  } else if (!ref->customer) {
    problems.push_back({ProblemCode::role_not_held, "customer", "'" + opening.customerCode + "' is not a customer"});
  }
  if (!problems.empty()) return problems;
  const std::string tier = tierOf(session, ref->mergedInto.value_or(ref->id));
  const std::string kind = caseKindName(opening.kind);
  int responseTarget = 0, resolutionTarget = 0;
  session << "SELECT first_response_hours, resolution_hours FROM sla_target WHERE tier = ? AND case_kind = ?",
      bind(tier), bind(kind), into(responseTarget), into(resolutionTarget), now;
  if (responseTarget == 0) {
    throw Poco::NotFoundException("sla_target has no row for tier " + tier + " and kind " + kind);
  }
  // The number needs the id: a placeholder no other transaction can hold, then the real one.
  std::int64_t id = 0;
  session << "INSERT INTO service_case (case_number, customer_id, kind, serial_number, summary, opened_at, "
             "first_response_target_h, resolution_target_h) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING case_id",
      bind("NEW-" + std::to_string(ref->id) + "-" + opening.openedAt + "-" + kind), bind(ref->id), bind(kind),
      bind(nullable(opening.serialNumber)), bind(nullable(opening.summary)), bind(opening.openedAt),
      bind(responseTarget), bind(resolutionTarget), into(id), now;
  session << "UPDATE service_case SET case_number = ? WHERE case_id = ?", bind("CASE-" + std::to_string(id)),
      bind(id), now;
  return select(session, "WHERE c.case_id = " + std::to_string(id), "").front();
}

Result<ServiceCase> CaseBook::forStep(Poco::Data::Session& session, const std::string& number) {
  const bool postgresql = store::sessionDialect(session) == store::Dialect::postgresql;
  auto found = select(session, std::string("WHERE c.case_number = ?") + (postgresql ? " FOR UPDATE OF c" : ""), number);
  if (found.empty()) return Problem{ProblemCode::unknown_case, "case", "no service case has number '" + number + "'"};
  return found.front();
}

Result<ServiceCase> CaseBook::respond(store::Transaction& transaction, const std::string& number,
                                      const std::string& at) {
  Poco::Data::Session& session = transaction.session();
  if (!storedTimestamp(at, false) || *storedTimestamp(at, false) != at) {
    return Problem{ProblemCode::invalid_timestamp, "at", "'" + at + "' is not a stored timestamp"};
  }
  const auto found = forStep(session, number);
  if (!found) return found.problems();
  const ServiceCase& c = found.value();
  if (c.resolvedAt) {
    return Problem{ProblemCode::already_resolved, "case", number + " was resolved at " + *c.resolvedAt};
  }
  if (c.firstResponseAt) {
    return Problem{ProblemCode::already_responded, "case", number + " had its first response at " + *c.firstResponseAt};
  }
  if (at < c.openedAt) {
    return Problem{ProblemCode::time_goes_backwards, "at",
                   "a response at " + at + " would come before the opening at " + c.openedAt};
  }
  session << "UPDATE service_case SET first_response_at = ? WHERE case_id = ?", bind(at), bind(c.id), now;
  ServiceCase updated = c;
  updated.firstResponseAt = at;
  return updated;
}

Result<ServiceCase> CaseBook::resolve(store::Transaction& transaction, const std::string& number,
                                      const std::string& at, const std::string& remedialAction) {
  Poco::Data::Session& session = transaction.session();
  std::vector<Problem> problems;
  if (!storedTimestamp(at, false) || *storedTimestamp(at, false) != at) {
    problems.push_back({ProblemCode::invalid_timestamp, "at", "'" + at + "' is not a stored timestamp"});
  }
  if (remedialAction.find_first_not_of(" \t") == std::string::npos) {
    problems.push_back({ProblemCode::missing_field, "remedial_action", "say what was done to resolve the case"});
  }
  if (!problems.empty()) return problems;
  const auto found = forStep(session, number);
  if (!found) return found.problems();
  const ServiceCase& c = found.value();
  if (c.resolvedAt) return Problem{ProblemCode::already_resolved, "case", number + " was resolved at " + *c.resolvedAt};
  const std::string& after = c.firstResponseAt.value_or(c.openedAt);
  if (at < after) {
    return Problem{ProblemCode::time_goes_backwards, "at",
                   "a resolution at " + at + " would come before the " +
                       (c.firstResponseAt ? "first response" : "opening") + " at " + after};
  }
  session << "UPDATE service_case SET resolved_at = ?, remedial_action = ?, "
             "first_response_at = COALESCE(first_response_at, ?) WHERE case_id = ?",
      bind(at), bind(remedialAction), bind(at), bind(c.id), now;
  ServiceCase updated = c;
  updated.resolvedAt = at;
  updated.remedialAction = remedialAction;
  if (!updated.firstResponseAt) updated.firstResponseAt = at;
  return updated;
}

std::optional<ServiceCase> CaseBook::find(const std::string& number) {
  auto found = select(session_, "WHERE c.case_number = ?", number);
  if (found.empty()) return std::nullopt;
  return found.front();
}

Result<std::vector<ServiceCase>> CaseBook::list(const CaseFilter& filter, const std::string& at) {
  std::string where = "WHERE 1 = 1";
  if (filter.customerCode) {
    const auto ref = findCustomerRef(session_, *filter.customerCode);
    if (!ref) return Problem{ProblemCode::unknown_customer, "customer", "no customer has code '" + *filter.customerCode + "'"};
    where += " AND c.customer_id IN " + sqlIdList(identityMembers(session_, ref->id));
  }
  if (filter.kind) where += std::string(" AND c.kind = '") + caseKindName(*filter.kind) + "'";
  if (filter.openOnly) where += " AND c.resolved_at IS NULL";
  std::vector<ServiceCase> cases = select(session_, where + " ORDER BY c.opened_at, c.case_id", "");
  if (filter.outsideSlaOnly) std::erase_if(cases, [&](const ServiceCase& c) { return !c.outsideSla(at); });
  return cases;
}

}  // namespace crm
