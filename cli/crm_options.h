// What the customer, case, survey and segment commands parse and print alike: days, times,
// periods and money as people type and read them.
#pragma once

#include "crm/period.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cli {

// "1234", "1234.5", "1234.56" (units of the currency) -> cents; throws UsageError otherwise.
std::int64_t parseMoney(const std::string& option, const std::string& text);
// 123456 -> "1234.56", -5 -> "-0.05".
std::string formatMoney(std::int64_t cents);
// A day (YYYY-MM-DD); throws UsageError otherwise.
std::string parseDay(const std::string& option, const std::string& text);
// A time as the tables store it, from "2026-10-01T08:30:00Z" (seconds and milliseconds
// optional) or a day (midnight UTC); throws UsageError otherwise.
std::string parseTime(const std::string& option, const std::string& text);
// --from/--to as given, else the twelve months before today: [today - 12 months, today).
crm::Period periodOf(const std::optional<std::string>& from, const std::optional<std::string>& to);
// Hours with one decimal: "26.5h".
std::string formatHours(double hours);

}  // namespace cli
