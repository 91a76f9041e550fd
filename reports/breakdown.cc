#include "reports/breakdown.h"

namespace reports {

void setShares(std::vector<BreakdownRow>& rows) {
  std::int64_t total = 0;
  for (const BreakdownRow& row : rows) total += row.count;
  for (BreakdownRow& row : rows) {
    row.share.reset();
    if (total > 0) row.share = static_cast<double>(row.count) / static_cast<double>(total);
  }
}

}  // namespace reports
