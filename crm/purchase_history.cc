#include "crm/purchase_history.h"

#include "crm/calendar.h"
#include "crm/customer_identity.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {

std::vector<Purchase> PurchaseHistory::purchases(std::int64_t customerId, const Period& period) {
  const std::string members = sqlIdList(identityMembers(session_, customerId));
  std::vector<std::int64_t> id, amount;
  std::vector<std::string> occurredAt, day, kind, recordedAs;
  std::vector<Poco::Nullable<std::string>> store, dealer;
  std::vector<double> quantity;
  Poco::Data::Statement select(session_);
  select << "SELECT s.sale_id, s.occurred_at, s.business_day, s.kind, p.party_code, s.store_code, d.party_code, "
            "s.total_cents, COALESCE((SELECT SUM(l.quantity) FROM sale_line l WHERE l.sale_id = s.sale_id), 0) "
            "FROM sale s JOIN party p ON p.party_id = s.customer_id LEFT JOIN party d ON d.party_id = s.dealer_id "
            "WHERE s.customer_id IN " + members + " AND s.business_day >= ? AND s.business_day < ? "
            "ORDER BY s.occurred_at, s.sale_id",
      bind(period.from), bind(period.to), into(id), into(occurredAt), into(day), into(kind), into(recordedAs),
      into(store), into(dealer), into(amount), into(quantity);
  select.execute();
  std::vector<Purchase> rows(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    rows[i] = {id[i], occurredAt[i], day[i], kind[i], recordedAs[i], {}, {}, amount[i], quantity[i]};
    if (!store[i].isNull()) rows[i].storeCode = store[i].value();
    if (!dealer[i].isNull()) rows[i].dealerCode = dealer[i].value();
  }
  return rows;
}

PurchaseSummary PurchaseHistory::summary(std::int64_t customerId, const Period& period, const std::string& asOfDay) {
  const std::string members = sqlIdList(identityMembers(session_, customerId));
  std::int64_t purchases = 0, returns = 0, amount = 0;
  double quantity = 0;
  Poco::Nullable<std::string> first, last;
  session_ << "SELECT CAST(COALESCE(SUM(CASE WHEN s.kind = 'sale' THEN 1 ELSE 0 END), 0) AS BIGINT), "
              "CAST(COALESCE(SUM(CASE WHEN s.kind = 'return' THEN 1 ELSE 0 END), 0) AS BIGINT), "
              "CAST(COALESCE(SUM(s.total_cents), 0) AS BIGINT), "
              "MIN(CASE WHEN s.kind = 'sale' THEN s.business_day END), MAX(CASE WHEN s.kind = 'sale' THEN s.business_day END) "
              "FROM sale s WHERE s.customer_id IN " + members + " AND s.business_day >= ? AND s.business_day < ?",
      bind(period.from), bind(period.to), into(purchases), into(returns), into(amount), into(first), into(last), now;
  session_ << "SELECT COALESCE(SUM(l.quantity), 0) FROM sale s JOIN sale_line l ON l.sale_id = s.sale_id "
              "WHERE s.customer_id IN " + members + " AND s.business_day >= ? AND s.business_day < ?",
      bind(period.from), bind(period.to), into(quantity), now;
  PurchaseSummary summary{purchases, returns, amount, quantity, {}, {}, {}};
  if (!first.isNull()) summary.firstPurchaseDay = first.value();
  if (!last.isNull()) {
    summary.lastPurchaseDay = last.value();
    summary.recencyDays = daysBetween(last.value(), asOfDay);
  }
  return summary;
}

}  // namespace crm
