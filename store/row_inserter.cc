#include "store/row_inserter.h"

#include "store/dialect.h"
#include "store/sqlite_values.h"

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Exception.h>

#include <sqlite3.h>

#include <regex>

namespace store {

RowInserter::RowInserter(Poco::Data::Session& session, const std::string& table,
                         const std::vector<std::string>& columns)
    : table_(table), width_(columns.size()) {
  if (sessionDialect(session) != Dialect::sqlite) {
    throw Poco::InvalidArgumentException("RowInserter writes to SQLite only; use BulkInserter");
  }
  static const std::regex identifier("[A-Za-z_][A-Za-z0-9_]*");
  auto require = [](const std::string& name) {
    if (!std::regex_match(name, identifier)) throw Poco::InvalidArgumentException("not a plain SQL identifier: " + name);
  };
  require(table);
  std::string names, parameters;
  for (const std::string& name : columns) {
    require(name);
    names += (names.empty() ? "" : ", ") + name;
    parameters += parameters.empty() ? "?" : ",?";
  }
  const std::string sql =
      "INSERT INTO " + table + " (" + names + ") VALUES (" + parameters + ") ON CONFLICT DO NOTHING";
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(session);
  const int rc = sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &statement_, nullptr);
  if (rc != SQLITE_OK) Poco::Data::SQLite::Utility::throwException(handle, rc, sql);
}

RowInserter::~RowInserter() { sqlite3_finalize(statement_); }

bool RowInserter::insert(std::span<const Value> row) {
  if (row.size() != width_) {
    throw Poco::InvalidArgumentException("insert into " + table_ + " takes " + std::to_string(width_) +
                                         " values a row, got " + std::to_string(row.size()));
  }
  bindSqliteValues(statement_, row);
  return step();
}

bool RowInserter::step() {
  const int rc = sqlite3_step(statement_);
  sqlite3_reset(statement_);
  sqlite3* handle = sqlite3_db_handle(statement_);
  if (rc != SQLITE_DONE) {
    Poco::Data::SQLite::Utility::throwException(handle, sqlite3_errcode(handle) & 0xff, "insert into " + table_);
  }
  return sqlite3_changes(handle) > 0;
}

void RowInserter::bindNull(std::size_t column) { sqlite3_bind_null(statement_, static_cast<int>(column + 1)); }

void RowInserter::bindInteger(std::size_t column, std::int64_t value) {
  sqlite3_bind_int64(statement_, static_cast<int>(column + 1), value);
}

void RowInserter::bindReal(std::size_t column, double value) {
  sqlite3_bind_double(statement_, static_cast<int>(column + 1), value);
}

void RowInserter::bindText(std::size_t column, std::string_view text) {
  sqlite3_bind_text64(statement_, static_cast<int>(column + 1), text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
}

bool RowInserter::insertBound() {
  const bool written = step();
  // The texts bound were the caller's, alive only for this row.
  sqlite3_clear_bindings(statement_);
  return written;
}

std::int64_t RowInserter::lastRowId() const { return sqlite3_last_insert_rowid(sqlite3_db_handle(statement_)); }

}  // namespace store
