// Whether the database answers and which schema it holds: what /health reports. Never throws:
// a database that is down is an answer here, not an error.
#pragma once

#include "store/database.h"

#include <string>

namespace store {

struct Health {
  bool ok = false;
  int schemaVersion = 0;
  double latencyMs = 0;
  std::string error;  // one line, when !ok
};

// Runs one round trip. Never throws: an unreachable database is a result, not an exception.
Health checkHealth(Database& database);

}  // namespace store
