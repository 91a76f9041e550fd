#include "store/transaction.h"

#include "store/dialect.h"

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Logger.h>

#include <sqlite3.h>

namespace store {
namespace {

void execSqlite(Poco::Data::Session& session, const char* sql) {
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(session);
  const int rc = sqlite3_exec(handle, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) Poco::Data::SQLite::Utility::throwException(handle, rc, sql);
}

}  // namespace

Transaction::Transaction(Poco::Data::Session& session)
    : session_(session), sqlite_(sessionDialect(session) == Dialect::sqlite) {
  if (sqlite_) {
    execSqlite(session_, "BEGIN IMMEDIATE");
  } else {
    session_.setFeature("autoCommit", false);
    session_.begin();
  }
  active_ = true;
}

Transaction::~Transaction() {
  if (!active_) return;
  try {
    finish(false);
  } catch (const Poco::Exception& e) {
    // A destructor must not throw; the database discards the open transaction when the
    // connection ends, so the failure to roll back loses nothing but is worth a log line.
    Poco::Logger::get("store").error("rollback failed: " + e.displayText());
  }
}

void Transaction::commit() {
  if (active_) {
    // Deferred work that fails may have done part of its statements (SQLite keeps a transaction
    // open after a failed statement): roll back at once, so no later commit() can keep the half.
    try {
      runDeferred();
    } catch (...) {
      finish(false);
      throw;
    }
  }
  finish(true);
}

void Transaction::rollback() { finish(false); }

void Transaction::runDeferred() {
  // By index: deferred work may ask for more.
  for (std::size_t i = 0; i < deferred_.size(); ++i) deferred_[i]->run(session_);
}

void Transaction::finish(bool commit) {
  if (!active_) return;
  active_ = false;
  deferred_.clear();
  if (sqlite_) {
    if (!commit) {
      execSqlite(session_, "ROLLBACK");
      return;
    }
    try {
      execSqlite(session_, "COMMIT");
    } catch (const Poco::Exception&) {
      // A failed COMMIT leaves the transaction open; close it so the pooled session is clean.
      sqlite3_exec(Poco::Data::SQLite::Utility::dbHandle(session_), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    return;
  }
  try {
    if (commit) {
      // PostgreSQL turns COMMIT of a transaction that an error aborted into a silent ROLLBACK,
      // and psqlODBC reports success. A statement fails (SQLSTATE 25P02) in that state: ask first.
      int alive = 0;
      session_ << "SELECT 1", Poco::Data::Keywords::into(alive), Poco::Data::Keywords::now;
      session_.commit();
    } else {
      session_.rollback();
    }
  } catch (const Poco::Exception&) {
    if (commit) session_.rollback();
    session_.setFeature("autoCommit", true);
    throw;
  }
  session_.setFeature("autoCommit", true);
}
}  // namespace store
