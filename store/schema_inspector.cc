#include "store/schema_inspector.h"

#include <Poco/Data/Statement.h>

#include <algorithm>

using namespace Poco::Data::Keywords;

namespace store {

std::vector<std::string> describeSchema(Database& database) {
  Poco::Data::Session session = database.session();
  std::vector<std::string> lines;
  if (database.dialect() == Dialect::sqlite) {
    std::vector<std::string> tables, columns, types;
    std::vector<int> notNull, primaryKey;
    session << "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk FROM sqlite_master m "
               "JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        into(tables), into(columns), into(types), into(notNull), into(primaryKey), now;
    for (std::size_t i = 0; i < tables.size(); ++i) {
      lines.push_back("column " + tables[i] + "." + columns[i] + " " + types[i] + (notNull[i] ? " NOT NULL" : "") +
                      (primaryKey[i] ? " PRIMARY KEY" : ""));
    }
    std::vector<std::string> indexes, sql;
    session << "SELECT name, coalesce(sql, 'implicit on ' || tbl_name) FROM sqlite_master WHERE type = 'index'",
        into(indexes), into(sql), now;
    for (std::size_t i = 0; i < indexes.size(); ++i) lines.push_back("index " + indexes[i] + " " + sql[i]);
  } else {
    std::vector<std::string> tables, columns, types, nullable;
    session << "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
               "WHERE table_schema = current_schema()",
        into(tables), into(columns), into(types), into(nullable), now;
    for (std::size_t i = 0; i < tables.size(); ++i) {
      lines.push_back("column " + tables[i] + "." + columns[i] + " " + types[i] +
                      (nullable[i] == "NO" ? " NOT NULL" : ""));
    }
    std::vector<std::string> indexes, definitions;
    session << "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
        into(indexes), into(definitions), now;
    for (std::size_t i = 0; i < indexes.size(); ++i) lines.push_back("index " + indexes[i] + " " + definitions[i]);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace store
