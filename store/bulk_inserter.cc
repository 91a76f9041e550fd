#include "store/bulk_inserter.h"

#include "store/database_error.h"
#include "store/dialect.h"
#include "store/sql_identifier.h"

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace store {
namespace {

// A chunk is written when it reaches either bound: big enough to amortise the round trip and
// statement parse, small enough to keep the client's buffer and the server's parse tree modest.
constexpr std::size_t kMaxRowsPerStatement = 10000;
constexpr std::size_t kMaxBytesPerStatement = 8u << 20;
// Each column's array is one bound parameter, and the session binds at most its maxFieldSize
// (store/database.cc) a value.
constexpr std::size_t kMaxBytesPerArray = (1u << 20) - 1;

std::string insertPrefix(const std::string& table, const std::vector<std::string>& columns) {
  std::string sql = "INSERT INTO " + table + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    sql += (i ? ", " : "") + columns[i];
  }
  return sql + ") ";
}

void appendNumber(std::string& sql, std::int64_t value) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  sql.append(buffer, result.ptr);
}

void appendNumber(std::string& sql, double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  sql.append(buffer, result.ptr);
}

// An element of a PostgreSQL array bound as one text parameter: quoted, with " and \ escaped.
// The array goes to the server as a parameter, not inside the statement text: psqlODBC copies a
// bound value as it is, where it would scan (and the server lex) every byte of statement text.
void appendTextElement(std::string& array, const std::string& text) {
  array += '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') array += '\\';
    array += c;
  }
  array += '"';
}

// bytea elements in hex form: the element \x0aff, its backslash escaped for the array.
void appendBytesElement(std::string& array, const std::string& bytes) {
  static const char kHex[] = "0123456789abcdef";
  array += "\"\\\\x";
  for (unsigned char c : bytes) {
    array += kHex[c >> 4];
    array += kHex[c & 15];
  }
  array += '"';
}

}  // namespace

BulkInserter::BulkInserter(Poco::Data::Session& session, std::string table, std::vector<std::string> columns,
                           OnConflict onConflict)
    : session_(session),
      table_(std::move(table)),
      columns_(std::move(columns)),
      sqlite_(sessionDialect(session) == Dialect::sqlite),
      conflictClause_(onConflict == OnConflict::skip ? " ON CONFLICT DO NOTHING" : "") {
  if (columns_.empty()) throw Poco::InvalidArgumentException("bulk insert into " + table_ + " names no column");
  requireSqlIdentifier(table_);
  std::for_each(columns_.begin(), columns_.end(), requireSqlIdentifier);

  if (sqlite_) {
    sqliteRows_ = std::make_unique<RowInserter>(session_, table_, columns_, onConflict);
  } else {
    // The arrays are cast to the columns' own types, read once from the catalog.
    std::vector<std::string> names, types;
    // The type without its modifier: an explicit cast to varchar(5)[] would silently truncate;
    // casting to varchar[] lets the INSERT's assignment raise "value too long" instead.
    session_ << "SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a "
                "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped",
        Poco::Data::Keywords::bind(table_), Poco::Data::Keywords::into(names), Poco::Data::Keywords::into(types),
        Poco::Data::Keywords::now;
    for (const std::string& column : columns_) {
      const auto found = std::find(names.begin(), names.end(), column);
      if (found == names.end()) {
        throw Poco::InvalidArgumentException("table " + table_ + " has no column " + column);
      }
      columnTypes_.push_back(types[static_cast<std::size_t>(found - names.begin())]);
    }
    arrays_.assign(columns_.size(), std::string());
  }
}

BulkInserter::~BulkInserter() {
  if (pendingRows_ > 0) {
    // SQLite writes each row as it is added; PostgreSQL rows wait for flush(). Losing them
    // silently would make the two backends differ, so say it loudly.
    Poco::Logger::get("store").error("bulk insert into " + table_ + ": " + std::to_string(pendingRows_) +
                                     " rows were added but never flushed, and are lost");
  }
}

