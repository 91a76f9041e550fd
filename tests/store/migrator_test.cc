#include "store/database_error.h"
#include "store/migrator.h"
#include "store/schema_inspector.h"
#include "tests/support/test_database.h"

#include <Poco/Exception.h>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

using namespace Poco::Data::Keywords;
using store::EmbeddedFile;
using store::Migrator;
using store::migrationsFromFiles;
using test_support::TestDatabase;

namespace {

bool tableExists(store::Database& database, const std::string& table) {
  for (const std::string& line : store::describeSchema(database)) {
    if (line.rfind("column " + table + ".", 0) == 0) return true;
  }
  return false;
}

std::string migrationError(store::Database& database, std::vector<store::Migration> migrations) {
  try {
    Migrator(database, std::move(migrations)).migrate();
  } catch (const store::DatabaseError& e) {
    return e.message();
  }
  return "";
}

const EmbeddedFile kFirst{"0001_first.sql", "CREATE TABLE alpha (id {{IDENTITY}}, payload {{BYTES}});"};

}  // namespace

BOOST_AUTO_TEST_SUITE(migrator)

BOOST_AUTO_TEST_CASE(the_built_in_migrations_create_the_foundation_tables) {
  TestDatabase test;
  const store::MigrationOutcome outcome = Migrator(test.database()).migrate();
  BOOST_TEST(outcome.fromVersion == 0);
  BOOST_TEST(outcome.toVersion == Migrator(test.database()).latestVersion());
  BOOST_TEST(outcome.applied.front() == "0001_foundation");
  for (const char* table : {"party", "party_role", "party_identifier", "product", "interchange", "interchange_chunk"}) {
    BOOST_TEST(tableExists(test.database(), table), table);
  }
}

BOOST_AUTO_TEST_CASE(migrating_twice_changes_nothing) {
  TestDatabase test;
  Migrator(test.database()).migrate();
  const auto schema = store::describeSchema(test.database());
  const auto history = Migrator(test.database()).history();
  const store::MigrationOutcome again = Migrator(test.database()).migrate();
  BOOST_TEST(again.applied.empty());
  BOOST_TEST(again.fromVersion == again.toVersion);
  BOOST_TEST(store::describeSchema(test.database()) == schema, boost::test_tools::per_element());
  const auto historyAfter = Migrator(test.database()).history();
  BOOST_REQUIRE_EQUAL(historyAfter.size(), history.size());
  BOOST_TEST(historyAfter.back().appliedAt == history.back().appliedAt);
}

BOOST_AUTO_TEST_CASE(an_identity_column_numbers_rows_on_both_backends) {
  TestDatabase test;
  Migrator(test.database(), migrationsFromFiles({kFirst})).migrate();
  Poco::Data::Session session = test.database().session();
  session << "INSERT INTO alpha (payload) VALUES (NULL)", now;
  session << "INSERT INTO alpha (payload) VALUES (NULL)", now;
  std::vector<std::int64_t> ids;
  session << "SELECT id FROM alpha ORDER BY id", into(ids), now;
  BOOST_REQUIRE_EQUAL(ids.size(), 2u);
  BOOST_TEST(ids[0] < ids[1]);
}

BOOST_AUTO_TEST_CASE(a_migration_failing_halfway_leaves_the_database_as_it_was) {
  TestDatabase test;
  Migrator(test.database(), migrationsFromFiles({kFirst})).migrate();
  const auto schemaBefore = store::describeSchema(test.database());
  const EmbeddedFile broken{"0002_broken.sql",
                            "CREATE TABLE beta (id INTEGER PRIMARY KEY);\n"
                            "INSERT INTO beta (id) VALUES (1);\n"
                            "\n"
                            "CREATE TABLE gamma (id INTEGER REFERENCES nowhere_at_all (id), x NOT_A_TYPE(;\n"};
  const std::string error = migrationError(test.database(), migrationsFromFiles({kFirst, broken}));
  BOOST_TEST(error.find("migration 0002_broken failed at statement 3 (0002_broken.sql line 4)") != std::string::npos,
             error);
  BOOST_TEST(error.find("stays at schema version 1") != std::string::npos, error);
  BOOST_TEST(error.find('\n') == std::string::npos);
  BOOST_TEST(!tableExists(test.database(), "beta"));
  BOOST_TEST(Migrator(test.database(), migrationsFromFiles({kFirst, broken})).currentVersion() == 1);
  BOOST_TEST(store::describeSchema(test.database()) == schemaBefore, boost::test_tools::per_element());

  // After a fix the same version applies.
  const EmbeddedFile fixed{"0002_broken.sql", "CREATE TABLE beta (id INTEGER PRIMARY KEY);"};
  const auto outcome = Migrator(test.database(), migrationsFromFiles({kFirst, fixed})).migrate();
  BOOST_TEST(outcome.toVersion == 2);
  BOOST_TEST(tableExists(test.database(), "beta"));
}

