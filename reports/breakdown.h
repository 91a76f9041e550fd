// A row of a section's breakdown (return reasons, dispositions, lost customers' reasons): what
// it counts, how many, and its share of the section's whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reports {

struct BreakdownRow {
  std::string key;    // stable: a reason code, "recycle"
  std::string label;  // for people
  std::int64_t count = 0;
  double quantity = 0;          // units or margin, where the breakdown states one; else 0
  std::optional<double> share;  // count over the counts of all rows; empty when they are 0
};

// Sets each row's share of the rows' total count.
void setShares(std::vector<BreakdownRow>& rows);

}  // namespace reports
