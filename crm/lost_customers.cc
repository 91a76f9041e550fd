#include "crm/lost_customers.h"

#include "crm/calendar.h"

#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {

Result<std::vector<LostCustomer>> LostCustomers::list(int months, const std::string& asOfDay) {
  std::vector<Problem> problems;
  if (months < 1) problems.push_back({ProblemCode::invalid_value, "months", "a customer is lost after 1 month or more"});
  if (!isDay(asOfDay)) problems.push_back({ProblemCode::invalid_value, "as_of", "'" + asOfDay + "' is not a day (YYYY-MM-DD)"});
  if (!problems.empty()) return problems;
  const std::string cutoff = addMonths(asOfDay, -months);

  std::vector<std::int64_t> id;
  std::vector<std::string> code, name, lastDay;
  std::vector<Poco::Nullable<std::string>> reason, answeredAt;
  session_ << "WITH last_purchase AS ("
              " SELECT COALESCE(cp.merged_into, s.customer_id) AS customer_id, MAX(s.business_day) AS last_day"
              " FROM sale s LEFT JOIN customer_profile cp ON cp.party_id = s.customer_id"
              " WHERE s.customer_id IS NOT NULL AND s.kind = 'sale' AND s.business_day <= ?"
              " GROUP BY COALESCE(cp.merged_into, s.customer_id)"
              " HAVING MAX(s.business_day) < ?),"
              " exits AS ("
              " SELECT COALESCE(cp.merged_into, r.customer_id) AS customer_id, r.lost_reason, r.answered_at,"
              "  ROW_NUMBER() OVER (PARTITION BY COALESCE(cp.merged_into, r.customer_id)"
              "   ORDER BY r.answered_at DESC, r.response_id DESC) AS k"
              " FROM survey_response r LEFT JOIN customer_profile cp ON cp.party_id = r.customer_id"
              " WHERE r.survey = 'exit')"
              " SELECT l.customer_id, p.party_code, p.name, l.last_day, e.lost_reason, e.answered_at"
              " FROM last_purchase l JOIN party p ON p.party_id = l.customer_id"
              " LEFT JOIN exits e ON e.customer_id = l.customer_id AND e.k = 1"
              " ORDER BY l.last_day, p.party_code",
      bind(asOfDay), bind(cutoff), into(id), into(code), into(name), into(lastDay), into(reason), into(answeredAt), now;
  std::vector<LostCustomer> rows(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    rows[i] = {id[i], code[i], name[i], lastDay[i], daysBetween(lastDay[i], asOfDay), {}, {}};
    if (!reason[i].isNull()) rows[i].lostReason = reason[i].value();
    if (!answeredAt[i].isNull()) rows[i].exitAnsweredAt = answeredAt[i].value();
  }
  return rows;
}

}  // namespace crm
