// The product's one way into its database, SQLite (embedded default, one file) or PostgreSQL
// (psqlODBC). Opening checks that the database is reachable and usable; sessions come from a
// pool so each thread can hold its own.
#pragma once

#include "store/database_url.h"
#include "store/dialect.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <memory>
#include <string>

namespace store {

struct DatabaseOptions {
  int maxSessions = 16;          // at least the number of threads that hold a session at once
  bool createIfMissing = true;   // SQLite: false refuses a file that does not exist yet
  int sessionWaitSeconds = 30;   // how long session() waits for a free one before giving up
};

class Database {
 public:
  // Throws DatabaseError (one line: what failed, where, what to do) when the URL cannot be
  // parsed, the server cannot be reached, or the file is not an SQLite database. Never writes
  // to a database it could not verify.
  explicit Database(const std::string& url, DatabaseOptions options = {});
  ~Database();

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return dialect_; }
  const std::string& displayName() const { return url_.display; }

  // A session from the pool, ready for use (on SQLite: foreign keys on, busy timeout set).
  // Sessions are not thread-safe: one per thread, returned to the pool when destroyed. When all
  // are taken it waits for one; after sessionWaitSeconds it throws DatabaseError.
  Poco::Data::Session session();

 private:
  void openSqlite();
  void openOdbc();
  Poco::Data::Session takeSession();

  DatabaseUrl url_;
  Dialect dialect_ = Dialect::sqlite;
  DatabaseOptions options_;
  std::unique_ptr<Poco::Data::SessionPool> pool_;
};

}  // namespace store
