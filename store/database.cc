#include "store/database.h"

#include "store/database_error.h"

#include <Poco/Data/ODBC/Connector.h>
#include <Poco/Data/ODBC/SessionImpl.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Stopwatch.h>
#include <Poco/Thread.h>
#include <Poco/Path.h>

#include <sql.h>
#include <sqlext.h>
#include <sqlite3.h>

#include <mutex>

namespace store {
namespace {

// ODBC limits bound text and binary parameters to this size (Poco's default is 1 KiB).
constexpr std::size_t kMaxFieldSize = std::size_t(1) << 20;
constexpr int kBusyTimeoutMs = 10000;

// SQLite's serialized mode takes a mutex on every bind and step of a connection, and with memory
// statistics on, one more on every allocation: 8% of a large import's CPU. A session is used by
// one thread at a time (Database::session), which is all multi-thread mode asks for. Set before
// the first connection opens; shutdown first in case anything initialized SQLite already.
void configureSqlite() {
  sqlite3_shutdown();
  if (sqlite3_config(SQLITE_CONFIG_MULTITHREAD) != SQLITE_OK || sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK) {
    Poco::Logger::get("store").warning("SQLite keeps its serialized mode: the library refused multi-thread mode");
  }
  sqlite3_initialize();
}

void registerConnectors() {
  static std::once_flag once;
  std::call_once(once, [] {
    configureSqlite();
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::ODBC::Connector::registerConnector();
  });
}

std::string odbcDbmsName(Poco::Data::Session& session) {
  auto* impl = dynamic_cast<Poco::Data::ODBC::SessionImpl*>(session.impl());
  if (impl == nullptr) return {};
  SQLCHAR name[128] = {};
  SQLSMALLINT length = 0;
  const SQLRETURN rc = SQLGetInfo(impl->dbc().handle(), SQL_DBMS_NAME, name, sizeof(name), &length);
  if (!SQL_SUCCEEDED(rc)) return {};
  return reinterpret_cast<const char*>(name);
}

// A pool that notes what database its first connection reached: asking on that connection
// spares a separate probe connection (a PostgreSQL backend, its login and the driver's set-up
// queries) on every run. Pooled sessions hide the driver's handle; the pool sees it here.
class OdbcSessionPool : public Poco::Data::SessionPool {
 public:
  using Poco::Data::SessionPool::SessionPool;
  const std::string& dbmsName() const { return dbmsName_; }

 protected:
  void customizeSession(Poco::Data::Session& session) override {
    if (dbmsName_.empty()) dbmsName_ = odbcDbmsName(session);
  }

 private:
  std::string dbmsName_;
};

void execSqlite(sqlite3* handle, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(handle, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw DatabaseError(std::string("cannot run '") + sql + "': " + message);
  }
}

}  // namespace

Database::Database(const std::string& url, DatabaseOptions options) : options_(options) {
  registerConnectors();
  try {
    url_ = DatabaseUrl::parse(url);
  } catch (const Poco::InvalidArgumentException& e) {
    throw DatabaseError(e.message());
  }
  if (url_.isSqlite()) {
    openSqlite();
  } else {
    openOdbc();
  }
}

Database::~Database() = default;

void Database::openSqlite() {
  Poco::Path path(url_.connection);
  path.makeAbsolute();
  const Poco::File parent(path.parent());
  if (!options_.createIfMissing && !Poco::File(path).exists()) {
    throw DatabaseError("SQLite database " + url_.display + " does not exist; check the path or --db");
  }
  if (!parent.exists() || !parent.isDirectory()) {
    throw DatabaseError("cannot open SQLite database " + url_.display + ": directory " +
                        parent.path() + " does not exist; create it or pass another --db");
  }
  try {
    // Read before anything writes: a file that is not a database must be left untouched.
    Poco::Data::Session probe("SQLite", url_.connection);
    sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(probe);
    execSqlite(handle, "SELECT count(*) FROM sqlite_master");
    // WAL lets readers (reports, the web server) go on while one writer commits.
    execSqlite(handle, "PRAGMA journal_mode=WAL");
  } catch (const Poco::Exception& e) {
    throw DatabaseError("cannot open SQLite database " + url_.display + ": " +
                        summarizeDriverMessage(e.message()) +
                        "; check the path, or move the file away to start a new database");
  }
  dialect_ = Dialect::sqlite;
  pool_ = std::make_unique<Poco::Data::SessionPool>("SQLite", url_.connection, 1, options_.maxSessions, 60);
}

Poco::Data::Session Database::takeSession() {
  // Poco's pool throws at once when every session is out; wait a little instead, like a
  // connection pool should, and give up with a clear line.
  Poco::Stopwatch waited;
  waited.start();
  while (true) {
    try {
      return Poco::Data::Session(pool_->get());
    } catch (const Poco::Data::SessionPoolExhaustedException&) {
      if (waited.elapsedSeconds() >= options_.sessionWaitSeconds) {
        throw DatabaseError("all " + std::to_string(options_.maxSessions) + " sessions to " + url_.display +
                            " stayed busy for " + std::to_string(options_.sessionWaitSeconds) +
                            " s; allow more sessions or fewer threads");
      }
      Poco::Thread::sleep(5);
    }
  }
}

void Database::openOdbc() {
  // The pool's first session answers what the database is, and then serves the first command.
  auto pool = std::make_unique<OdbcSessionPool>("ODBC", url_.connection, 1, options_.maxSessions, 60);
  pool->setProperty("maxFieldSize", Poco::Any(kMaxFieldSize));
  std::string dbms;
  try {
    Poco::Data::Session first(pool->get());
    dbms = pool->dbmsName();
  } catch (const Poco::Exception& e) {
    throw DatabaseError("cannot connect to " + url_.display + ": " + summarizeDriverMessage(e.message()) +
                        "; check that the server runs, and the address, database name and credentials");
  }
  if (dbms.find("PostgreSQL") != std::string::npos) {
    dialect_ = Dialect::postgresql;
  } else if (dbms.find("SQLite") != std::string::npos) {
    // Poco 1.11's ODBC binder truncates text over 255 bytes and corrupts BLOBs on SQLite.
    throw DatabaseError("refusing SQLite through ODBC (" + url_.display +
                        "): its driver corrupts long text and binary data; pass the file path "
                        "(sqlite:PATH) to use the native SQLite connector");
  } else {
    throw DatabaseError("database " + url_.display + " is " + (dbms.empty() ? "of an unknown kind" : dbms) +
                        "; afterflow speaks SQLite and PostgreSQL");
  }
  pool_ = std::move(pool);
}

Poco::Data::Session Database::session() {
  Poco::Data::Session session = takeSession();
  if (dialect_ == Dialect::sqlite) {
    sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(session);
    sqlite3_busy_timeout(handle, kBusyTimeoutMs);
    execSqlite(handle, "PRAGMA foreign_keys=ON");
  }
  return session;
}

}  // namespace store
