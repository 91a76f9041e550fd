// Each enumeration of the logistics records has one table of (value, name) pairs; the names are
// what the CHECK constraints of schemas/sql/0002_logistics.sql allow. Internal to logistics/.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>

namespace logistics {

template <typename Enum, std::size_t N>
const char* enumName(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const std::array<std::pair<Enum, const char*>, N>& names, const std::string& text) {
  for (const auto& [value, name] : names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

}  // namespace logistics
