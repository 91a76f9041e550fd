// What a customer bought, through merges: each sale and return with its time, amount and
// quantity, and the recency, frequency and monetary value of a period. Reads what the sales
// ledger (crm/sales_ledger.h) records; never writes sales.
#pragma once

#include "crm/period.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct Purchase {
  std::int64_t saleId = 0;
  std::string occurredAt, businessDay;
  std::string kind;          // sale or return
  std::string recordedAs;    // the customer code the sale was recorded under (before any merge)
  std::optional<std::string> storeCode, dealerCode;
  std::int64_t amountCents = 0;  // negative for returns
  double quantity = 0;           // sum of the lines; negative for returned goods
};

struct PurchaseSummary {
  std::int64_t purchases = 0, returns = 0;  // frequency: sales, not returns
  std::int64_t netAmountCents = 0;          // monetary: sales minus returns
  double quantity = 0;
  std::optional<std::string> firstPurchaseDay, lastPurchaseDay;
  std::optional<long> recencyDays;  // from the last purchase to the as-of day
};

class PurchaseHistory {
 public:
  explicit PurchaseHistory(Poco::Data::Session& session) : session_(session) {}

  // The customer's sales and returns in the period, oldest first, including those recorded
  // under customers merged into it.
  std::vector<Purchase> purchases(std::int64_t customerId, const Period& period);
  // Recency is measured to `asOfDay`.
  PurchaseSummary summary(std::int64_t customerId, const Period& period, const std::string& asOfDay);

 private:
  Poco::Data::Session& session_;
};

}  // namespace crm
