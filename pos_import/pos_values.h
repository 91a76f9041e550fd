// Values as POS exports write them, read into what the ledger stores: amounts with a decimal
// point or comma (and thousands separators) into exact cents, quantities, dates and times in a
// file's own layout into ISO form, Latin-1 text into UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pos_import {

// "1.234,56" (decimalComma) or "1,234.56" -> 123456; "-5" -> -500; empty when not a number or
// when more than two decimals would be lost.
std::optional<std::int64_t> parseCents(std::string_view text, bool decimalComma);
std::optional<double> parseQuantity(std::string_view text, bool decimalComma);

// The largest amount, in cents, a reader takes for a line or a transaction's total: beyond any
// till's (parseCents stays below it), and small enough that two of them add up without overflow.
inline constexpr std::int64_t kMaxCents = INT64_MAX / 4;
// `quantity` units at `unitPriceCents`, rounded to the cent; empty beyond kMaxCents either way.
std::optional<std::int64_t> amountCents(std::int64_t unitPriceCents, double quantity);
// `total` + `amount` (each within kMaxCents); empty when the sum is beyond it.
std::optional<std::int64_t> addCents(std::int64_t total, std::int64_t amount);

// A date/time in the layout `format` (tokens %Y %m %d %H %M %S, other characters literal;
// %m %d %H %M %S take one or two digits) -> its parts; empty when the text does not fit. A
// layout without %Y %m %d is a time of day: the date parts stay 0.
struct DateTimeParts {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::string day10() const;        // YYYY-MM-DD
  std::string isoTimestamp() const;  // YYYY-MM-DDTHH:MM:SS.000Z
};
std::optional<DateTimeParts> parseDateTime(std::string_view text, std::string_view format);

// XML Schema dateTime ("2024-03-01T10:15:00", with optional fraction and Z or +hh:mm) -> the
// UTC timestamp the tables store; a time without zone is taken as UTC.
std::optional<std::string> isoUtcFromXml(std::string_view text);
// CCYYMMDD -> YYYY-MM-DD.
std::optional<std::string> dayFromCompact(std::string_view text);

bool validUtf8(std::string_view text);
void appendLatin1AsUtf8(std::string& out, std::string_view latin1);

std::string_view trim(std::string_view text);

}  // namespace pos_import
