#include "exchange/tender_parties.h"

#include <cstdio>

namespace exchange {

std::string fitted(const std::string& text, std::size_t limit) { return text.substr(0, limit); }

std::string decimal(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  std::string text(buffer);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace exchange