BOOST_AUTO_TEST_CASE(a_migration_changed_after_it_was_applied_is_refused) {
  TestDatabase test;
  Migrator(test.database(), migrationsFromFiles({kFirst})).migrate();
  const EmbeddedFile edited{"0001_first.sql", "CREATE TABLE alpha (id {{IDENTITY}}, extra TEXT);"};
  const std::string error = migrationError(test.database(), migrationsFromFiles({edited}));
  BOOST_TEST(error.find("0001_first was changed after it was applied") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(a_database_newer_than_the_program_is_refused) {
  TestDatabase test;
  const EmbeddedFile second{"0002_second.sql", "CREATE TABLE beta (id INTEGER PRIMARY KEY);"};
  Migrator(test.database(), migrationsFromFiles({kFirst, second})).migrate();
  const std::string error = migrationError(test.database(), migrationsFromFiles({kFirst}));
  BOOST_TEST(error.find("is at schema version 2 but this afterflow knows only up to 1") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(misnamed_repeated_or_missing_versions_are_refused_when_loading) {
  BOOST_CHECK_THROW(migrationsFromFiles({{"first.sql", ""}}), Poco::DataFormatException);
  BOOST_CHECK_THROW(migrationsFromFiles({kFirst, {"0001_again.sql", ""}}), Poco::DataFormatException);
  BOOST_CHECK_THROW(migrationsFromFiles({kFirst, {"0003_gap.sql", ""}}), Poco::DataFormatException);
  BOOST_TEST(migrationsFromFiles({{"0002_b.sql", "b"}, kFirst}).front().name == "0001_first");
}

BOOST_AUTO_TEST_CASE(placeholders_expand_per_dialect_and_unknown_ones_are_reported_with_their_line) {
  const auto migration = migrationsFromFiles({kFirst}).front();
  BOOST_TEST(migration.scriptFor(store::Dialect::sqlite).find("id INTEGER PRIMARY KEY, payload BLOB") !=
             std::string::npos);
  BOOST_TEST(migration.scriptFor(store::Dialect::postgresql).find("GENERATED BY DEFAULT AS IDENTITY") !=
             std::string::npos);
  const auto bad = migrationsFromFiles({{"0001_bad.sql", "SELECT 1;\nCREATE TABLE t (x {{UUID}});"}}).front();
  BOOST_CHECK_EXCEPTION(bad.scriptFor(store::Dialect::sqlite), Poco::DataFormatException, [](const auto& e) {
    return e.message() == "migration 0001_bad.sql line 2: unknown placeholder {{UUID}}";
  });
}

BOOST_AUTO_TEST_CASE(servers_migrating_the_same_new_database_at_once_all_succeed) {
  TestDatabase test;
  const std::string url = test.url();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) {
    threads.emplace_back([&] {
      try {
        store::Database database(url);
        Migrator(database).migrate();
      } catch (const Poco::Exception& e) {
        BOOST_TEST_MESSAGE(e.displayText());
        ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(failures == 0);
  Migrator migrator(test.database());
  BOOST_TEST(migrator.history().size() == static_cast<std::size_t>(migrator.latestVersion()));  // each applied once
}

BOOST_AUTO_TEST_CASE(reading_the_history_of_a_new_database_writes_nothing) {
  TestDatabase test;
  BOOST_TEST(Migrator(test.database()).currentVersion() == 0);
  BOOST_TEST(store::describeSchema(test.database()).empty());
}

BOOST_AUTO_TEST_SUITE_END()
