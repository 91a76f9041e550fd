// Splits an SQL script (a migration file) into single statements, each with the line it starts
// on, so a failure can say which statement of which file broke.
#pragma once

#include <string>
#include <vector>

namespace store {

struct SqlStatement {
  std::string text;  // without the terminating ';'
  int line = 0;      // 1-based line of the statement's first character in the script
};

// Knows '...' and "..." quoting, -- and /* */ comments, PostgreSQL $tag$ quoting, and the
// BEGIN ... END body of CREATE TRIGGER, inside which ';' does not end the statement.
std::vector<SqlStatement> splitSqlScript(const std::string& script);

}  // namespace store
