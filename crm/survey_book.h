// Survey answers: CSAT (1-5), NPS (0-10) and the exit survey of customers who left (why). The
// one place that writes survey_response; an answer is recorded once per source key, so
// importing the same export twice adds nothing.
#pragma once

#include "crm/result.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct SurveyResponse {
  std::string sourceKey;  // the survey tool's response id: unique across imports
  std::string customer;   // party code, else loyalty id, else e-mail (CustomerRegistry's keys)
  std::string survey;     // csat, nps or exit
  std::string answeredAt;
  std::optional<int> score;
  std::optional<std::string> lostReason, comment;
};

struct RecordedSurvey {
  std::string survey, answeredAt, recordedAs;
  std::optional<int> score;
  std::optional<std::string> lostReason, comment;
};

class SurveyBook {
 public:
  explicit SurveyBook(Poco::Data::Session& session) : session_(session) {}

  // True when recorded, false when its source key was recorded before. Refused: missing key,
  // unknown customer, unknown survey, score out of range, exit without reason, bad time.
  Result<bool> record(store::Transaction& transaction, const SurveyResponse& response);
  // The customer's answers, through merges, newest first.
  std::vector<RecordedSurvey> of(std::int64_t customerId);

 private:
  Poco::Data::Session& session_;
};

}  // namespace crm
