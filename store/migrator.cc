#include "store/migrator.h"

#include "store/database_error.h"
#include "store/sql_script.h"
#include "store/timestamp.h"
#include "store/transaction.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace store {
namespace {

// Any fixed number: PostgreSQL serialises concurrent migrators on this advisory lock.
constexpr long long kMigrationLockKey = 4207100001LL;

int maxVersion(Poco::Data::Session& session) {
  Poco::Nullable<int> version;
  session << "SELECT max(version) FROM schema_version", into(version), now;
  return version.isNull() ? 0 : version.value();
}

}  // namespace

Migrator::Migrator(Database& database, std::vector<Migration> migrations)
    : database_(database), migrations_(std::move(migrations)) {}

void Migrator::ensureVersionTable(Poco::Data::Session& session) {
  session << "CREATE TABLE IF NOT EXISTS schema_version ("
             "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
      now;
}

int Migrator::currentVersion() {
  Poco::Data::Session session = database_.session();
  ensureVersionTable(session);
  return maxVersion(session);
}

std::vector<AppliedMigration> Migrator::history() {
  Poco::Data::Session session = database_.session();
  ensureVersionTable(session);
  std::vector<int> versions;
  std::vector<std::string> names, checksums, appliedAts;
  session << "SELECT version, name, checksum, applied_at FROM schema_version ORDER BY version",
      into(versions), into(names), into(checksums), into(appliedAts), now;
  std::vector<AppliedMigration> applied;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    applied.push_back({versions[i], names[i], checksums[i], appliedAts[i]});
  }
  return applied;
}

void Migrator::checkHistory(const std::vector<AppliedMigration>& applied) const {
  for (const auto& row : applied) {
    if (row.version > latestVersion()) {
      throw DatabaseError("database " + database_.displayName() + " is at schema version " +
                          std::to_string(applied.back().version) + " but this afterflow knows only up to " +
                          std::to_string(latestVersion()) + "; use a newer afterflow");
    }
    const Migration& known = migrations_[static_cast<std::size_t>(row.version - 1)];
    if (known.checksum != row.checksum) {
      throw DatabaseError("migration " + known.name + " was changed after it was applied to " +
                          database_.displayName() +
                          "; restore the file as it was and put the change in a new migration");
    }
  }
}

MigrationOutcome Migrator::migrate() {
  Poco::Data::Session session = database_.session();
  ensureVersionTable(session);
  checkHistory(history());

  MigrationOutcome outcome;
  outcome.fromVersion = maxVersion(session);
  for (const Migration& migration : migrations_) {
    if (migration.version > outcome.fromVersion) apply(session, migration, outcome);
  }
  outcome.toVersion = maxVersion(session);
  return outcome;
}

void Migrator::apply(Poco::Data::Session& session, const Migration& migration, MigrationOutcome& outcome) {
  const std::string script = migration.scriptFor(database_.dialect());
  Transaction transaction(session);
  if (database_.dialect() == Dialect::postgresql) {
    session << "SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")", now;
  }
  // Another process may have applied it while we waited for the lock.
  const int current = maxVersion(session);
  if (current >= migration.version) return;

  const auto statements = splitSqlScript(script);
  for (std::size_t i = 0; i < statements.size(); ++i) {
    try {
      session << statements[i].text, now;
    } catch (const Poco::Exception& e) {
      throw DatabaseError("migration " + migration.name + " failed at statement " + std::to_string(i + 1) +
                          " (" + migration.name + ".sql line " + std::to_string(statements[i].line) +
                          "): " + summarizeDriverMessage(e.message()) + "; nothing of it was applied and " +
                          database_.displayName() + " stays at schema version " + std::to_string(current) +
                          "; fix the cause and run afterflow db migrate again");
    }
  }
  const std::string appliedAt = currentTimestamp();
  int version = migration.version;
  std::string name = migration.name;
  std::string checksum = migration.checksum;
  session << "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
      use(version), use(name), use(checksum), bind(appliedAt), now;
  transaction.commit();
  outcome.applied.push_back(migration.name);
}

}  // namespace store
