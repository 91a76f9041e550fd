#include "demo/decimal_text.h"

#include <cstdio>

namespace demo {

std::string amountText(std::int64_t cents) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return buffer;
}

std::string weightText(double kg) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", kg);
  return buffer;
}

}  // namespace demo
