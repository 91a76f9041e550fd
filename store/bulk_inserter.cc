#include "store/bulk_inserter.h"

#include "store/dialect.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <regex>

namespace store {
namespace {

// PostgreSQL accepts 65535 parameters a statement; staying well below keeps statements small
// enough for psqlODBC's buffers while amortising the round trip (toolchain.md: ~500 rows).
constexpr std::size_t kMaxRowsPerStatement = 500;
constexpr std::size_t kMaxParametersPerStatement = 20000;

void requireIdentifier(const std::string& name) {
  static const std::regex identifier("[A-Za-z_][A-Za-z0-9_]*");
  if (!std::regex_match(name, identifier)) {
    throw Poco::InvalidArgumentException("not a plain SQL identifier: '" + name + "'");
  }
}

std::string insertPrefix(const std::string& table, const std::vector<std::string>& columns) {
  std::string sql = "INSERT INTO " + table + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    sql += (i ? ", " : "") + columns[i];
  }
  return sql + ") VALUES ";
}

void appendNumber(std::string& sql, std::int64_t value) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  sql.append(buffer, result.ptr);
}

void appendNumber(std::string& sql, double value) {
  if (!std::isfinite(value)) throw Poco::InvalidArgumentException("cannot store a non-finite number");
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  sql.append(buffer, result.ptr);
  // "1e+20" and "3" are valid SQL numbers; keep doubles typed as such for PostgreSQL.
  if (std::string_view(buffer, result.ptr).find_first_of(".e") == std::string_view::npos) sql += ".0";
}

}  // namespace

BulkInserter::BulkInserter(Poco::Data::Session& session, std::string table, std::vector<std::string> columns)
    : session_(session),
      table_(std::move(table)),
      columns_(std::move(columns)),
      sqlite_(sessionDialect(session) == Dialect::sqlite) {
  if (columns_.empty()) throw Poco::InvalidArgumentException("bulk insert into " + table_ + " names no column");
  requireIdentifier(table_);
  std::for_each(columns_.begin(), columns_.end(), requireIdentifier);
  rowsPerStatement_ = std::clamp<std::size_t>(kMaxParametersPerStatement / columns_.size(), 1, kMaxRowsPerStatement);

  if (sqlite_) {
    std::string sql = insertPrefix(table_, columns_) + "(";
    for (std::size_t i = 0; i < columns_.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
    sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(session_);
    const int rc = sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &statement_, nullptr);
    if (rc != SQLITE_OK) Poco::Data::SQLite::Utility::throwException(handle, rc, sql);
  } else {
    pending_.reserve(rowsPerStatement_ * columns_.size());
  }
}

BulkInserter::~BulkInserter() { sqlite3_finalize(statement_); }

void BulkInserter::add(std::span<const Value> row) {
  if (row.size() != columns_.size()) {
    throw Poco::InvalidArgumentException("bulk insert into " + table_ + " takes " + std::to_string(columns_.size()) +
                                         " values a row, got " + std::to_string(row.size()));
  }
  if (sqlite_) {
    addSqlite(row);
  } else {
    pending_.insert(pending_.end(), row.begin(), row.end());
    if (pending_.size() >= rowsPerStatement_ * columns_.size()) flushOdbc();
  }
  ++rowsAdded_;
}

void BulkInserter::addSqlite(std::span<const Value> row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    const Value& value = row[i];
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      sqlite3_bind_int64(statement_, index, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      sqlite3_bind_double(statement_, index, *real);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      sqlite3_bind_text64(statement_, index, text->data(), text->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (const auto* bytes = std::get_if<Bytes>(&value)) {
      sqlite3_bind_blob64(statement_, index, bytes->data.data(), bytes->data.size(), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(statement_, index);
    }
  }
  const int rc = sqlite3_step(statement_);
  sqlite3_reset(statement_);
  if (rc != SQLITE_DONE) {
    sqlite3* handle = sqlite3_db_handle(statement_);
    Poco::Data::SQLite::Utility::throwException(handle, sqlite3_extended_errcode(handle),
                                                "insert into " + table_);
  }
}

void BulkInserter::flush() {
  if (!sqlite_) flushOdbc();
}

void BulkInserter::flushOdbc() {
  if (pending_.empty()) return;
  // Numbers and NULLs go into the SQL text (exact, and no per-parameter binding cost); text and
  // bytes are bound, so nothing a user wrote is ever parsed as SQL.
  std::string sql = insertPrefix(table_, columns_);
  Poco::Data::Statement statement(session_);
  const std::size_t rows = pending_.size() / columns_.size();
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r ? ",(" : "(";
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (c) sql += ',';
      const Value& value = pending_[r * columns_.size() + c];
      if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        appendNumber(sql, *integer);
      } else if (const auto* real = std::get_if<double>(&value)) {
        appendNumber(sql, *real);
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        sql += '?';
        statement.addBind(Poco::Data::Keywords::bind(*text));
      } else if (const auto* bytes = std::get_if<Bytes>(&value)) {
        sql += '?';
        statement.addBind(Poco::Data::Keywords::bind(
            Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(bytes->data.data()), bytes->data.size())));
      } else {
        sql += "NULL";
      }
    }
    sql += ')';
  }
  pending_.clear();
  statement << sql;
  statement.execute();
}

}  // namespace store
