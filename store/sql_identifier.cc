#include "store/sql_identifier.h"

#include <Poco/Exception.h>

#include <regex>

namespace store {

void requireSqlIdentifier(const std::string& name) {
  static const std::regex identifier("[A-Za-z_][A-Za-z0-9_]*");
  if (!std::regex_match(name, identifier)) {
    throw Poco::InvalidArgumentException("not a plain SQL identifier: '" + name + "'");
  }
}

}  // namespace store
