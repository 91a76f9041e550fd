// Days and timestamps as the customer tables store them (ISO-8601 UTC text, days as
// 'YYYY-MM-DD'): parsing what people and files write, and the arithmetic SLA due times, recency
// and "no purchase in N months" need. Done here, not in SQL, so both backends agree.
#pragma once

#include <optional>
#include <string>

namespace crm {

// "2026-10-01T08:30:00.000Z", "2026-10-01T08:30:00Z", "2026-10-01T08:30Z" or, when dayAllowed,
// "2026-10-01" (midnight) -> the stored form "2026-10-01T08:30:00.000Z". Empty when not a real
// date and time in one of these forms.
std::optional<std::string> storedTimestamp(const std::string& text, bool dayAllowed = true);

// True for "YYYY-MM-DD" naming a real calendar day.
bool isDay(const std::string& text);

// The stored timestamp `hours` later.
std::string addHours(const std::string& timestamp, int hours);
// Hours from one stored timestamp to another (negative when `to` comes first).
double hoursBetween(const std::string& from, const std::string& to);

// The day `months` later (or earlier when negative), clamped to the end of a shorter month:
// 2026-03-31 minus one month is 2026-02-28.
std::string addMonths(const std::string& day, int months);
// Days from one day to another (negative when `to` comes first).
long daysBetween(const std::string& fromDay, const std::string& toDay);

// Today in UTC, "YYYY-MM-DD".
std::string today();

}  // namespace crm
