// A period of business days, half-open: from `from` up to but not including `to` ("2026-01-01"
// to "2027-01-01" is the year 2026), so consecutive periods neither overlap nor leave gaps.
#pragma once

#include <string>

namespace crm {

struct Period {
  std::string from;  // YYYY-MM-DD, included
  std::string to;    // YYYY-MM-DD, excluded
};

}  // namespace crm
