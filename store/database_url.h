// Turns what a user passes as --db or AFTERFLOW_DB into a Poco::Data connector and
// connection string, with a display form that never shows a password.
#pragma once

#include <string>

namespace store {

// Accepted forms:
//   PATH, sqlite:PATH                          the embedded default, one SQLite file
//   postgresql://USER:PASSWORD@HOST:PORT/DB    PostgreSQL through psqlODBC
//   odbc:CONNECTION-STRING                     any ODBC connection string
struct DatabaseUrl {
  std::string connector;   // Poco::Data connector name: "SQLite" or "ODBC"
  std::string connection;  // what the connector is given
  std::string display;     // safe to print: passwords replaced by ***

  bool isSqlite() const { return connector == "SQLite"; }

  // Throws Poco::InvalidArgumentException with a one-line explanation and the accepted forms.
  static DatabaseUrl parse(const std::string& text);
};

}  // namespace store
