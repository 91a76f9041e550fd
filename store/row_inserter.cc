#include "store/row_inserter.h"

#include "store/sql_identifier.h"

#include <Poco/Exception.h>

namespace store {
namespace {

std::string insertSql(const std::string& table, const std::vector<std::string>& columns, OnConflict onConflict) {
  requireSqlIdentifier(table);
  if (columns.empty()) throw Poco::InvalidArgumentException("insert into " + table + " names no column");
  std::string names, parameters;
  for (const std::string& name : columns) {
    requireSqlIdentifier(name);
    names += (names.empty() ? "" : ", ") + name;
    parameters += parameters.empty() ? "?" : ",?";
  }
  return "INSERT INTO " + table + " (" + names + ") VALUES (" + parameters + ")" +
         (onConflict == OnConflict::skip ? " ON CONFLICT DO NOTHING" : "");
}

}  // namespace

RowInserter::RowInserter(Poco::Data::Session& session, const std::string& table,
                         const std::vector<std::string>& columns, OnConflict onConflict)
    : table_(table), width_(columns.size()), statement_(session, insertSql(table, columns, onConflict)) {}

bool RowInserter::insert(std::span<const Value> row) {
  if (row.size() != width_) {
    throw Poco::InvalidArgumentException("insert into " + table_ + " takes " + std::to_string(width_) +
                                         " values a row, got " + std::to_string(row.size()));
  }
  for (std::size_t i = 0; i < row.size(); ++i) {
    const Value& value = row[i];
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      bindInteger(i, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      bindReal(i, *real);  // throws for a non-finite number, with the row's binds cleared
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      bindText(i, *text);
    } else if (const auto* bytes = std::get_if<Bytes>(&value)) {
      statement_.bindBytes(i, bytes->data);
    } else {
      bindNull(i);
    }
  }
  return insertBound();
}

bool RowInserter::insertBound() {
  statement_.step();  // an INSERT yields no row; a failure throws with the binds cleared
  statement_.done();
  return statement_.changes() > 0;
}

}  // namespace store
