#include "store/database_url.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace store {
namespace {

const char* const kAcceptedForms =
    "use a file path, sqlite:PATH, postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
    "or odbc:CONNECTION-STRING";

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// ODBC values containing ';' or braces must be wrapped in braces, with '}' doubled.
std::string odbcValue(const std::string& value) {
  if (value.find_first_of(";{}= ") == std::string::npos) return value;
  std::string quoted = "{";
  for (char c : value) {
    quoted += c;
    if (c == '}') quoted += '}';
  }
  return quoted + "}";
}

std::string hideOdbcPassword(const std::string& connection) {
  static const std::regex password(R"(((?:^|;)\s*(?:pwd|password)\s*=)(\{(?:[^}]|\}\})*\}|[^;]*))",
                                   std::regex::icase);
  return std::regex_replace(connection, password, "$1***");
}

// The URL as it may be shown: the password between "user:" and "@" replaced by ***.
std::string hideUrlPassword(const std::string& text) {
  static const std::regex password(R"(^([a-zA-Z]+://[^:/@]*:)[^@]*@)");
  return std::regex_replace(text, password, "$1***@");
}

DatabaseUrl parsePostgresql(const std::string& text) {
  const std::string shown = hideUrlPassword(text);
  Poco::URI uri;
  std::string user, password;
  try {
    uri = Poco::URI(text);
    const std::string userInfo = uri.getUserInfo();
    const auto colon = userInfo.find(':');
    Poco::URI::decode(userInfo.substr(0, colon), user);
    if (colon != std::string::npos) Poco::URI::decode(userInfo.substr(colon + 1), password);
  } catch (const Poco::SyntaxException&) {
    throw Poco::InvalidArgumentException("database URL '" + shown + "' is malformed (check %-escapes); " +
                                         kAcceptedForms);
  }
  std::string database = uri.getPath();
  if (!database.empty() && database.front() == '/') database.erase(0, 1);
  if (uri.getHost().empty() || database.empty()) {
    throw Poco::InvalidArgumentException("database URL '" + shown + "' needs a host and a database name; " +
                                         kAcceptedForms);
  }
  // Only sslmode is understood; anything else is refused rather than silently ignored.
  std::string sslMode;
  for (const auto& [key, value] : uri.getQueryParameters()) {
    if (key != "sslmode") {
      throw Poco::InvalidArgumentException("database URL '" + shown + "' has an unknown parameter '" + key +
                                           "'; only sslmode is understood");
    }
    sslMode = value;
  }
  const unsigned port = uri.getPort() ? uri.getPort() : 5432;

  DatabaseUrl url;
  url.connector = "ODBC";
  // Protocol=7.4-0: no savepoint around each statement (2x faster inserts) and no silent rollback
  // of the whole transaction on an error, which Transaction::commit() detects and reports;
  // MaxVarcharSize lifts its 255-byte default for text parameters (notes/toolchain.md) to the
  // session's maxFieldSize (1 MiB: BulkInserter binds a column's array as one parameter), and
  // MaxLongVarcharSize the 8190 bytes at which text read back was silently cut.
  url.connection = "Driver={PostgreSQL Unicode};Server=" + odbcValue(uri.getHost()) +
                   ";Port=" + std::to_string(port) + ";Database=" + odbcValue(database) +
                   ";Uid=" + odbcValue(user) + ";Pwd=" + odbcValue(password) +
                   ";Protocol=7.4-0;MaxVarcharSize=1048576;MaxLongVarcharSize=1048576;" +
                   (sslMode.empty() ? "" : "SSLmode=" + odbcValue(sslMode) + ";");
  url.display = "postgresql://" + (user.empty() ? "" : user + (password.empty() ? "@" : ":***@")) +
                uri.getHost() + ":" + std::to_string(port) + "/" + database;
  return url;
}

}  // namespace

DatabaseUrl DatabaseUrl::parse(const std::string& text) {
  if (text.empty()) {
    throw Poco::InvalidArgumentException(std::string("no database given; ") + kAcceptedForms);
  }
  const std::string lower = lowercase(text);
  if (startsWith(lower, "postgresql://") || startsWith(lower, "postgres://")) {
    return parsePostgresql(text);
  }
  if (startsWith(lower, "odbc:")) {
    DatabaseUrl url;
    url.connector = "ODBC";
    url.connection = text.substr(5);
    if (url.connection.find('=') == std::string::npos) {
      throw Poco::InvalidArgumentException("ODBC connection string '" + url.connection +
                                           "' has no KEY=VALUE pairs; " + kAcceptedForms);
    }
    url.display = "odbc:" + hideOdbcPassword(url.connection);
    return url;
  }
  std::string path = text;
  if (startsWith(lower, "sqlite:")) {
    path = text.substr(7);
  } else if (static const std::regex scheme("^[a-zA-Z][a-zA-Z0-9+.-]*://"); std::regex_search(text, scheme)) {
    throw Poco::InvalidArgumentException("database URL '" + hideUrlPassword(text) + "' has an unknown scheme; " +
                                         kAcceptedForms);
  }
  if (path.empty()) {
    throw Poco::InvalidArgumentException("database URL '" + text + "' names no file; " + kAcceptedForms);
  }
  if (path == ":memory:" || path.find("mode=memory") != std::string::npos) {
    // Each pooled session would get its own empty database.
    throw Poco::InvalidArgumentException("an in-memory SQLite database cannot be shared between sessions; "
                                         "give a file path");
  }
  DatabaseUrl url;
  url.connector = "SQLite";
  url.connection = path;
  url.display = path;
  return url;
}

}  // namespace store
