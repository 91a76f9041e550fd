#include "cli/crm_options.h"

#include "cli/command.h"
#include "crm/calendar.h"

#include <cctype>
#include <cstdio>

namespace cli {

std::int64_t parseMoney(const std::string& option, const std::string& text) {
  const auto dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
  auto digits = [](const std::string& part) {
    for (char c : part) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
  };
  if (whole.empty() || whole.size() > 15 || !digits(whole) || fraction.size() > 2 || !digits(fraction) ||
      (dot != std::string::npos && fraction.empty())) {
    throw UsageError("--" + option + ": '" + text + "' is not an amount like 1500 or 1500.50");
  }
  std::int64_t cents = std::stoll(whole) * 100;
  if (!fraction.empty()) cents += std::stoll(fraction) * (fraction.size() == 1 ? 10 : 1);
  return cents;
}

std::string formatMoney(std::int64_t cents) {
  const std::int64_t magnitude = cents < 0 ? -cents : cents;
  char text[40];
  std::snprintf(text, sizeof text, "%s%lld.%02lld", cents < 0 ? "-" : "", static_cast<long long>(magnitude / 100),
                static_cast<long long>(magnitude % 100));
  return text;
}

std::string parseDay(const std::string& option, const std::string& text) {
  if (!crm::isDay(text)) throw UsageError("--" + option + ": '" + text + "' is not a day (YYYY-MM-DD)");
  return text;
}

std::string parseTime(const std::string& option, const std::string& text) {
  const auto stored = crm::storedTimestamp(text);
  if (!stored) throw UsageError("--" + option + ": '" + text + "' is not a UTC time (2026-10-01T08:30:00Z) or a day");
  return *stored;
}

crm::Period periodOf(const std::optional<std::string>& from, const std::optional<std::string>& to) {
  const std::string today = crm::today();
  return {from.value_or(crm::addMonths(to.value_or(today), -12)), to.value_or(today)};
}

std::string formatHours(double hours) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1fh", hours);
  return text;
}

}  // namespace cli
