// A fresh, empty database for one test, on the backend this test run is for: a temporary
// SQLite file, or a new database on the fixture's PostgreSQL server. Dropped afterwards.
#pragma once

#include "store/database.h"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

namespace test_support {

// "sqlite" or "postgresql", from AFTERFLOW_TEST_BACKEND (default sqlite).
std::string backendName();
bool onPostgresql();

// Boost.Test preconditions: a test that only means something on one backend shows as skipped
// on the other, instead of passing without checking anything.
struct OnlyOnPostgresql {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
};
struct OnlyOnSqlite {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
};

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();

  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  // PostgreSQL: the fixture's own database, from which this one was created; and this one's name.
  const std::string& adminUrl() const { return adminUrl_; }
  const std::string& name() const { return databaseName_; }
  // The handle tests share, opened on first use (not migrated).
  store::Database& database();
  // Opens and migrates to the newest schema.
  store::Database& migrated();
  // Closes the shared handle, e.g. before a subprocess takes the database.
  void close() { database_.reset(); }

 private:
  std::string url_;
  std::string directory_;     // SQLite: the temporary directory
  std::string adminUrl_;      // PostgreSQL: the fixture's database, to create and drop from
  std::string databaseName_;  // PostgreSQL: this test's database
  std::unique_ptr<store::Database> database_;
};

// A temporary directory, removed with everything in it when this goes out of scope.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace test_support
