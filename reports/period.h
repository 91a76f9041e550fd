// The reporting periods clients ask for: a month ("2026-10"), a quarter ("2026Q3") or a year
// ("2026"), as half-open date ranges, with the periods a report compares against.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reports {

enum class PeriodKind { month, quarter, year };

struct Period {
  PeriodKind kind = PeriodKind::month;
  int year = 0;
  int index = 1;      // month 1-12 or quarter 1-4; 1 for a year
  std::string start;  // first day, "2026-07-01"
  std::string end;    // the day after the last, "2026-10-01"

  std::string label() const;  // "2026-10", "2026Q3", "2026"
  Period previous() const;    // the period just before, of the same kind
  Period yearBefore() const;  // the same period a year earlier
  std::vector<Period> months() const;  // the months it spans, in order
};

// "2026-10", "2026Q3" (or "2026-Q3"), "2026"; empty when the text is none of these.
std::optional<Period> parsePeriod(const std::string& text);
Period monthPeriod(int year, int month);
Period quarterPeriod(int year, int quarter);
Period yearPeriod(int year);

}  // namespace reports
