#include "crm/survey_book.h"

#include "crm/calendar.h"
#include "crm/customer_identity.h"
#include "crm/customer_registry.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

template <typename T>
Poco::Nullable<T> nullable(const std::optional<T>& value) {
  return value ? Poco::Nullable<T>(*value) : Poco::Nullable<T>();
}

}  // namespace

Result<bool> SurveyBook::record(store::Transaction& transaction, const SurveyResponse& response) {
  Poco::Data::Session& session = transaction.session();
  std::vector<Problem> problems;
  if (response.sourceKey.empty()) {
    problems.push_back({ProblemCode::missing_field, "source_key", "each answer needs the survey tool's response id"});
  }
  const auto answeredAt = storedTimestamp(response.answeredAt);
  if (!answeredAt) {
    problems.push_back({ProblemCode::invalid_timestamp, "answered_at",
                        "'" + response.answeredAt + "' is not an ISO-8601 UTC time or a day"});
  }
  if (response.survey == "csat") {
    if (!response.score || *response.score < 1 || *response.score > 5) {
      problems.push_back({ProblemCode::invalid_value, "score", "a CSAT score is 1 to 5"});
    }
  } else if (response.survey == "nps") {
    if (!response.score || *response.score < 0 || *response.score > 10) {
      problems.push_back({ProblemCode::invalid_value, "score", "an NPS score is 0 to 10"});
    }
  } else if (response.survey == "exit") {
    if (!response.lostReason || response.lostReason->empty()) {
      problems.push_back({ProblemCode::missing_field, "lost_reason", "an exit survey says why the customer left"});
    }
  } else {
    problems.push_back({ProblemCode::invalid_value, "survey", "'" + response.survey + "' is not csat, nps or exit"});
  }
  std::optional<std::int64_t> customerId;
  if (response.customer.empty()) {
    problems.push_back({ProblemCode::missing_field, "customer", "each answer names its customer"});
  } else if (const auto ref = findCustomerRef(session, response.customer); ref && ref->customer) {
    customerId = ref->id;
  } else {
    // Survey tools often know the loyalty card or the e-mail rather than our code.
    CustomerCandidate candidate;
    candidate.loyaltyId = response.customer;
    if (response.customer.find('@') != std::string::npos) candidate.email = response.customer;
    customerId = CustomerRegistry(session).match(candidate);
    if (!customerId) {
      problems.push_back({ProblemCode::unknown_customer, "customer",
                          "no customer has code, loyalty id or e-mail '" + response.customer + "'"});
    }
  }
  if (!problems.empty()) return problems;
  // A score on an exit survey is not kept: the schema allows none, and it would be read as CSAT.
  Poco::Nullable<int> score;
  if (response.survey != "exit" && response.score) score = *response.score;
  std::vector<std::int64_t> inserted;
  session << "INSERT INTO survey_response (source_key, customer_id, survey, answered_at, score, lost_reason, comment) "
             "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING response_id",
      bind(response.sourceKey), bind(*customerId), bind(response.survey), bind(*answeredAt), bind(score),
      bind(nullable(response.lostReason)), bind(nullable(response.comment)), into(inserted), now;
  return !inserted.empty();
}

std::vector<RecordedSurvey> SurveyBook::of(std::int64_t customerId) {
  std::vector<std::string> survey, answeredAt, recordedAs;
  std::vector<Poco::Nullable<int>> score;
  std::vector<Poco::Nullable<std::string>> reason, comment;
  Poco::Data::Statement select(session_);
  select << "SELECT r.survey, r.answered_at, p.party_code, r.score, r.lost_reason, r.comment FROM survey_response r "
            "JOIN party p ON p.party_id = r.customer_id WHERE r.customer_id IN " +
                sqlIdList(identityMembers(session_, customerId)) + " ORDER BY r.answered_at DESC, r.response_id DESC",
      into(survey), into(answeredAt), into(recordedAs), into(score), into(reason), into(comment);
  select.execute();
  std::vector<RecordedSurvey> rows(survey.size());
  for (std::size_t i = 0; i < survey.size(); ++i) {
    rows[i] = {survey[i], answeredAt[i], recordedAs[i], {}, {}, {}};
    if (!score[i].isNull()) rows[i].score = score[i].value();
    if (!reason[i].isNull()) rows[i].lostReason = reason[i].value();
    if (!comment[i].isNull()) rows[i].comment = comment[i].value();
  }
  return rows;
}

}  // namespace crm
