#include "crm/rfm_scores.h"

#include "crm/abc_segmentation.h"
#include "crm/calendar.h"

using namespace Poco::Data::Keywords;

namespace crm {

Result<std::vector<RfmRow>> RfmScores::score(const Period& period) {
  if (auto problems = checkPeriod(period); !problems.empty()) return problems;
  // score = 1 + floor(5 * (rank - 1) / n), rank = RANK() ascending: equal values share the
  // lowest rank of their group, so ties always get the same score and a quintile boundary never
  // splits them. Recency ranks by the last purchase day: the most recent buyers score 5.
  std::vector<std::int64_t> id, frequency, monetary, r, f, m;
  std::vector<std::string> code, name, lastDay;
  session_ << "WITH per_customer AS ("
              " SELECT COALESCE(cp.merged_into, s.customer_id) AS customer_id,"
              "  MAX(CASE WHEN s.kind = 'sale' THEN s.business_day END) AS last_day,"
              "  CAST(SUM(CASE WHEN s.kind = 'sale' THEN 1 ELSE 0 END) AS BIGINT) AS frequency,"
              "  CAST(SUM(s.total_cents) AS BIGINT) AS monetary"
              " FROM sale s LEFT JOIN customer_profile cp ON cp.party_id = s.customer_id"
              " WHERE s.customer_id IS NOT NULL AND s.business_day >= ? AND s.business_day < ?"
              " GROUP BY COALESCE(cp.merged_into, s.customer_id)"
              " HAVING SUM(CASE WHEN s.kind = 'sale' THEN 1 ELSE 0 END) > 0),"
              " ranked AS ("
              " SELECT customer_id, last_day, frequency, monetary, COUNT(*) OVER () AS n,"
              "  RANK() OVER (ORDER BY last_day) AS r_rank, RANK() OVER (ORDER BY frequency) AS f_rank,"
              "  RANK() OVER (ORDER BY monetary) AS m_rank FROM per_customer)"
              " SELECT k.customer_id, p.party_code, p.name, k.last_day, k.frequency, k.monetary,"
              "  CAST(1 + (5 * (k.r_rank - 1)) / k.n AS BIGINT), CAST(1 + (5 * (k.f_rank - 1)) / k.n AS BIGINT),"
              "  CAST(1 + (5 * (k.m_rank - 1)) / k.n AS BIGINT)"
              " FROM ranked k JOIN party p ON p.party_id = k.customer_id ORDER BY p.party_code",
      bind(period.from), bind(period.to), into(id), into(code), into(name), into(lastDay), into(frequency),
      into(monetary), into(r), into(f), into(m), now;
  std::vector<RfmRow> rows(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    rows[i] = {id[i], code[i], name[i], lastDay[i], daysBetween(lastDay[i], period.to), frequency[i], monetary[i],
               static_cast<int>(r[i]), static_cast<int>(f[i]), static_cast<int>(m[i])};
  }
  return rows;
}

}  // namespace crm
