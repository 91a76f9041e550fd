#include "store/sqlite_statement.h"

#include "store/dialect.h"

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Exception.h>

#include <sqlite3.h>

#include <cmath>

namespace store {

SqliteStatement::SqliteStatement(Poco::Data::Session& session, const std::string& sql) : sql_(sql) {
  if (sessionDialect(session) != Dialect::sqlite) {
    throw Poco::InvalidArgumentException("SqliteStatement runs on SQLite only: " + sql);
  }
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(session);
  const int rc = sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &statement_, nullptr);
  if (rc != SQLITE_OK) Poco::Data::SQLite::Utility::throwException(handle, rc, sql);
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

void SqliteStatement::bindNull(std::size_t parameter) { sqlite3_bind_null(statement_, static_cast<int>(parameter + 1)); }

void SqliteStatement::bindInteger(std::size_t parameter, std::int64_t value) {
  sqlite3_bind_int64(statement_, static_cast<int>(parameter + 1), value);
}

void SqliteStatement::bindReal(std::size_t parameter, double value) {
  if (!std::isfinite(value)) {
    done();
    throw Poco::InvalidArgumentException("cannot store a non-finite number: " + sql_);
  }
  sqlite3_bind_double(statement_, static_cast<int>(parameter + 1), value);
}

void SqliteStatement::bindText(std::size_t parameter, std::string_view text) {
  sqlite3_bind_text64(statement_, static_cast<int>(parameter + 1), text.data(), text.size(), SQLITE_STATIC,
                      SQLITE_UTF8);
}

void SqliteStatement::bindBytes(std::size_t parameter, std::string_view bytes) {
  sqlite3_bind_blob64(statement_, static_cast<int>(parameter + 1), bytes.data(), bytes.size(), SQLITE_STATIC);
}

bool SqliteStatement::step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  done();  // reset keeps the step's error on the connection
  sqlite3* handle = sqlite3_db_handle(statement_);
  // Poco maps only the primary result codes to its exception types (constraint, busy, ...).
  Poco::Data::SQLite::Utility::throwException(handle, sqlite3_errcode(handle) & 0xff, sql_);
  return false;  // not reached: throwException throws
}

std::optional<std::int64_t> SqliteStatement::integerAt(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(statement_, column);
}

std::optional<std::string> SqliteStatement::textAt(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  if (text == nullptr) return std::nullopt;
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

void SqliteStatement::done() {
  sqlite3_reset(statement_);
  // Texts bound were the caller's, alive only for this run.
  sqlite3_clear_bindings(statement_);
}

std::int64_t SqliteStatement::changes() const { return sqlite3_changes64(sqlite3_db_handle(statement_)); }

std::int64_t SqliteStatement::lastRowId() const { return sqlite3_last_insert_rowid(sqlite3_db_handle(statement_)); }

}  // namespace store
