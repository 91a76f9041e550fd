#include "crm/calendar.h"

#include "store/timestamp.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

#include <algorithm>

#include <cctype>

namespace crm {
namespace {

bool digitsAt(const std::string& text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

int number(const std::string& text, std::size_t at, std::size_t count) { return std::stoi(text.substr(at, count)); }

std::optional<Poco::DateTime> parseDay(const std::string& text) {
  if (text.size() != 10 || !digitsAt(text, 0, 4) || text[4] != '-' || !digitsAt(text, 5, 2) || text[7] != '-' ||
      !digitsAt(text, 8, 2)) {
    return std::nullopt;
  }
  const int year = number(text, 0, 4), month = number(text, 5, 2), day = number(text, 8, 2);
  if (!Poco::DateTime::isValid(year, month, day)) return std::nullopt;
  return Poco::DateTime(year, month, day);
}

// The stored form only: "YYYY-MM-DDTHH:MM:SS.mmmZ".
Poco::DateTime parseStored(const std::string& text) {
  return Poco::DateTime(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2), number(text, 11, 2),
                        number(text, 14, 2), number(text, 17, 2), number(text, 20, 3));
}

std::string format(const Poco::DateTime& time) { return store::isoTimestamp(time.timestamp()); }

}  // namespace

std::optional<std::string> storedTimestamp(const std::string& text, bool dayAllowed) {
  const auto day = parseDay(text.substr(0, 10));
  if (!day) return std::nullopt;
  if (text.size() == 10) return dayAllowed ? std::optional<std::string>(format(*day)) : std::nullopt;
  // T HH:MM [:SS [.mmm]] Z
  if (text.size() < 17 || text[10] != 'T' || !digitsAt(text, 11, 2) || text[13] != ':' || !digitsAt(text, 14, 2) ||
      text.back() != 'Z') {
    return std::nullopt;
  }
  int second = 0, millisecond = 0;
  const std::string rest = text.substr(16, text.size() - 17);  // between HH:MM and Z
  if (rest.empty()) {
  } else if (rest.size() == 3 && rest[0] == ':' && digitsAt(rest, 1, 2)) {
    second = number(rest, 1, 2);
  } else if (rest.size() == 7 && rest[0] == ':' && digitsAt(rest, 1, 2) && rest[3] == '.' && digitsAt(rest, 4, 3)) {
    second = number(rest, 1, 2);
    millisecond = number(rest, 4, 3);
  } else {
    return std::nullopt;
  }
  const int hour = number(text, 11, 2), minute = number(text, 14, 2);
  if (!Poco::DateTime::isValid(day->year(), day->month(), day->day(), hour, minute, second, millisecond)) {
    return std::nullopt;
  }
  return format(Poco::DateTime(day->year(), day->month(), day->day(), hour, minute, second, millisecond));
}

bool isDay(const std::string& text) { return parseDay(text).has_value(); }

std::string addHours(const std::string& timestamp, int hours) {
  Poco::DateTime time = parseStored(timestamp);
  time += Poco::Timespan(0, hours, 0, 0, 0);
  return format(time);
}

double hoursBetween(const std::string& from, const std::string& to) {
  const Poco::Timespan span = parseStored(to) - parseStored(from);
  return static_cast<double>(span.totalMilliseconds()) / 3'600'000.0;
}

std::string addMonths(const std::string& day, int months) {
  const Poco::DateTime start = *parseDay(day);
  const int index = start.year() * 12 + (start.month() - 1) + months;
  const int year = index / 12, month = index % 12 + 1;
  const int last = Poco::DateTime::daysOfMonth(year, month);
  return Poco::DateTimeFormatter::format(Poco::DateTime(year, month, std::min(start.day(), last)), "%Y-%m-%d");
}

long daysBetween(const std::string& fromDay, const std::string& toDay) {
  return static_cast<long>((*parseDay(toDay) - *parseDay(fromDay)).days());
}

std::string today() { return Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%d"); }

}  // namespace crm
