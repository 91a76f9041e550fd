#include "store/sqlite_values.h"

#include <sqlite3.h>

namespace store {

void bindSqliteValues(sqlite3_stmt* statement, std::span<const Value> row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    const Value& value = row[i];
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      sqlite3_bind_int64(statement, index, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      sqlite3_bind_double(statement, index, *real);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else if (const auto* bytes = std::get_if<Bytes>(&value)) {
      sqlite3_bind_blob64(statement, index, bytes->data.data(), bytes->data.size(), SQLITE_STATIC);
    } else {
      sqlite3_bind_null(statement, index);
    }
  }
}

}  // namespace store
