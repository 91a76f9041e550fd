#include "store/database_url.h"

#include <Poco/Exception.h>
#include <boost/test/unit_test.hpp>

using store::DatabaseUrl;

BOOST_AUTO_TEST_SUITE(database_url)

BOOST_AUTO_TEST_CASE(a_plain_path_and_sqlite_prefix_select_the_native_sqlite_connector) {
  BOOST_TEST(DatabaseUrl::parse("data/afterflow.db").connector == "SQLite");
  BOOST_TEST(DatabaseUrl::parse("data/afterflow.db").connection == "data/afterflow.db");
  BOOST_TEST(DatabaseUrl::parse("sqlite:/var/lib/x.db").connection == "/var/lib/x.db");
}

BOOST_AUTO_TEST_CASE(a_postgresql_url_becomes_a_psqlodbc_string_with_the_options_afterflow_needs) {
  const DatabaseUrl url = DatabaseUrl::parse("postgresql://svc:s3cret@db.example:6543/afterflow");
  BOOST_TEST(url.connector == "ODBC");
  BOOST_TEST(url.connection.find("Driver={PostgreSQL Unicode}") != std::string::npos);
  BOOST_TEST(url.connection.find("Server=db.example;Port=6543;Database=afterflow;Uid=svc;Pwd=s3cret") !=
             std::string::npos);
  BOOST_TEST(url.connection.find("Protocol=7.4-1") != std::string::npos);
  BOOST_TEST(url.connection.find("MaxVarcharSize=65535") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_display_form_never_shows_a_password) {
  BOOST_TEST(DatabaseUrl::parse("postgresql://svc:s3cret@db:5432/a").display == "postgresql://svc:***@db:5432/a");
  const DatabaseUrl odbc = DatabaseUrl::parse("odbc:Driver={PostgreSQL Unicode};Uid=a;PWD={x;y}}z};Server=h");
  BOOST_TEST(odbc.display.find("x;y") == std::string::npos);
  BOOST_TEST(odbc.display.find("PWD=***;Server=h") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_password_with_separators_is_brace_quoted_for_odbc) {
  const DatabaseUrl url = DatabaseUrl::parse("postgresql://svc:a%3Bb@db/x");
  BOOST_TEST(url.connection.find("Pwd={a;b}") != std::string::npos);
  BOOST_TEST(url.connection.find("Port=5432") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_schemes_and_incomplete_urls_are_refused_with_the_accepted_forms) {
  for (const char* bad : {"mysql://a@b/c", "postgresql://host-only", "odbc:no pairs here", "", "sqlite:"}) {
    BOOST_CHECK_EXCEPTION(DatabaseUrl::parse(bad), Poco::InvalidArgumentException, [](const auto& e) {
      return e.message().find("postgresql://USER:PASSWORD@HOST:PORT") != std::string::npos;
    });
  }
}

BOOST_AUTO_TEST_SUITE_END()
