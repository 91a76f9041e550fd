// Numbers as EDI documents write them: decimals (X12 R, EDIFACT n) and X12 N2 amounts with two
// implied decimals. A value that is not a number is a refusal naming where it was, never 0.
#pragma once

#include "exchange/message_document.h"
#include "logistics/problem.h"

#include <cstdint>
#include <optional>
#include <string>

namespace exchange {

// "12", "12.5", "-3", ".5"; empty when absent or not a number.
std::optional<double> decimalValue(const std::string& text);
// X12 N2 ("125000" is 1250.00): the amount in cents. Empty when absent or not digits.
std::optional<std::int64_t> impliedCents(const std::string& text);

// The decimal in element `element`, component `component` of `segment`: empty when absent,
// refused (invalid_value, naming the segment and `name`, e.g. "TD107" or "6314") when it is given
// but is not a number.
logistics::Result<std::optional<double>> decimalIn(const DocumentSegment& segment, std::size_t element,
                                                   std::size_t component, const std::string& name);

}  // namespace exchange
