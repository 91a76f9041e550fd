// Days since 1970-01-01 to a calendar date, for the bench generators, which write dates by the
// million and need neither time zones nor a library's parsing (Howard Hinnant's civil_from_days).
#pragma once

namespace bench {

inline void civil(long days, int& y, int& m, int& d) {
  days += 719468;
  const long era = days / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

}  // namespace bench
