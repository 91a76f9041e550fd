// One row at a time into one table on SQLite, each answered at once: written (with its rowid), or
// refused because a unique index holds its key already (INSERT ... ON CONFLICT DO NOTHING, so a
// taken key is an answer, never an error). In-process SQLite steps a prepared statement as fast
// as it runs a set-based one, so a caller can learn each row's fate without a staging table.
#pragma once

#include "store/value.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_stmt;

namespace store {

class RowInserter {
 public:
  // SQLite sessions only (throws Poco::InvalidArgumentException otherwise). Table and column
  // names come from code and must be plain SQL identifiers. Use inside a store::Transaction.
  RowInserter(Poco::Data::Session& session, const std::string& table, const std::vector<std::string>& columns);
  ~RowInserter();

  RowInserter(const RowInserter&) = delete;
  RowInserter& operator=(const RowInserter&) = delete;

  // True when the row was written (lastRowId() is then its rowid); false when a unique index
  // refused it. Any other failure (a CHECK, a foreign key) throws the database's exception.
  bool insert(std::span<const Value> row);
  std::int64_t lastRowId() const;

  // The same without building a Value per column (a copy of every text): bind each column by
  // its index (0-based) in the order the constructor named them, then insertBound(). Text is
  // not copied: it must stay alive and unchanged until insertBound() returns. Every column must
  // be bound again before each insertBound(); the binds of the last row are not kept.
  void bindNull(std::size_t column);
  void bindInteger(std::size_t column, std::int64_t value);
  void bindReal(std::size_t column, double value);
  void bindText(std::size_t column, std::string_view text);
  bool insertBound();

 private:
  bool step();

  std::string table_;
  std::size_t width_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace store
