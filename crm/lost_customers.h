// Lost customers: those who bought before but not in the last N months, with the reason their
// latest exit survey gave when one was answered. docs/CRM.md has the definition.
#pragma once

#include "crm/result.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct LostCustomer {
  std::int64_t customerId = 0;  // the customer that stands for its merged records
  std::string code, name;
  std::string lastPurchaseDay;
  long daysSince = 0;  // from the last purchase to the as-of day
  std::optional<std::string> lostReason, exitAnsweredAt;
};

class LostCustomers {
 public:
  explicit LostCustomers(Poco::Data::Session& session) : session_(session) {}

  // Customers whose last purchase on or before `asOfDay` came before asOfDay minus `months`
  // months, longest gone first (ties by code). Refused: months < 1, a malformed day.
  Result<std::vector<LostCustomer>> list(int months, const std::string& asOfDay);

 private:
  Poco::Data::Session& session_;
};

}  // namespace crm
