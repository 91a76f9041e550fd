// Secondary indexes taken off a few tables for a large load inside the caller's transaction and
// built again, sorted, before it commits: one sort per index instead of a random b-tree insert
// per row. SQLite only; the drop and the build are in the transaction, so a crash or rollback
// leaves every index as it was.
#pragma once

#include "store/transaction.h"

#include <string>
#include <vector>

namespace store {

class IndexRebuild {
 public:
  // Drops the plain (non-unique, CREATE INDEX) indexes of `tables`; unique ones, and the keys of
  // UNIQUE and PRIMARY KEY constraints, stay and keep checking every row. On PostgreSQL it does
  // nothing: DROP INDEX there locks the table against readers until the commit.
  IndexRebuild(Transaction& transaction, const std::vector<std::string>& tables);

  // Creates the dropped indexes again from their own definitions. Must run before the commit;
  // the destructor does not (a transaction that fails rolls the drop back).
  void build();

  std::size_t dropped() const { return definitions_.size(); }

 private:
  Transaction& transaction_;
  std::vector<std::string> definitions_;  // CREATE INDEX statements as the schema holds them
};

}  // namespace store
