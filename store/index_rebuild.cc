#include "store/index_rebuild.h"

#include "store/dialect.h"

using namespace Poco::Data::Keywords;

namespace store {

IndexRebuild::IndexRebuild(Transaction& transaction, const std::vector<std::string>& tables)
    : transaction_(transaction) {
  Poco::Data::Session& session = transaction.session();
  if (sessionDialect(session) != Dialect::sqlite) return;
  for (const std::string& table : tables) {
    // origin 'c': made by CREATE INDEX, not by a constraint of the table.
    std::vector<std::string> names, sql;
    session << "SELECT l.name, m.sql FROM pragma_index_list(?) l JOIN sqlite_master m ON m.name = l.name "
               "WHERE l.origin = 'c' AND l.\"unique\" = 0 ORDER BY l.name",
        bind(table), into(names), into(sql), now;
    for (std::size_t i = 0; i < names.size(); ++i) {
      session << "DROP INDEX \"" + names[i] + "\"", now;
      definitions_.push_back(std::move(sql[i]));
    }
  }
}

void IndexRebuild::build() {
  for (const std::string& definition : definitions_) transaction_.session() << definition, now;
  definitions_.clear();
}

}  // namespace store
