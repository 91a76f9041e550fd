#include "tests/support/test_database.h"

#include "store/migrator.h"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/String.h>

#include <atomic>
#include <stdexcept>

namespace test_support {
namespace {

std::string readPostgresUrl() {
  const std::string file = Poco::Environment::get("AFTERFLOW_TEST_POSTGRES_URL_FILE", "");
  if (file.empty()) throw std::runtime_error("AFTERFLOW_TEST_POSTGRES_URL_FILE is not set (run through ctest)");
  Poco::FileInputStream in(file);
  std::string url;
  Poco::StreamCopier::copyToString(in, url);
  return Poco::trim(url);
}

std::atomic<int> counter{0};

}  // namespace

std::string backendName() { return Poco::Environment::get("AFTERFLOW_TEST_BACKEND", "sqlite"); }
bool onPostgresql() { return backendName() == "postgresql"; }

boost::test_tools::assertion_result OnlyOnPostgresql::operator()(boost::unit_test::test_unit_id) const {
  boost::test_tools::assertion_result result(onPostgresql());
  result.message() << "runs on PostgreSQL only";
  return result;
}

boost::test_tools::assertion_result OnlyOnSqlite::operator()(boost::unit_test::test_unit_id) const {
  boost::test_tools::assertion_result result(!onPostgresql());
  result.message() << "runs on SQLite only";
  return result;
}

TemporaryDirectory::TemporaryDirectory() : path_(Poco::TemporaryFile::tempName()) {
  Poco::File(path_).createDirectories();
}

TemporaryDirectory::~TemporaryDirectory() {
  Poco::File directory(path_);
  if (directory.exists()) directory.remove(true);
}

TestDatabase::TestDatabase() {
  if (!onPostgresql()) {
    directory_ = Poco::TemporaryFile::tempName();
    Poco::File(directory_).createDirectories();
    url_ = "sqlite:" + directory_ + "/test.db";
    return;
  }
  adminUrl_ = readPostgresUrl();
  databaseName_ = "afterflow_test_" + std::to_string(Poco::Process::id()) + "_" + std::to_string(counter++);
  store::Database admin(adminUrl_, {.maxSessions = 1});
  Poco::Data::Session session = admin.session();
  session << "DROP DATABASE IF EXISTS " + databaseName_, Poco::Data::Keywords::now;
  session << "CREATE DATABASE " + databaseName_, Poco::Data::Keywords::now;
  url_ = adminUrl_.substr(0, adminUrl_.rfind('/') + 1) + databaseName_;
}

TestDatabase::~TestDatabase() {
  database_.reset();
  try {
    if (!directory_.empty()) Poco::File(directory_).remove(true);
    if (!databaseName_.empty()) {
      store::Database admin(adminUrl_, {.maxSessions = 1});
      Poco::Data::Session session = admin.session();
      session << "DROP DATABASE IF EXISTS " + databaseName_ + " WITH (FORCE)", Poco::Data::Keywords::now;
    }
  } catch (const Poco::Exception& e) {
    // Leftovers go with the temporary server or directory; a failing test should say why, not this.
    fprintf(stderr, "test database cleanup: %s\n", e.displayText().c_str());
  }
}

store::Database& TestDatabase::database() {
  if (!database_) database_ = std::make_unique<store::Database>(url_);
  return *database_;
}

store::Database& TestDatabase::migrated() {
  store::Migrator(database()).migrate();
  return *database_;
}

}  // namespace test_support
