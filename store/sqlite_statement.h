// One SQLite statement prepared once and run many times through the sqlite3 C API, for the paths
// that run a statement per row (a bulk write, a lookup per refused row): Poco's statement layer
// prepares and binds at a cost per run above SQLite's own work.
#pragma once

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace store {

class SqliteStatement {
 public:
  // SQLite sessions only (throws Poco::InvalidArgumentException otherwise); a statement that
  // does not prepare throws the database's exception.
  SqliteStatement(Poco::Data::Session& session, const std::string& sql);
  ~SqliteStatement();

  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters by index, 0-based. Text is not copied: it must stay alive and unchanged until the
  // run ends (done() or a step() that throws). A non-finite number throws
  // Poco::InvalidArgumentException: SQLite would store NaN as NULL.
  void bindNull(std::size_t parameter);
  void bindInteger(std::size_t parameter, std::int64_t value);
  void bindReal(std::size_t parameter, double value);
  void bindText(std::size_t parameter, std::string_view text);
  void bindBytes(std::size_t parameter, std::string_view bytes);

  // The next row of the result (read it with integerAt, textAt), or false at its end. A failure
  // (a constraint, a busy database) ends the run as done() does, then throws the database's
  // exception.
  bool step();
  // Columns of the current row, 0-based; nullopt for NULL.
  std::optional<std::int64_t> integerAt(int column) const;
  std::optional<std::string> textAt(int column) const;

  // Ends the run: the statement is ready for the next, with every parameter unbound.
  void done();

  // Rows the last completed INSERT, UPDATE or DELETE of the connection changed, and the rowid
  // the last INSERT gave.
  std::int64_t changes() const;
  std::int64_t lastRowId() const;

 private:
  std::string sql_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace store