void BulkInserter::add(std::span<const Value> row) {
  if (sqlite_) {
    sqliteRows_->insert(row);  // checks the width and the numbers as below
    ++rowsAdded_;
    return;
  }
  if (row.size() != columns_.size()) {
    throw Poco::InvalidArgumentException("bulk insert into " + table_ + " takes " + std::to_string(columns_.size()) +
                                         " values a row, got " + std::to_string(row.size()));
  }
  for (const Value& value : row) {
    // SQLite would store NaN as NULL and PostgreSQL would take it: refuse it on both.
    if (const auto* real = std::get_if<double>(&value); real && !std::isfinite(*real)) {
      throw Poco::InvalidArgumentException("bulk insert into " + table_ + ": cannot store a non-finite number");
    }
  }
  addPostgresql(row);
  ++rowsAdded_;
}

void BulkInserter::addPostgresql(std::span<const Value> row) {
  // Refuse a bad value before anything of the row is appended: a row goes in whole or not at all.
  for (const Value& value : row) {
    if (const auto* text = std::get_if<std::string>(&value); text && text->find('\0') != std::string::npos) {
      throw Poco::InvalidArgumentException("PostgreSQL text cannot hold a NUL byte; store it as bytes");
    }
  }
  sizesBefore_.resize(row.size());
  for (std::size_t c = 0; c < row.size(); ++c) sizesBefore_[c] = arrays_[c].size();
  std::size_t longest = appendElements(row);
  if (longest > kMaxBytesPerArray && pendingRows_ > 0) {
    // This row would make one array too long to bind: the rows before it go first.
    for (std::size_t c = 0; c < row.size(); ++c) arrays_[c].resize(sizesBefore_[c]);
    flushPostgresql();
    longest = appendElements(row);
  }
  if (longest > kMaxBytesPerArray) {
    for (std::string& array : arrays_) array.clear();
    throw Poco::InvalidArgumentException("bulk insert into " + table_ + ": a value of about " +
                                         std::to_string(longest) + " bytes is longer than one may be (" +
                                         std::to_string(kMaxBytesPerArray) + ")");
  }
  for (std::size_t c = 0; c < row.size(); ++c) pendingBytes_ += arrays_[c].size() - sizesBefore_[c];
  ++pendingRows_;
  if (pendingRows_ >= kMaxRowsPerStatement || pendingBytes_ >= kMaxBytesPerStatement) flushPostgresql();
}

std::size_t BulkInserter::appendElements(std::span<const Value> row) {
  std::size_t longest = 0;
  for (std::size_t c = 0; c < row.size(); ++c) {
    std::string& array = arrays_[c];
    array += pendingRows_ ? ',' : '{';
    const Value& value = row[c];
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      appendNumber(array, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      appendNumber(array, *real);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      appendTextElement(array, *text);
    } else if (const auto* bytes = std::get_if<Bytes>(&value)) {
      appendBytesElement(array, bytes->data);
    } else {
      array += "NULL";
    }
    longest = std::max(longest, array.size() + 1);  // with the closing brace
  }
  return longest;
}

void BulkInserter::flush() {
  if (!sqlite_) flushPostgresql();
}

void BulkInserter::flushPostgresql() {
  if (pendingRows_ == 0) return;
  std::string sql = insertPrefix(table_, columns_) + "SELECT * FROM unnest(";
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    arrays_[c] += '}';
    sql += (c ? ", ?::" : "?::") + columnTypes_[c] + "[]";
  }
  sql += ')' + conflictClause_;
  const std::size_t rows = pendingRows_;
  pendingRows_ = 0;
  pendingBytes_ = 0;
  try {
    Poco::Data::Statement insert(session_);
    insert << sql;
    for (std::string& array : arrays_) insert, Poco::Data::Keywords::use(array);
    insert.execute();
  } catch (const Poco::Exception& e) {
    for (std::string& array : arrays_) array.clear();
    // The driver's message may repeat the data (megabytes of it): keep its own words.
    throw DatabaseError("bulk insert of " + std::to_string(rows) + " rows into " + table_ + " failed: " +
                        summarizeDriverMessage(e.message()));
  }
  for (std::string& array : arrays_) array.clear();
}

}  // namespace store
