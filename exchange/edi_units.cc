#include "exchange/edi_units.h"

#include <utility>
#include <vector>

namespace exchange {
namespace {

using Factors = std::vector<std::pair<std::string, double>>;

constexpr double kPound = 0.45359237;   // kg, by definition
constexpr double kFoot = 0.3048;        // m, by definition

const Factors& weights(edi::Standard standard) {
  static const Factors x12{{"KG", 1}, {"K", 1}, {"LB", kPound}, {"L", kPound}, {"GR", 0.001}, {"TN", 2000 * kPound}};
  static const Factors edifact{{"KGM", 1}, {"GRM", 0.001}, {"LBR", kPound}, {"TNE", 1000}};
  return standard == edi::Standard::x12 ? x12 : edifact;
}

const Factors& volumes(edi::Standard standard) {
  static const Factors x12{{"CR", 1}, {"CF", kFoot * kFoot * kFoot}};
  static const Factors edifact{{"MTQ", 1}, {"FTQ", kFoot * kFoot * kFoot}};
  return standard == edi::Standard::x12 ? x12 : edifact;
}

std::optional<double> factor(const Factors& factors, const std::string& unit) {
  for (const auto& [code, value] : factors) {
    if (code == unit) return value;
  }
  return std::nullopt;
}

std::string names(const Factors& factors) {
  std::string list;
  for (const auto& entry : factors) list += (list.empty() ? "" : ", ") + entry.first;
  return list;
}

}  // namespace

std::optional<double> kilogramsPerUnit(edi::Standard standard, const std::string& unit) {
  return factor(weights(standard), unit);
}

std::optional<double> cubicMetersPerUnit(edi::Standard standard, const std::string& unit) {
  return factor(volumes(standard), unit);
}

std::string weightUnitsRead(edi::Standard standard) { return names(weights(standard)); }
std::string volumeUnitsRead(edi::Standard standard) { return names(volumes(standard)); }

}  // namespace exchange
