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

// An element of a PostgreSQL array literal that itself sits inside an escape-string literal
// E'{...}': the array level quotes the element and escapes " and \, the string level doubles
// every \ and '. E'' strings read backslashes the same whatever standard_conforming_strings says.
//
// Characters beyond ASCII go as \u / \U escapes of the E'' string: psqlODBC fails on raw UTF-8
// in statement text ("invalid byte sequence for encoding UTF8") while it passes bound values
// unchanged, so the statement is kept ASCII.
void appendTextElement(std::string& array, const std::string& text) {
  array += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
      char32_t code = length == 4 ? byte & 0x07 : length == 3 ? byte & 0x0F : byte & 0x1F;
      bool valid = length > 1 && i + length <= text.size();
      for (std::size_t k = 1; valid && k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        valid = (next & 0xC0) == 0x80;
        code = (code << 6) | (next & 0x3F);
      }
      if (!valid) throw Poco::InvalidArgumentException("PostgreSQL text must be UTF-8; store other bytes as bytes");
      char escape[16];
      std::snprintf(escape, sizeof escape, code > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(code));
      array += escape;  // one backslash: the escape is the string level's, not the array's
      i += length - 1;
      continue;
    }
    if (c == '"') {
      array += "\\\\\"";
    } else if (c == '\\') {
      array += "\\\\\\\\";
    } else if (c == '\'') {
      array += "''";
    } else {
      array += c;
    }
  }
  array += '"';
}

// bytea elements in hex form: the element \x0aff, escaped for the array and then the string.
void appendBytesElement(std::string& array, const std::string& bytes) {
  static const char kHex[] = "0123456789abcdef";
  array += "\"\\\\\\\\x";
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
  for (std::size_t c = 0; c < row.size(); ++c) {
    std::string& array = arrays_[c];
    const std::size_t before = array.size();
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
    pendingBytes_ += array.size() - before;
  }
  ++pendingRows_;
  if (pendingRows_ >= kMaxRowsPerStatement || pendingBytes_ >= kMaxBytesPerStatement) flushPostgresql();
}

void BulkInserter::flush() {
  if (!sqlite_) flushPostgresql();
}

void BulkInserter::flushPostgresql() {
  if (pendingRows_ == 0) return;
  std::string sql = insertPrefix(table_, columns_) + "SELECT * FROM unnest(";
  sql.reserve(sql.size() + pendingBytes_ + columns_.size() * 32);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    sql += c ? ", E'" : "E'";
    sql += arrays_[c];
    sql += "}'::" + columnTypes_[c] + "[]";
    arrays_[c].clear();
  }
  sql += ')' + conflictClause_;
  const std::size_t rows = pendingRows_;
  pendingRows_ = 0;
  pendingBytes_ = 0;
  try {
    session_ << sql, Poco::Data::Keywords::now;
  } catch (const Poco::Exception& e) {
    // The driver's message repeats the whole statement (megabytes of data): keep its own words.
    throw DatabaseError("bulk insert of " + std::to_string(rows) + " rows into " + table_ + " failed: " +
                        summarizeDriverMessage(e.message()));
  }
}

}  // namespace store
