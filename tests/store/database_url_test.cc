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
  BOOST_TEST(url.connection.find("Protocol=7.4-0") != std::string::npos);
  BOOST_TEST(url.connection.find("MaxVarcharSize=1048576") != std::string::npos);
  BOOST_TEST(url.connection.find("MaxLongVarcharSize=1048576") != std::string::npos);
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

BOOST_AUTO_TEST_CASE(errors_about_a_url_never_show_its_password) {
  for (const char* bad : {"postgresql://u:topsecret@db", "postgresql://u:topsecret@db/x?colour=red",
                          "postgresql://u:100%@db/x", "pg://u:topsecret@db/x"}) {
    try {
      DatabaseUrl::parse(bad);
      BOOST_FAIL("accepted " << bad);
    } catch (const Poco::InvalidArgumentException& e) {
      BOOST_TEST(e.message().find("topsecret") == std::string::npos, e.message());
      BOOST_TEST(e.message().find("100%") == std::string::npos, e.message());
    }
  }
}

BOOST_AUTO_TEST_CASE(sslmode_is_passed_to_the_driver_and_other_parameters_are_refused) {
  BOOST_TEST(DatabaseUrl::parse("postgresql://u:p@db/x?sslmode=require").connection.find("SSLmode=require;") !=
             std::string::npos);
  BOOST_CHECK_THROW(DatabaseUrl::parse("postgresql://u:p@db/x?ssl=true"), Poco::InvalidArgumentException);
}

BOOST_AUTO_TEST_SUITE_END()
