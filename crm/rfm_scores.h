// RFM scores: how recently, how often and for how much each customer bought in a period, each
// as a quintile score 1 (lowest fifth) to 5 (highest). docs/CRM.md has the definition and the
// tie rule.
#pragma once

#include "crm/period.h"
#include "crm/result.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>
#include <vector>

namespace crm {

struct RfmRow {
  std::int64_t customerId = 0;  // the customer that stands for its merged records
  std::string code, name;
  std::string lastPurchaseDay;   // the last sale (not return) in the period
  long recencyDays = 0;          // from the last purchase to the period's end (its excluded day)
  std::int64_t frequency = 0;    // sales (not returns) in the period
  std::int64_t monetaryCents = 0;  // sales minus returns in the period
  int recencyScore = 0, frequencyScore = 0, monetaryScore = 0;
};

class RfmScores {
 public:
  explicit RfmScores(Poco::Data::Session& session) : session_(session) {}

  // Customers with at least one sale in the period, by code.
  Result<std::vector<RfmRow>> score(const Period& period);

 private:
  Poco::Data::Session& session_;
};

}  // namespace crm
