// A value of one column, as the bulk paths take it: NULL, integer, real, text or bytes. Text and
// bytes are apart because PostgreSQL text cannot hold every byte (BulkInserter, RowInserter).
#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace store {

// Bytes are kept apart from text so they are bound as BLOB / BYTEA, never as a string.
struct Bytes {
  std::string data;
  bool operator==(const Bytes&) const = default;
};

using Value = std::variant<std::monostate, std::int64_t, double, std::string, Bytes>;

}  // namespace store
