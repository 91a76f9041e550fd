#include "demo/fresh_database.h"

#include "store/database_url.h"

#include <Poco/File.h>

namespace demo {

bool holdsNoData(store::Database& database) {
  Poco::Data::Session session = database.session();
  for (const char* table : {"party", "shipment", "sale", "interchange"}) {
    std::int64_t rows = 0;
    session << "SELECT COUNT(*) FROM " + std::string(table), Poco::Data::Keywords::into(rows), Poco::Data::Keywords::now;
    if (rows > 0) return false;
  }
  return true;
}

std::optional<std::string> removeSqliteDatabase(const std::string& url) {
  const store::DatabaseUrl parsed = store::DatabaseUrl::parse(url);
  if (!parsed.isSqlite()) {
    return "--force starts over only on an SQLite file; give the demo an empty PostgreSQL database "
           "(dropdb and createdb) instead";
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    Poco::File file(parsed.connection + suffix);
    if (file.exists()) file.remove();
  }
  return std::nullopt;
}

}  // namespace demo
