#include "exchange/edi_numbers.h"

#include "exchange/segment_refusal.h"

#include <cstdlib>

namespace exchange {

std::optional<double> decimalValue(const std::string& text) {
  if (text.empty()) return std::nullopt;
  // strtod would also take "inf", "nan" and hex: EDI numbers are digits, a sign and a point.
  if (text.find_first_not_of("0123456789.-+") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0') return std::nullopt;
  return value;
}

std::optional<std::int64_t> impliedCents(const std::string& text) {
  const std::string digits = !text.empty() && text.front() == '-' ? text.substr(1) : text;
  if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const std::int64_t cents = std::stoll(digits);
  return text.front() == '-' ? -cents : cents;
}

logistics::Result<std::optional<double>> decimalIn(const DocumentSegment& segment, std::size_t element,
                                                   std::size_t component, const std::string& name) {
  const std::string& text = segment.value(element, component);
  if (text.empty()) return std::optional<double>();
  const auto value = decimalValue(text);
  if (!value) return segmentRefusal(logistics::ProblemCode::invalid_value, segment, name, "'" + text + "' is not a number");
  return value;
}

}  // namespace exchange
