// Appends many rows to one table at the speed each backend allows: one prepared statement
// stepped per row on SQLite; on PostgreSQL, chunks of INSERT ... SELECT FROM unnest(arrays), one
// array per column bound as a parameter (PostgreSQL parses arrays ~3x faster than multi-row VALUES). Call it inside a
// store::Transaction; rows are visible once flush() has run and the transaction commits.
#pragma once

#include "store/on_conflict.h"
#include "store/row_inserter.h"
#include "store/value.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace store {

class BulkInserter {
 public:
  // Table and column names come from code, not users; they must be plain SQL identifiers. With
  // OnConflict::skip a row whose key is taken stays out without a word: the caller finds out
  // which rows went in by reading them back.
  BulkInserter(Poco::Data::Session& session, std::string table, std::vector<std::string> columns,
               OnConflict onConflict = OnConflict::fail);
  ~BulkInserter();

  BulkInserter(const BulkInserter&) = delete;
  BulkInserter& operator=(const BulkInserter&) = delete;

  // Throws Poco::InvalidArgumentException if the row's width is not the column count, and the
  // database's exception if a row breaks a constraint (the caller's transaction then rolls back).
  void add(std::span<const Value> row);
  void add(std::initializer_list<Value> row) { add(std::span<const Value>(row.begin(), row.size())); }

  // Writes buffered rows. Must be called before the transaction commits.
  void flush();

  std::uint64_t rowsAdded() const { return rowsAdded_; }

 private:
  void addPostgresql(std::span<const Value> row);
  std::size_t appendElements(std::span<const Value> row);  // the longest array after, in bytes
  void flushPostgresql();

  Poco::Data::Session& session_;
  std::string table_;
  std::vector<std::string> columns_;
  bool sqlite_;
  std::string conflictClause_;
  std::uint64_t rowsAdded_ = 0;

  std::unique_ptr<RowInserter> sqliteRows_;  // SQLite: each row written as it is added

  // PostgreSQL: the declared type of each column, and the array literal being built for it.
  std::vector<std::string> columnTypes_;
  std::vector<std::string> arrays_;
  std::vector<std::size_t> sizesBefore_;  // of each array before the row being added
  std::size_t pendingRows_ = 0;
  std::size_t pendingBytes_ = 0;
};

}  // namespace store
