// Between the library's std::optional fields and Poco's Nullable columns: a NULL must read back
// as missing, never as 0 or "" (ARCHITECTURE.md, "NULLs"). Internal to logistics/.
#pragma once

#include <Poco/Nullable.h>

#include <optional>

namespace logistics {

template <typename T>
Poco::Nullable<T> nullable(const std::optional<T>& value) {
  return value ? Poco::Nullable<T>(*value) : Poco::Nullable<T>();
}

template <typename T>
std::optional<T> optional(const Poco::Nullable<T>& value) {
  return value.isNull() ? std::nullopt : std::optional<T>(value.value());
}

}  // namespace logistics
