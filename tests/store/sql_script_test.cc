#include "store/sql_script.h"

#include <boost/test/unit_test.hpp>

using store::splitSqlScript;

BOOST_AUTO_TEST_SUITE(sql_script)

BOOST_AUTO_TEST_CASE(statements_split_at_semicolons_and_remember_their_first_line) {
  const auto statements = splitSqlScript("-- header\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n  y INT\n);\n");
  BOOST_REQUIRE_EQUAL(statements.size(), 2u);
  BOOST_TEST(statements[0].text == "CREATE TABLE a (x INT)");
  BOOST_TEST(statements[0].line == 2);
  BOOST_TEST(statements[1].line == 4);
}

BOOST_AUTO_TEST_CASE(semicolons_inside_quotes_and_comments_do_not_split) {
  const auto statements = splitSqlScript(
      "INSERT INTO t VALUES ('a;b', 'it''s; fine'); /* c; d */ SELECT \"odd;name\" FROM t -- e; f\n;");
  BOOST_REQUIRE_EQUAL(statements.size(), 2u);
  BOOST_TEST(statements[0].text == "INSERT INTO t VALUES ('a;b', 'it''s; fine')");
  BOOST_TEST(statements[1].text.find("\"odd;name\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(postgresql_dollar_quoted_bodies_stay_whole) {
  const auto statements = splitSqlScript(
      "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\nSELECT 1;");
  BOOST_REQUIRE_EQUAL(statements.size(), 2u);
  BOOST_TEST(statements[0].text.find("RETURN 1; END;") != std::string::npos);
  BOOST_TEST(statements[1].line == 2);
}

BOOST_AUTO_TEST_CASE(sqlite_trigger_bodies_stay_whole) {
  const auto statements = splitSqlScript(
      "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  UPDATE c SET m = CASE WHEN m > 0 THEN 1 "
      "ELSE 0 END;\nEND;\nCREATE TABLE z (q INT);");
  BOOST_REQUIRE_EQUAL(statements.size(), 2u);
  BOOST_TEST(statements[0].text.find("UPDATE c") != std::string::npos);
  BOOST_TEST(statements[1].text == "CREATE TABLE z (q INT)");
  BOOST_TEST(statements[1].line == 5);
}

BOOST_AUTO_TEST_CASE(a_last_statement_without_semicolon_and_blank_pieces_are_handled) {
  const auto statements = splitSqlScript(";;\n  ;SELECT 2");
  BOOST_REQUIRE_EQUAL(statements.size(), 1u);
  BOOST_TEST(statements[0].text == "SELECT 2");
  BOOST_TEST(statements[0].line == 2);
}

BOOST_AUTO_TEST_SUITE_END()
