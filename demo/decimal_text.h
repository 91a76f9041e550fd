// Numbers as the demo's documents write them: amounts in minor units as "1250.00", and
// weights with one decimal.
#pragma once

#include <cstdint>
#include <string>

namespace demo {

std::string amountText(std::int64_t cents);  // 125000 -> "1250.00"
std::string weightText(double kg);           // 44.06 -> "44.1"

}  // namespace demo
