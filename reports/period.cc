#include "reports/period.h"

#include <cstdio>

namespace reports {
namespace {

std::string day(int year, int month) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-01", year, month);
  return text;
}

bool digits(const std::string& text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) return false;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

Period monthPeriod(int year, int month) {
  Period p{PeriodKind::month, year, month, day(year, month), month == 12 ? day(year + 1, 1) : day(year, month + 1)};
  return p;
}

Period quarterPeriod(int year, int quarter) {
  const int first = (quarter - 1) * 3 + 1;
  return {PeriodKind::quarter, year, quarter, day(year, first), quarter == 4 ? day(year + 1, 1) : day(year, first + 3)};
}

Period yearPeriod(int year) { return {PeriodKind::year, year, 1, day(year, 1), day(year + 1, 1)}; }

std::string Period::label() const {
  char text[16];
  switch (kind) {
    case PeriodKind::month:
      std::snprintf(text, sizeof text, "%04d-%02d", year, index);
      break;
    case PeriodKind::quarter:
      std::snprintf(text, sizeof text, "%04dQ%d", year, index);
      break;
    case PeriodKind::year:
      std::snprintf(text, sizeof text, "%04d", year);
      break;
  }
  return text;
}

Period Period::previous() const {
  switch (kind) {
    case PeriodKind::month:
      return index == 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, index - 1);
    case PeriodKind::quarter:
      return index == 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, index - 1);
    case PeriodKind::year:
      break;
  }
  return yearPeriod(year - 1);
}

Period Period::yearBefore() const {
  switch (kind) {
    case PeriodKind::month:
      return monthPeriod(year - 1, index);
    case PeriodKind::quarter:
      return quarterPeriod(year - 1, index);
    case PeriodKind::year:
      break;
  }
  return yearPeriod(year - 1);
}

std::vector<Period> Period::months() const {
  const int first = kind == PeriodKind::month ? index : kind == PeriodKind::quarter ? (index - 1) * 3 + 1 : 1;
  const int count = kind == PeriodKind::month ? 1 : kind == PeriodKind::quarter ? 3 : 12;
  std::vector<Period> out;
  for (int m = first; m < first + count; ++m) out.push_back(monthPeriod(year, m));
  return out;
}

std::optional<Period> parsePeriod(const std::string& text) {
  if (!digits(text, 0, 4)) return std::nullopt;
  const int year = std::stoi(text.substr(0, 4));
  if (year < 1900 || year > 9999) return std::nullopt;
  if (text.size() == 4) return yearPeriod(year);
  if (text.size() == 7 && text[4] == '-' && digits(text, 5, 2)) {
    const int month = std::stoi(text.substr(5, 2));
    if (month >= 1 && month <= 12) return monthPeriod(year, month);
    return std::nullopt;
  }
  const std::size_t q = text[4] == '-' ? 5 : 4;
  if (text.size() == q + 2 && (text[q] == 'Q' || text[q] == 'q') && text[q + 1] >= '1' && text[q + 1] <= '4') {
    return quarterPeriod(year, text[q + 1] - '0');
  }
  return std::nullopt;
}

}  // namespace reports
