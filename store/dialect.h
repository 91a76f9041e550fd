// The SQL dialects afterflow speaks. Code that must differ between databases asks the
// Database (or a session) for its dialect instead of guessing from a connection string.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/String.h>

#include <string>
#include <string_view>

namespace store {

enum class Dialect { sqlite, postgresql };

constexpr std::string_view dialectName(Dialect dialect) {
  return dialect == Dialect::sqlite ? "sqlite" : "postgresql";
}

// Sessions of the native SQLite connector; every other session of ours is PostgreSQL over ODBC
// (Database refuses other ODBC databases). Connector names are compared as Poco does, ignoring case.
inline Dialect sessionDialect(Poco::Data::Session& session) {
  return Poco::icompare(session.connector(), std::string("sqlite")) == 0 ? Dialect::sqlite : Dialect::postgresql;
}

// Drops a temporary table of this connection if it is there (a pooled connection may keep one
// from an earlier transaction that ended without dropping it).
inline std::string dropTemporaryTable(Dialect dialect, const std::string& table) {
  return std::string("DROP TABLE IF EXISTS ") + (dialect == Dialect::sqlite ? "temp." : "pg_temp.") + table;
}

}  // namespace store
