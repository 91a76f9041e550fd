// The demo writes a whole year into a database, which must not be mixed with real data or an
// earlier demo. A database is fresh when it holds no party, shipment, sale or interchange;
// `--force` starts over, which only an SQLite file allows (deleting it): a PostgreSQL database
// is dropped and created by its administrator, not by a demo.
#pragma once

#include "store/database.h"

#include <optional>
#include <string>

namespace demo {

bool holdsNoData(store::Database& database);

// Deletes the SQLite file `url` names, with its journal files, when it exists. Returns why it
// will not when the URL is not an SQLite file.
std::optional<std::string> removeSqliteDatabase(const std::string& url);

}  // namespace demo
