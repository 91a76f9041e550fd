#include "store/schema_inspector.h"
#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

#include <cstdio>

#include <algorithm>

using test_support::ProgramResult;
using test_support::runAfterflow;
using test_support::TemporaryDirectory;
using test_support::TestDatabase;

namespace {

int lineCount(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

BOOST_AUTO_TEST_SUITE(command_line)

BOOST_AUTO_TEST_CASE(help_lists_every_command_and_exits_zero) {
  const ProgramResult result = runAfterflow({"--help"});
  BOOST_TEST(result.exitCode == 0);
  for (const char* command : {"db migrate", "db status", "db seed", "edi validate", "edi show", "party list", "partner add", "partner list", "partner show", "serve"}) {
    BOOST_TEST(result.out.find(command) != std::string::npos, command);
  }
  const ProgramResult serveHelp = runAfterflow({"serve", "--help"});
  BOOST_TEST(serveHelp.exitCode == 0);
  BOOST_TEST(serveHelp.out.find("--port") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_usage_exits_two_with_a_hint) {
  const ProgramResult unknown = runAfterflow({"teleport"});
  BOOST_TEST(unknown.exitCode == 2);
  BOOST_TEST(unknown.err == "afterflow: unknown command 'teleport'; see afterflow --help\n");
  const ProgramResult badPort = runAfterflow({"serve", "--port", "99999"});
  BOOST_TEST(badPort.exitCode == 2);
  BOOST_TEST(badPort.err.find("--port takes a number from 0 to 65535") != std::string::npos);
  BOOST_TEST(runAfterflow({}).exitCode == 2);
  const ProgramResult group = runAfterflow({"db", "frobnicate"});
  BOOST_TEST(group.exitCode == 2);
  BOOST_TEST(group.err ==
             "afterflow: unknown command 'db frobnicate'; did you mean one of: db migrate, db status, db seed, "
             "db rebuild-rollups\n");
}

BOOST_AUTO_TEST_CASE(migrating_twice_succeeds_and_leaves_the_same_schema) {
  TestDatabase test;
  const ProgramResult first = runAfterflow({"--db", test.url(), "db", "migrate"});
  BOOST_TEST(first.exitCode == 0, first.err);
  BOOST_TEST(first.out.find("applied 0001_foundation") != std::string::npos);
  BOOST_TEST(first.out.find("applied 0002_logistics") != std::string::npos);
  const auto schema = store::describeSchema(test.database());
  test.close();

  const ProgramResult second = runAfterflow({"db", "migrate", "--db", test.url()});
  BOOST_TEST(second.exitCode == 0, second.err);
  BOOST_TEST(second.out.find("already up to date") != std::string::npos);
  BOOST_TEST(store::describeSchema(test.database()) == schema, boost::test_tools::per_element());

  const ProgramResult status = runAfterflow({"db", "status", "--db", test.url()});
  // "schema version: N of N": every migration applied, whatever their number.
  const auto at = status.out.find("schema version: ");
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, status.out);
  unsigned current = 0, newest = 0;
  BOOST_REQUIRE(std::sscanf(status.out.c_str() + at, "schema version: %u of %u", &current, &newest) == 2);
  BOOST_TEST(current == newest);
  BOOST_TEST(newest >= 3u);
}

BOOST_AUTO_TEST_CASE(the_database_comes_from_afterflow_db_when_no_option_names_it) {
  TestDatabase test;
  const std::string command = "AFTERFLOW_DB='" + test.url() + "' " + test_support::afterflowBinary() + " db migrate";
  BOOST_TEST(std::system((command + " > /dev/null").c_str()) == 0);
  BOOST_TEST(!store::describeSchema(test.database()).empty());
}

BOOST_AUTO_TEST_CASE(a_wrong_connection_string_gives_one_line_and_exit_one) {
  const ProgramResult result = runAfterflow({"--db", "mongodb://x/y", "db", "migrate"});
  BOOST_TEST(result.exitCode == 1);
  BOOST_TEST(lineCount(result.err) == 1);
  BOOST_TEST(result.err.find("afterflow: Database error: database URL 'mongodb://x/y' has an unknown scheme") == 0u,
             result.err);
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_gives_one_line_and_exit_one) {
  const ProgramResult result = runAfterflow({"--db", "postgresql://a:pw@127.0.0.1:1/x", "db", "migrate"});
  BOOST_TEST(result.exitCode == 1);
  BOOST_TEST(lineCount(result.err) == 1);
  BOOST_TEST(result.err.find("cannot connect to postgresql://a:***@127.0.0.1:1/x") != std::string::npos, result.err);
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_gives_one_line_and_stays_as_it_was) {
  TemporaryDirectory directory;
  const std::string path = directory.file("orders.db");
  {
    Poco::FileOutputStream out(path);
    out << "order,qty\n1,2\n";
  }
  const ProgramResult result = runAfterflow({"--db", path, "db", "migrate"});
  BOOST_TEST(result.exitCode == 1);
  BOOST_TEST(lineCount(result.err) == 1);
  BOOST_TEST(result.err.find("not a database") != std::string::npos, result.err);
  Poco::FileInputStream in(path);
  std::string content;
  Poco::StreamCopier::copyToString(in, content);
  BOOST_TEST(content == "order,qty\n1,2\n");
}

BOOST_AUTO_TEST_CASE(a_migration_failing_halfway_gives_one_line_and_applies_nothing) {
  TestDatabase test;
  {
    // A table in the way of the migration's fifth table: the first four are created, then it fails.
    Poco::Data::Session session = test.database().session();
    session << "CREATE TABLE interchange (stray INTEGER)", Poco::Data::Keywords::now;
  }
  const auto schemaBefore = store::describeSchema(test.database());
  test.close();
  const ProgramResult result = runAfterflow({"--db", test.url(), "db", "migrate"});
  BOOST_TEST(result.exitCode == 1);
  BOOST_TEST(lineCount(result.err) == 1);
  BOOST_TEST(result.err.find("migration 0001_foundation failed at statement") != std::string::npos, result.err);
  BOOST_TEST(result.err.find("stays at schema version 0; fix the cause and run afterflow db migrate again") !=
                 std::string::npos,
             result.err);
  auto schemaAfter = store::describeSchema(test.database());
  std::erase_if(schemaAfter, [](const std::string& line) { return line.find("schema_version") != std::string::npos; });
  BOOST_TEST(schemaAfter == schemaBefore, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(seed_then_party_list_shows_the_sample_carriers) {
  TestDatabase test;
  const ProgramResult seed = runAfterflow({"--db", test.url(), "db", "seed"});
  BOOST_TEST(seed.exitCode == 0, seed.err);
  const ProgramResult list = runAfterflow({"--db", test.url(), "party", "list", "--role", "carrier"});
  BOOST_TEST(list.exitCode == 0, list.err);
  BOOST_TEST(lineCount(list.out) == 2);
  BOOST_TEST(list.out.find("CARRIER-FAST") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(status_of_a_database_that_does_not_exist_creates_nothing) {
  TemporaryDirectory directory;
  const std::string path = directory.file("typo.db");
  const ProgramResult result = runAfterflow({"--db", path, "db", "status"});
  BOOST_TEST(result.exitCode == 1);
  BOOST_TEST(result.err.find("does not exist") != std::string::npos, result.err);
  BOOST_TEST(!Poco::File(path).exists());
}

BOOST_AUTO_TEST_SUITE_END()
