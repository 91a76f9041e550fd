#include "store/database.h"
#include "store/database_error.h"
#include "store/migrator.h"
#include "tests/support/test_database.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Nullable.h>
#include <Poco/StreamCopier.h>
#include <Poco/Thread.h>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

using namespace Poco::Data::Keywords;
using test_support::TemporaryDirectory;
using test_support::TestDatabase;

namespace {

std::string readFile(const std::string& path) {
  Poco::FileInputStream in(path);
  std::string content;
  Poco::StreamCopier::copyToString(in, content);
  return content;
}

void writeFile(const std::string& path, const std::string& content) {
  Poco::FileOutputStream out(path);
  out << content;
}

// The message of the DatabaseError that opening `url` raises ("" if it opens).
std::string openError(const std::string& url) {
  try {
    store::Database database(url);
  } catch (const store::DatabaseError& e) {
    return e.message();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database)

BOOST_AUTO_TEST_CASE(opens_the_backend_under_test_and_reports_its_dialect) {
  TestDatabase test;
  const store::Dialect expected = test_support::onPostgresql() ? store::Dialect::postgresql : store::Dialect::sqlite;
  BOOST_TEST(std::string(store::dialectName(test.database().dialect())) ==
             std::string(store::dialectName(expected)));
  Poco::Data::Session session = test.database().session();
  int answer = 0;
  session << "SELECT 6 * 7", into(answer), now;
  BOOST_TEST(answer == 42);
}

BOOST_AUTO_TEST_CASE(an_sqlite_file_is_created_on_first_use) {
  TemporaryDirectory directory;
  const std::string path = directory.file("new.db");
  store::Database database(path);
  store::Migrator(database).migrate();
  BOOST_TEST(Poco::File(path).exists());
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_is_refused_and_left_untouched) {
  TemporaryDirectory directory;
  const std::string path = directory.file("notes.db");
  const std::string content(8192, 'x');
  writeFile(path, content);
  const std::string error = openError(path);
  BOOST_TEST(error.find(path) != std::string::npos);
  BOOST_TEST(error.find("not a database") != std::string::npos);
  BOOST_TEST(error.find('\n') == std::string::npos);
  BOOST_TEST(readFile(path) == content);
}

BOOST_AUTO_TEST_CASE(a_file_in_a_missing_directory_is_refused_without_creating_it) {
  TemporaryDirectory directory;
  const std::string error = openError(directory.file("missing/sub/x.db"));
  BOOST_TEST(error.find("does not exist") != std::string::npos);
  BOOST_TEST(!Poco::File(directory.file("missing")).exists());
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_gives_one_line_naming_the_address_without_the_password) {
  const std::string error = openError("postgresql://someone:topsecret@127.0.0.1:1/nothing");
  BOOST_TEST(error.find("cannot connect to postgresql://someone:***@127.0.0.1:1/nothing") != std::string::npos);
  BOOST_TEST(error.find("topsecret") == std::string::npos);
  BOOST_TEST(error.find('\n') == std::string::npos);
  BOOST_TEST(error.find("check that the server runs") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_credentials_are_reported_as_a_connection_failure,
                     *boost::unit_test::precondition(test_support::OnlyOnPostgresql())) {
  TestDatabase test;
  std::string url = test.url();
  url.replace(url.find(":afterflow@"), 11, ":wrong@");
  const std::string error = openError(url);
  BOOST_TEST(error.find("cannot connect") != std::string::npos);
  BOOST_TEST(error.find("password authentication failed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_odbc_driver_is_a_connection_failure) {
  const std::string error = openError("odbc:Driver={No Such Driver};Database=x");
  BOOST_TEST(error.find("cannot connect") != std::string::npos);
  BOOST_TEST(error.find("No Such Driver") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sqlite_through_odbc_is_refused_because_its_driver_corrupts_long_values) {
  TemporaryDirectory directory;
  const std::string error = openError("odbc:Driver=SQLite3;Database=" + directory.file("x.db") + ";");
  BOOST_TEST(error.find("refusing SQLite through ODBC") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(long_text_and_binary_values_round_trip_unchanged) {
  TestDatabase test;
  Poco::Data::Session session = test.database().session();
  const bool pg = test_support::onPostgresql();
  session << std::string("CREATE TABLE blobs (id INTEGER PRIMARY KEY, t TEXT, b ") + (pg ? "BYTEA" : "BLOB") + ")",
      now;
  std::string text;
  for (int i = 0; i < 5000; ++i) text += static_cast<char>('a' + i % 26);
  text += "\xc3\xa4\xe2\x82\xac";  // non-ASCII UTF-8 at the end
  std::vector<unsigned char> bytes;
  for (int i = 0; i < 5000; ++i) bytes.push_back(static_cast<unsigned char>((i * 7) % 256));
  Poco::Data::BLOB blob(bytes);
  session << "INSERT INTO blobs (id, t, b) VALUES (1, ?, ?)", use(text), use(blob), now;

  std::string textBack;
  Poco::Data::BLOB blobBack;
  session << "SELECT t, b FROM blobs WHERE id = 1", into(textBack), into(blobBack), now;
  BOOST_TEST(textBack == text);
  BOOST_TEST(blobBack.content() == bytes, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nulls_read_into_nullable_values_stay_null) {
  TestDatabase test;
  Poco::Data::Session session = test.database().session();
  session << "CREATE TABLE maybe (id INTEGER PRIMARY KEY, n INTEGER, s TEXT)", now;
  session << "INSERT INTO maybe (id, n, s) VALUES (1, NULL, NULL), (2, 0, '')", now;
  std::vector<Poco::Nullable<int>> numbers;
  std::vector<Poco::Nullable<std::string>> texts;
  session << "SELECT n, s FROM maybe ORDER BY id", into(numbers), into(texts), now;
  BOOST_REQUIRE_EQUAL(numbers.size(), 2u);
  BOOST_TEST(numbers[0].isNull());
  BOOST_TEST(texts[0].isNull());
  BOOST_TEST(!numbers[1].isNull());
  BOOST_TEST(numbers[1].value() == 0);
  BOOST_TEST(!texts[1].isNull());
}

BOOST_AUTO_TEST_CASE(an_in_memory_sqlite_database_is_refused_because_sessions_would_not_share_it) {
  BOOST_TEST(openError(":memory:").find("in-memory SQLite database cannot be shared") != std::string::npos);
  BOOST_TEST(openError("sqlite:file:x?mode=memory").find("in-memory") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refusing_to_create_leaves_a_missing_file_missing) {
  TemporaryDirectory directory;
  const std::string path = directory.file("typo.db");
  try {
    store::Database database(path, {.createIfMissing = false});
    BOOST_FAIL("opened a database that does not exist");
  } catch (const store::DatabaseError& e) {
    BOOST_TEST(e.message().find("does not exist") != std::string::npos);
  }
  BOOST_TEST(!Poco::File(path).exists());
}

BOOST_AUTO_TEST_CASE(more_threads_than_sessions_wait_for_one_instead_of_failing) {
  TestDatabase test;
  store::Database database(test.url(), {.maxSessions = 2, .sessionWaitSeconds = 30});
  {
    Poco::Data::Session session = database.session();
    session << "CREATE TABLE hits (n INTEGER)", now;
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        try {
          Poco::Data::Session session = database.session();
          session << "INSERT INTO hits (n) VALUES (1)", now;
          Poco::Thread::sleep(2);  // hold the session a moment, so others must wait
        } catch (const Poco::Exception& e) {
          BOOST_TEST_MESSAGE(e.displayText());
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(failures == 0);
  Poco::Data::Session session = database.session();
  int rows = 0;
  session << "SELECT count(*) FROM hits", into(rows), now;
  BOOST_TEST(rows == 30);
}

BOOST_AUTO_TEST_SUITE_END()
