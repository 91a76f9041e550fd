// Brings a database to the newest schema: applies pending migrations in order, each in its own
// transaction together with its row in schema_version, so a failure leaves the database at the
// last version that fully applied. Running it again changes nothing.
#pragma once

#include "store/database.h"
#include "store/migration.h"

#include <string>
#include <vector>

namespace store {

struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string checksum;
  std::string appliedAt;
};

struct MigrationOutcome {
  int fromVersion = 0;
  int toVersion = 0;
  std::vector<std::string> applied;  // names, in order
};

class Migrator {
 public:
  explicit Migrator(Database& database, std::vector<Migration> migrations = builtInMigrations());

  // Throws DatabaseError when a migration fails (naming the statement and its line), when an
  // applied migration was changed since, or when the database is newer than this program.
  // Concurrent migrators (several servers starting together) wait for each other.
  MigrationOutcome migrate();

  // Read-only: a database never migrated has version 0 and an empty history.
  int currentVersion();
  int latestVersion() const { return migrations_.empty() ? 0 : migrations_.back().version; }
  std::vector<AppliedMigration> history();

 private:
  std::vector<AppliedMigration> readHistory(Poco::Data::Session& session);
  void checkHistory(const std::vector<AppliedMigration>& applied) const;
  void apply(Poco::Data::Session& session, const Migration& migration, MigrationOutcome& outcome);

  Database& database_;
  std::vector<Migration> migrations_;
};

}  // namespace store
