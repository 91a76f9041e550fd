// One row at a time into one table on SQLite, each answered at once: written (with its rowid), or
// refused because a unique index holds its key already (with OnConflict::skip, INSERT ... ON
// CONFLICT DO NOTHING, so a taken key is an answer, never an error). In-process SQLite steps a
// prepared statement as fast as it runs a set-based one, so a caller can learn each row's fate
// without a staging table. BulkInserter writes through it on SQLite.
#pragma once

#include "store/on_conflict.h"
#include "store/sqlite_statement.h"
#include "store/value.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace store {

class RowInserter {
 public:
  // SQLite sessions only (throws Poco::InvalidArgumentException otherwise). Table and column
  // names come from code and must be plain SQL identifiers. Use inside a store::Transaction.
  RowInserter(Poco::Data::Session& session, const std::string& table, const std::vector<std::string>& columns,
              OnConflict onConflict = OnConflict::skip);

  // True when the row was written (lastRowId() is then its rowid); false when a unique index
  // refused it (OnConflict::skip). Any other failure (a CHECK, a foreign key, a taken key with
  // OnConflict::fail) throws the database's exception; a row of the wrong width or with a
  // non-finite number throws Poco::InvalidArgumentException, before anything is written.
  bool insert(std::span<const Value> row);
  std::int64_t lastRowId() const { return statement_.lastRowId(); }

  // The same without building a Value per column (a copy of every text): bind each column by
  // its index (0-based) in the order the constructor named them, then insertBound(). Text is
  // not copied: it must stay alive and unchanged until insertBound() returns. Every column must
  // be bound again before each insertBound(); the binds of the last row are not kept.
  void bindNull(std::size_t column) { statement_.bindNull(column); }
  void bindInteger(std::size_t column, std::int64_t value) { statement_.bindInteger(column, value); }
  void bindReal(std::size_t column, double value) { statement_.bindReal(column, value); }
  void bindText(std::size_t column, std::string_view text) { statement_.bindText(column, text); }
  bool insertBound();

 private:
  std::string table_;
  std::size_t width_;
  SqliteStatement statement_;
};

}  // namespace store
