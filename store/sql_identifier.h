// Table and column names that code writes into SQL text (the bulk write paths): they come from
// code, never from users, and are checked to be plain identifiers all the same.
#pragma once

#include <string>

namespace store {

// Throws Poco::InvalidArgumentException unless `name` is [A-Za-z_][A-Za-z0-9_]*.
void requireSqlIdentifier(const std::string& name);

}  // namespace store
