// A plain-text description of the tables, columns and indexes a database holds, so tools can
// show the schema and tests can check that two migrations leave the same one.
#pragma once

#include "store/database.h"

#include <string>
#include <vector>

namespace store {

// One line per table column and per index, sorted; stable across runs on the same backend.
std::vector<std::string> describeSchema(Database& database);

}  // namespace store
