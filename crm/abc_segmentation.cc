#include "crm/abc_segmentation.h"

#include "crm/calendar.h"

#include <cmath>

using namespace Poco::Data::Keywords;

namespace crm {

std::vector<Problem> checkPeriod(const Period& period) {
  std::vector<Problem> problems;
  if (!isDay(period.from)) problems.push_back({ProblemCode::invalid_value, "from", "'" + period.from + "' is not a day (YYYY-MM-DD)"});
  if (!isDay(period.to)) problems.push_back({ProblemCode::invalid_value, "to", "'" + period.to + "' is not a day (YYYY-MM-DD)"});
  if (problems.empty() && !(period.from < period.to)) {
    problems.push_back({ProblemCode::invalid_value, "to", "the period ends (" + period.to + ", excluded) before it starts (" +
                                                              period.from + ")"});
  }
  return problems;
}

Result<std::vector<AbcRow>> AbcSegmentation::classify(const AbcOptions& options) {
  std::vector<Problem> problems = checkPeriod(options.period);
  if (!(options.aCutoffPercent > 0 && options.aCutoffPercent <= options.bCutoffPercent &&
        options.bCutoffPercent <= 100)) {
    problems.push_back({ProblemCode::invalid_value, "cutoffs", "cutoffs must satisfy 0 < A <= B <= 100 (percent)"});
  }
  if (!problems.empty()) return problems;
  // Cutoffs in hundredths of a percent, so the comparison stays in exact integers on both backends.
  const std::int64_t aBasis = std::llround(options.aCutoffPercent * 100);
  const std::int64_t bBasis = std::llround(options.bCutoffPercent * 100);

  // One pass over the period's sales and lines, grouped by the customer that stands for each
  // record; the window sums give each customer the positive margin ranked before it. A customer
  // is A while the margin before it is under the A cutoff: the one that crosses it is A too, so
  // class A covers at least the cutoff's share.
  std::vector<std::int64_t> id, margin, uncosted, before, total;
  std::vector<std::string> code, name, klass;
  const std::string manufacturer =
      options.manufacturerId
          ? " AND l.product_id IN (SELECT product_id FROM product WHERE manufacturer_id = " +
                std::to_string(*options.manufacturerId) + ")"
          : "";
  session_ << "WITH margins AS ("
              " SELECT COALESCE(cp.merged_into, s.customer_id) AS customer_id,"
              "  CAST(SUM(CASE WHEN l.cost_cents IS NULL THEN 0 ELSE l.amount_cents - l.cost_cents END) AS BIGINT) AS margin,"
              "  CAST(SUM(CASE WHEN l.cost_cents IS NULL THEN l.amount_cents ELSE 0 END) AS BIGINT) AS uncosted"
              " FROM sale s JOIN sale_line l ON l.sale_id = s.sale_id"
              " LEFT JOIN customer_profile cp ON cp.party_id = s.customer_id"
              " WHERE s.customer_id IS NOT NULL AND s.business_day >= ? AND s.business_day < ?" + manufacturer +
              " GROUP BY COALESCE(cp.merged_into, s.customer_id)),"
              " ranked AS ("
              " SELECT m.customer_id, p.party_code, p.name, m.margin, m.uncosted,"
              "  CAST(COALESCE(SUM(CASE WHEN m.margin > 0 THEN m.margin ELSE 0 END) OVER (ORDER BY m.margin DESC, "
              "p.party_code ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS before_margin,"
              "  CAST(SUM(CASE WHEN m.margin > 0 THEN m.margin ELSE 0 END) OVER () AS BIGINT) AS total_margin"
              " FROM margins m JOIN party p ON p.party_id = m.customer_id)"
              " SELECT customer_id, party_code, name, margin, uncosted, before_margin, total_margin,"
              "  CASE WHEN margin <= 0 THEN 'C' WHEN before_margin * 10000 < ? * total_margin THEN 'A'"
              "  WHEN before_margin * 10000 < ? * total_margin THEN 'B' ELSE 'C' END"
              " FROM ranked ORDER BY margin DESC, party_code",
      bind(options.period.from), bind(options.period.to), bind(aBasis), bind(bBasis), into(id), into(code), into(name),
      into(margin), into(uncosted), into(before), into(total), into(klass), now;
  std::vector<AbcRow> rows(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    rows[i] = {id[i], code[i], name[i], margin[i], uncosted[i], before[i], total[i], klass[i].empty() ? 'C' : klass[i][0]};
  }
  return rows;
}

}  // namespace crm
