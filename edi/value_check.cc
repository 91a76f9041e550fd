#include "edi/value_check.h"

namespace edi {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view text) {
  for (char c : text) {
    if (!isDigit(c)) return false;
  }
  return !text.empty();
}

int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// A number as X12 (N, R) or EDIFACT (n) writes it; sets `length` to its digit count (the sign
// and decimal mark do not count). False when a character does not belong.
bool readNumber(std::string_view text, bool decimalAllowed, char decimal, bool digitBeforeDecimal,
                std::size_t& length) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  bool seenDecimal = false;
  bool digitBefore = false;
  length = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (isDigit(c)) {
      ++length;
      digitBefore = true;
    } else if (decimalAllowed && !seenDecimal && (c == decimal || (decimal == ',' && c == '.'))) {
      if (digitBeforeDecimal && !digitBefore) return false;  // EDIFACT wants "0.5", X12 allows ".5"
      seenDecimal = true;
    } else {
      return false;
    }
  }
  return length > 0;
}

}  // namespace

bool isValidDate(std::string_view digits) {
  if (!allDigits(digits) || (digits.size() != 8 && digits.size() != 6)) return false;
  const int year = digits.size() == 8 ? number(digits.substr(0, 4)) : 2000 + number(digits.substr(0, 2));
  const std::size_t at = digits.size() - 4;
  const int month = number(digits.substr(at, 2));
  const int day = number(digits.substr(at + 2, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool isValidTime(std::string_view digits) {
  if (!allDigits(digits) || digits.size() < 4 || digits.size() > 8) return false;
  if (number(digits.substr(0, 2)) > 23 || number(digits.substr(2, 2)) > 59) return false;
  return digits.size() < 6 || number(digits.substr(4, 2)) <= 59;
}

std::string_view checkValue(std::string_view raw, const ElementUse& use, const ValueRules& rules) {
  const ElementDefinition& definition = *use.element;
  // EDIFACT: the release character escapes the next one and is not part of the value.
  std::string unescaped;
  std::string_view value = raw;
  if (rules.release && raw.find(rules.release) != std::string_view::npos) {
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == rules.release && i + 1 < raw.size()) ++i;
      unescaped += raw[i];
    }
    value = unescaped;
  }
  if (rules.controlBytes) {
    for (unsigned char c : value) {
      if (c < 0x20 || c == 0x7F) return "element.invalid-character";
    }
  }

  std::size_t length = value.size();
  switch (definition.type) {
    case ElementType::numeric:
      if (!readNumber(value, false, '.', false, length)) return "element.invalid-character";
      break;
    case ElementType::decimal:
      if (!readNumber(value, true, rules.standard == Standard::edifact ? rules.decimal : '.',
                      rules.standard == Standard::edifact, length)) {
        return "element.invalid-character";
      }
      break;
    case ElementType::date:
      if (!isValidDate(value)) return "element.invalid-date";
      break;
    case ElementType::time:
      if (!isValidTime(value)) return "element.invalid-time";
      break;
    case ElementType::alphabetic:
      for (char c : value) {
        if (isDigit(c)) return "element.invalid-character";
      }
      break;
    default:
      break;
  }
  if (length < definition.minLength) return "element.too-short";
  if (length > definition.maxLength) return "element.too-long";
  const CodeSet& codes = use.validCodes;
  if (!codes.empty() && !codes.contains(value)) {
    // X12 pads some fixed-width identifiers (ISA qualifiers) with spaces; compare trimmed.
    const auto last = value.find_last_not_of(' ');
    if (last == std::string_view::npos || !codes.contains(value.substr(0, last + 1))) {
      return "element.invalid-code";
    }
  }
  return {};
}

}  // namespace edi
