#include "store/migrator.h"

#include "store/database_error.h"
#include "store/sql_script.h"
#include "store/timestamp.h"
#include "store/transaction.h"

#include <Poco/Data/Statement.h>
#include <Poco/Logger.h>

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

bool versionTableExists(Poco::Data::Session& session, Dialect dialect) {
  int tables = 0;
  if (dialect == Dialect::sqlite) {
    session << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", into(tables),
        now;
  } else {
    // The catalog itself rather than information_schema, whose views cost a new connection
    // milliseconds to plan: every command checks this before anything else.
    session << "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
               "WHERE n.nspname = current_schema() AND c.relname = 'schema_version' AND c.relkind IN ('r', 'p')",
        into(tables), now;
  }
  return tables > 0;
}

// Holds PostgreSQL's session-level migration lock for its lifetime, so that the version table is
// created and migrations applied by one process at a time.
class MigrationLock {
 public:
  MigrationLock(Poco::Data::Session& session, Dialect dialect)
      : session_(session), held_(dialect == Dialect::postgresql) {
    if (held_) session_ << "SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")", now;
  }
  ~MigrationLock() {
    if (!held_) return;
    try {
      session_ << "SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")", now;
    } catch (const Poco::Exception& e) {
      // The lock goes with the connection anyway; log rather than throw from a destructor.
      Poco::Logger::get("store").error("releasing the migration lock: " + e.displayText());
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  Poco::Data::Session& session_;
  bool held_;
};

}  // namespace

Migrator::Migrator(Database& database, std::vector<Migration> migrations)
    : database_(database), migrations_(std::move(migrations)) {}

std::vector<AppliedMigration> Migrator::readHistory(Poco::Data::Session& session) {
  std::vector<AppliedMigration> applied;
  if (!versionTableExists(session, database_.dialect())) return applied;
  std::vector<int> versions;
  std::vector<std::string> names, checksums, appliedAts;
  session << "SELECT version, name, checksum, applied_at FROM schema_version ORDER BY version",
      into(versions), into(names), into(checksums), into(appliedAts), now;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    applied.push_back({versions[i], names[i], checksums[i], appliedAts[i]});
  }
  return applied;
}

std::vector<AppliedMigration> Migrator::history() {
  Poco::Data::Session session = database_.session();
  return readHistory(session);
}

int Migrator::currentVersion() {
  const auto applied = history();
  return applied.empty() ? 0 : applied.back().version;
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
  // Every command migrates first, and almost always finds nothing to do: then the history is
  // only read, without the lock or the CREATE TABLE (a handful of round trips fewer).
  const std::vector<AppliedMigration> known = readHistory(session);
  checkHistory(known);
  if (!migrations_.empty() && known.size() == migrations_.size()) {
    return {latestVersion(), latestVersion(), {}};
  }
  MigrationLock lock(session, database_.dialect());
  session << "CREATE TABLE IF NOT EXISTS schema_version ("
             "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
      now;
  checkHistory(readHistory(session));

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
  // On SQLite another process may have applied it before our write lock (BEGIN IMMEDIATE).
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
