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

 private:
  std::string table_;
  std::size_t width_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace store
