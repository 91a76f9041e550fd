#include "reports/customer_section.h"

#include "crm/abc_segmentation.h"
#include "crm/calendar.h"

#include <Poco/Exception.h>
#include <Poco/Nullable.h>

#include <algorithm>
#include <map>

using namespace Poco::Data::Keywords;

namespace reports {
namespace {

void keyCustomers(Poco::Data::Session& session, const AfterSalesScope& scope, CustomerSection& section) {
  crm::AbcOptions options;
  options.period = {scope.start, scope.end};
  options.manufacturerId = scope.clientId;
  const auto classified = crm::AbcSegmentation(session).classify(options);
  // The period comes from reports::Period and the cutoffs are the defaults: a refusal is a bug.
  if (!classified.ok()) throw Poco::LogicException("ABC segmentation refused the report's period");
  const std::vector<crm::AbcRow>& rows = classified.value();
  section.classes = {{"A", "A", 0, 0, {}}, {"B", "B", 0, 0, {}}, {"C", "C", 0, 0, {}}};
  std::int64_t positive = 0;
  for (const crm::AbcRow& row : rows) {
    BreakdownRow& klass = section.classes[row.abcClass == 'A' ? 0 : row.abcClass == 'B' ? 1 : 2];
    ++klass.count;
    klass.quantity += static_cast<double>(row.marginCents);
    positive = row.totalMarginCents;
  }
  setShares(section.classes);
  for (std::size_t i = 0; i < rows.size() && i < kTopCustomers; ++i) {
    KeyCustomer customer{rows[i].code, rows[i].name, rows[i].abcClass, rows[i].marginCents, std::nullopt};
    if (positive > 0 && rows[i].marginCents > 0) {
      customer.marginShare = static_cast<double>(rows[i].marginCents) / static_cast<double>(positive);
    }
    section.topCustomers.push_back(customer);
  }
  section.kpis.push_back(totalKpi("customers_with_sales", "Customers with sales",
                                  "Customers (merged ones as one) with a sale or return in the period.", "customers",
                                  static_cast<double>(rows.size())));
  section.kpis.push_back(totalKpi("key_customers", "Key customers (class A)",
                                  "Customers of class A: ranked by margin, those before whom less than 80 % of the "
                                  "period's positive margin is reached (docs/CRM.md).",
                                  "customers", static_cast<double>(section.classes[0].count)));
  section.kpis.push_back(rateKpi("key_customer_margin_rate", "Margin of key customers",
                                 "Margin of the class A customers over the positive margin of all customers.",
                                 "margin of class A (cents)", "positive margin of all customers (cents)",
                                 "Sale lines without a cost (their amount is reported as uncosted by crm).", "cents",
                                 section.classes[0].quantity, static_cast<double>(positive)));
}

void lostCustomers(Poco::Data::Session& session, const AfterSalesScope& scope, CustomerSection& section) {
  // Lost in the period: the last purchase came N months before a day of the period, i.e. it
  // falls in [start - N months, end - N months) with nothing bought after it up to the end.
  // Only the sales from start - N months on are read: bounded by the period and N.
  std::string from = crm::addMonths(scope.start, -scope.lostAfterMonths);
  std::string until = crm::addMonths(scope.end, -scope.lostAfterMonths);
  std::string start = scope.start, end = scope.end;
  const std::string purchases =
      "SELECT COALESCE(cp.merged_into, s.customer_id) AS customer_id, s.business_day FROM sale s"
      " LEFT JOIN customer_profile cp ON cp.party_id = s.customer_id"
      " WHERE s.customer_id IS NOT NULL AND s.kind = 'sale' AND s.business_day >= ? AND s.business_day < ?" +
      (scope.clientId ? " AND EXISTS (SELECT 1 FROM sale_line l WHERE l.sale_id = s.sale_id" +
                            clientProduct(scope, "l.product_id") + ")"
                      : std::string());
  session << "SELECT count(DISTINCT customer_id) FROM (" + purchases + ") b", bind(from), bind(start),
      into(section.customersAtStart), now;

  std::vector<std::string> code, name, firstDay, lastDay;
  std::vector<Poco::Nullable<std::string>> reason;
  session << "WITH last_purchase AS (SELECT customer_id, MIN(business_day) AS first_day, MAX(business_day) AS"
                 " last_day FROM (" + purchases + ") b GROUP BY customer_id HAVING MAX(business_day) < ?),"
                 " exits AS (SELECT COALESCE(cp.merged_into, r.customer_id) AS customer_id, r.lost_reason,"
                 "  ROW_NUMBER() OVER (PARTITION BY COALESCE(cp.merged_into, r.customer_id)"
                 "   ORDER BY r.answered_at DESC, r.response_id DESC) AS k"
                 " FROM survey_response r LEFT JOIN customer_profile cp ON cp.party_id = r.customer_id"
                 " WHERE r.survey = 'exit' AND r.answered_at < ?)"
                 " SELECT p.party_code, p.name, l.first_day, l.last_day, e.lost_reason"
                 " FROM last_purchase l JOIN party p ON p.party_id = l.customer_id"
                 " LEFT JOIN exits e ON e.customer_id = l.customer_id AND e.k = 1"
                 " ORDER BY l.last_day, p.party_code",
      bind(from), bind(end), bind(until), bind(end), into(code), into(name), into(firstDay), into(lastDay),
      into(reason), now;
  section.lost = static_cast<std::int64_t>(code.size());
  std::map<std::string, std::int64_t> reasons;
  std::int64_t unanswered = 0, lostOfThoseAtStart = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    // With N shorter than the period, a customer may start buying in it and be lost by its end.
    lostOfThoseAtStart += firstDay[i] < start ? 1 : 0;
    LostCustomerRow row{code[i], name[i], lastDay[i], std::nullopt};
    if (!reason[i].isNull()) row.reason = reason[i].value();
    if (row.reason) {
      ++reasons[*row.reason];
    } else {
      ++unanswered;
    }
    if (section.lostCustomers.size() < kLostListed) section.lostCustomers.push_back(row);
  }
  for (const auto& [text, count] : reasons) section.lostReasons.push_back({text, text, count, 0, {}});
  std::stable_sort(section.lostReasons.begin(), section.lostReasons.end(),
                   [](const BreakdownRow& a, const BreakdownRow& b) { return a.count > b.count; });
  if (unanswered > 0) section.lostReasons.push_back({"", "(no exit survey)", unanswered, 0, {}});
  setShares(section.lostReasons);

  const std::string months = std::to_string(scope.lostAfterMonths);
  section.kpis.push_back(totalKpi("lost_customers", "Lost customers",
                                  "Customers whose last purchase came " + months +
                                      " months before a day of the period, with none after it.",
                                  "customers", static_cast<double>(section.lost)));
  section.kpis.push_back(rateKpi("churn_rate", "Churn",
                                 "Customers lost in the period over the customers at its start (a purchase in the " +
                                     months + " months before it).",
                                 "customers at the start lost in the period", "customers at the period's start",
                                 "Returns (a POS return is not a purchase); customers whose first purchase in the " +
                                     months + " months before the period's end came inside it.",
                                 "customers", static_cast<double>(lostOfThoseAtStart),
                                 static_cast<double>(section.customersAtStart)));
}

}  // namespace

CustomerSection buildCustomerSection(Poco::Data::Session& session, const AfterSalesScope& scope) {
  CustomerSection section;
  keyCustomers(session, scope, section);
  lostCustomers(session, scope, section);
  return section;
}

}  // namespace reports
