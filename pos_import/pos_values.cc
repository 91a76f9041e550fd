#include "pos_import/pos_values.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

#include <charconv>
#include <cmath>
#include <cstdio>

namespace pos_import {
namespace {

bool validDate(int year, int month, int day) {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= Poco::DateTime::daysOfMonth(year, month);
}

}  // namespace

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last + 1 - first);
}

std::optional<std::int64_t> parseCents(std::string_view text, bool decimalComma) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  const char point = decimalComma ? ',' : '.';
  const char thousands = decimalComma ? '.' : ',';
  bool negative = false;
  if (text.front() == '-' || text.front() == '+') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  } else if (text.back() == '-') {  // "12,50-": trailing minus, as some tills print returns
    negative = true;
    text.remove_suffix(1);
  }
  std::int64_t units = 0;
  int decimals = -1;
  bool digits = false;
  std::int64_t fraction = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits = true;
      if (decimals < 0) {
        if (units > (INT64_MAX - 9) / 10 / 100) return std::nullopt;
        units = units * 10 + (c - '0');
      } else {
        if (++decimals > 2) {
          if (c != '0') return std::nullopt;  // a third non-zero decimal would be lost
          continue;
        }
        fraction = fraction * 10 + (c - '0');
      }
    } else if (c == point && decimals < 0) {
      decimals = 0;
    } else if (c == thousands && decimals < 0) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  if (decimals == 1) fraction *= 10;
  const std::int64_t cents = units * 100 + (decimals > 0 ? fraction : 0);
  return negative ? -cents : cents;
}

std::optional<double> parseQuantity(std::string_view text, bool decimalComma) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  std::string copy(text);
  if (copy.back() == '-') copy = "-" + copy.substr(0, copy.size() - 1);
  if (copy.front() == '+') copy.erase(0, 1);
  if (decimalComma) {
    for (char& c : copy) {
      if (c == ',') c = '.';
    }
  }
  double value = 0;
  const auto [end, error] = std::from_chars(copy.data(), copy.data() + copy.size(), value);
  if (error != std::errc() || end != copy.data() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::int64_t> amountCents(std::int64_t unitPriceCents, double quantity) {
  // In double: the product of two large values must be judged before it becomes an integer.
  const double cents = std::round(static_cast<double>(unitPriceCents) * quantity);
  if (!std::isfinite(cents) || std::fabs(cents) > static_cast<double>(kMaxCents)) return std::nullopt;
  return static_cast<std::int64_t>(cents);
}

std::optional<std::int64_t> addCents(std::int64_t total, std::int64_t amount) {
  const std::int64_t sum = total + amount;
  if (sum > kMaxCents || sum < -kMaxCents) return std::nullopt;
  return sum;
}

std::string DateTimeParts::day10() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string DateTimeParts::isoTimestamp() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.000Z", year, month, day, hour, minute, second);
  return buffer;
}

std::optional<DateTimeParts> parseDateTime(std::string_view text, std::string_view format) {
  text = trim(text);
  DateTimeParts parts;
  std::size_t at = 0;
  auto number = [&](int maxDigits, int& into) {
    int digits = 0, value = 0;
    while (at < text.size() && digits < maxDigits && text[at] >= '0' && text[at] <= '9') {
      value = value * 10 + (text[at++] - '0');
      ++digits;
    }
    into = value;
    return digits > 0 && (maxDigits != 4 || digits == 4);
  };
  for (std::size_t f = 0; f < format.size(); ++f) {
    if (format[f] == '%' && f + 1 < format.size()) {
      bool ok = false;
      switch (format[++f]) {
        case 'Y': ok = number(4, parts.year); break;
        case 'm': ok = number(2, parts.month); break;
        case 'd': ok = number(2, parts.day); break;
        case 'H': ok = number(2, parts.hour); break;
        case 'M': ok = number(2, parts.minute); break;
        case 'S': ok = number(2, parts.second); break;
        default: return std::nullopt;
      }
      if (!ok) return std::nullopt;
    } else {
      if (at >= text.size() || text[at] != format[f]) return std::nullopt;
      ++at;
    }
  }
  const bool timeOnly = format.find("%Y") == std::string_view::npos && format.find("%m") == std::string_view::npos &&
                        format.find("%d") == std::string_view::npos;
  if (at != text.size() || (!timeOnly && !validDate(parts.year, parts.month, parts.day))) return std::nullopt;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 60) return std::nullopt;
  return parts;
}

std::optional<std::string> isoUtcFromXml(std::string_view text) {
  text = trim(text);
  if (text.size() < 10) return std::nullopt;
  std::string value(text);
  // Without a zone, Poco would take local time; POSLog V6 writes store times without one.
  const bool zoned = value.back() == 'Z' || (value.size() > 19 && (value[value.size() - 6] == '+' ||
                                                                   value[value.size() - 6] == '-'));
  if (value.size() == 10) value += "T00:00:00";
  if (!zoned) value += "Z";
  Poco::DateTime parsed;
  int zone = 0;
  const std::string& fmt = value.find('.') != std::string::npos ? Poco::DateTimeFormat::ISO8601_FRAC_FORMAT
                                                                   : Poco::DateTimeFormat::ISO8601_FORMAT;
  if (!Poco::DateTimeParser::tryParse(fmt, value, parsed, zone)) return std::nullopt;
  if (!validDate(parsed.year(), parsed.month(), parsed.day())) return std::nullopt;
  parsed.makeUTC(zone);
  return Poco::DateTimeFormatter::format(parsed, "%Y-%m-%dT%H:%M:%S.%iZ");
}

std::optional<std::string> dayFromCompact(std::string_view text) {
  text = trim(text);
  if (text.size() == 6) {  // X12 YYMMDD: the century X12 assumes for sales data is this one
    return dayFromCompact(std::string("20") + std::string(text));
  }
  if (text.size() != 8) return std::nullopt;
  const auto parts = parseDateTime(std::string(text.substr(0, 4)) + "-" + std::string(text.substr(4, 2)) + "-" +
                                       std::string(text.substr(6, 2)),
                                   "%Y-%m-%d");
  if (!parts) return std::nullopt;
  return parts->day10();
}

bool validUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 99;
    if (extra == 99 || (extra == 1 && c < 0xC2) || i + extra >= text.size() + (extra ? 0 : 1)) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

void appendLatin1AsUtf8(std::string& out, std::string_view latin1) {
  for (char ch : latin1) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
}

}  // namespace pos_import
