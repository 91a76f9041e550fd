// The customer section of a quarterly or annual report: key customers by ABC class of the margin
// they brought in the period (crm's AbcSegmentation, the client's products only), and the
// customers lost in it, no purchase for N months, with the reasons their exit surveys gave
// (docs/KPI.md, docs/CRM.md).
#pragma once

#include "reports/after_sales_scope.h"
#include "reports/breakdown.h"
#include "reports/kpi.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <string>
#include <vector>

namespace reports {

struct KeyCustomer {
  std::string code, name;
  char abcClass = 'C';
  std::int64_t marginCents = 0;
  std::optional<double> marginShare;  // of the positive margin of all customers
};

struct LostCustomerRow {
  std::string code, name, lastPurchaseDay;
  std::optional<std::string> reason;  // of the latest exit survey
};

struct CustomerSection {
  // Customers (count) and margin (quantity, cents) per class A, B, C.
  std::vector<BreakdownRow> classes;
  std::vector<KeyCustomer> topCustomers;  // by margin, at most kTopCustomers
  std::int64_t customersAtStart = 0, lost = 0;
  std::vector<LostCustomerRow> lostCustomers;  // longest gone first, at most kLostListed
  std::vector<BreakdownRow> lostReasons;       // by exit-survey reason; "(no exit survey)" last
  // customers_with_sales, key_customers, key_customer_margin_rate, lost_customers, churn_rate
  std::vector<Kpi> kpis;
};

inline constexpr std::size_t kTopCustomers = 10, kLostListed = 25;

CustomerSection buildCustomerSection(Poco::Data::Session& session, const AfterSalesScope& scope);

}  // namespace reports
