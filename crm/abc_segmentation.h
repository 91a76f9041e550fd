// ABC (Pareto) classes of customers by the margin they brought in a period: the few that make
// most of it (A), the next (B), the many that make little (C). docs/CRM.md has the definition.
#pragma once

#include "crm/period.h"
#include "crm/result.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct AbcOptions {
  Period period;
  // Cumulative shares of the total margin, in percent: A up to aCutoff, B up to bCutoff.
  double aCutoffPercent = 80, bCutoffPercent = 95;
  // Only the lines of this manufacturer's products (a client's service report); all when empty.
  std::optional<std::int64_t> manufacturerId = std::nullopt;
};

struct AbcRow {
  std::int64_t customerId = 0;  // the customer that stands for its merged records
  std::string code, name;
  std::int64_t marginCents = 0;     // amount - cost over lines whose cost is known, returns netted
  std::int64_t uncostedCents = 0;   // amount of lines without a cost: left out of the margin
  std::int64_t marginBeforeCents = 0;  // positive margin of the customers ranked before this one
  std::int64_t totalMarginCents = 0;   // positive margin of all customers
  char abcClass = 'C';
};

class AbcSegmentation {
 public:
  explicit AbcSegmentation(Poco::Data::Session& session) : session_(session) {}

  // Customers with sales in the period, by margin descending (ties by code). Refused: a period
  // that is not two days in order, cutoffs not 0 < A <= B <= 100.
  Result<std::vector<AbcRow>> classify(const AbcOptions& options);

 private:
  Poco::Data::Session& session_;
};

// Checks a period's days; empty when fine. Shared by the segmentations.
std::vector<Problem> checkPeriod(const Period& period);

}  // namespace crm
