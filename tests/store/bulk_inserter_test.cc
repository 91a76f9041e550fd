#include "store/bulk_inserter.h"
#include "store/transaction.h"
#include "tests/support/test_database.h"

#include <Poco/Nullable.h>
#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace Poco::Data::Keywords;
using store::BulkInserter;
using store::Value;
using test_support::TestDatabase;

namespace {

void createShipments(store::Database& database) {
  const bool pg = database.dialect() == store::Dialect::postgresql;
  Poco::Data::Session session = database.session();
  session << std::string("CREATE TABLE shipment (id BIGINT PRIMARY KEY, ref TEXT NOT NULL, weight DOUBLE PRECISION, "
                         "note TEXT, raw ") +
                 (pg ? "BYTEA" : "BLOB") + ")",
      now;
}

Value row(int i, int column) {
  switch (column) {
    case 0: return std::int64_t{i};
    case 1: return "REF-" + std::to_string(i) + (i % 7 == 0 ? "'; DROP TABLE shipment; --" : "") +
                   (i % 13 == 0 ? " back\\slash \\' \"quoted\" {brace,comma} NULL ? :name $1 \xc3\xa9\xe2\x82\xac" : "");
    case 2: return i % 5 == 0 ? Value{} : Value{i * 0.25};
    case 3: return i % 3 == 0 ? Value{} : Value{std::string(i % 11 == 0 ? 400 : 3, 'n')};
    default: return i % 2 ? Value{} : Value{store::Bytes{std::string("\0\x01\xff", 3) + std::to_string(i)}};
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bulk_inserter)

BOOST_AUTO_TEST_CASE(thousands_of_mixed_rows_arrive_exactly_with_nulls_quotes_and_bytes) {
  TestDatabase test;
  createShipments(test.database());
  const int rows = 12003;  // more than one PostgreSQL chunk (10000), and the last one partial
  {
    Poco::Data::Session session = test.database().session();
    store::Transaction transaction(session);
    BulkInserter inserter(session, "shipment", {"id", "ref", "weight", "note", "raw"});
    for (int i = 1; i <= rows; ++i) inserter.add({row(i, 0), row(i, 1), row(i, 2), row(i, 3), row(i, 4)});
    inserter.flush();
    transaction.commit();
    BOOST_TEST(inserter.rowsAdded() == static_cast<std::uint64_t>(rows));
  }
  Poco::Data::Session session = test.database().session();
  int count = 0, nullWeights = 0, nullNotes = 0, nullRaw = 0, injected = 0;
  double weightSum = 0;
  session << "SELECT count(*), sum(weight), count(*) - count(weight), count(*) - count(note), count(*) - count(raw) "
             "FROM shipment",
      into(count), into(weightSum), into(nullWeights), into(nullNotes), into(nullRaw), now;
  session << "SELECT count(*) FROM shipment WHERE ref LIKE '%DROP TABLE%'", into(injected), now;
  double expectedSum = 0;
  for (int i = 1; i <= rows; ++i) expectedSum += i % 5 == 0 ? 0 : i * 0.25;
  BOOST_TEST(count == rows);
  BOOST_TEST(weightSum == expectedSum);
  BOOST_TEST(nullWeights == rows / 5);
  BOOST_TEST(nullNotes == rows / 3);
  BOOST_TEST(nullRaw == (rows + 1) / 2);
  BOOST_TEST(injected == rows / 7);

  Poco::Data::BLOB raw;
  std::string note;
  session << "SELECT raw FROM shipment WHERE id = 4998", into(raw), now;
  session << "SELECT note FROM shipment WHERE id = 4994", into(note), now;
  BOOST_TEST(std::string(reinterpret_cast<const char*>(raw.rawContent()), raw.size()) ==
             std::string("\0\x01\xff", 3) + "4998");
  BOOST_TEST(note == std::string(400, 'n'));
  std::string reference;
  session << "SELECT ref FROM shipment WHERE id = 91", into(reference), now;  // 91 = 7 * 13
  BOOST_TEST(reference == std::get<std::string>(row(91, 1)));
}

BOOST_AUTO_TEST_CASE(rows_of_a_rolled_back_transaction_are_not_kept) {
  TestDatabase test;
  createShipments(test.database());
  {
    Poco::Data::Session session = test.database().session();
    store::Transaction transaction(session);
    BulkInserter inserter(session, "shipment", {"id", "ref"});
    for (int i = 1; i <= 1200; ++i) inserter.add({std::int64_t{i}, std::string("r")});
    inserter.flush();
  }
  Poco::Data::Session session = test.database().session();
  int count = -1;
  session << "SELECT count(*) FROM shipment", into(count), now;
  BOOST_TEST(count == 0);
}

BOOST_AUTO_TEST_CASE(a_row_breaking_a_constraint_raises_and_the_transaction_keeps_nothing) {
  TestDatabase test;
  createShipments(test.database());
  Poco::Data::Session session = test.database().session();
  auto attempt = [&] {
      store::Transaction transaction(session);
      BulkInserter inserter(session, "shipment", {"id", "ref"});
      inserter.add({std::int64_t{1}, std::string("a")});
      inserter.add({std::int64_t{1}, std::string("duplicate key")});
      inserter.flush();
      transaction.commit();
  };
  BOOST_CHECK_THROW(attempt(), Poco::Exception);
  int count = -1;
  session << "SELECT count(*) FROM shipment", into(count), now;
  BOOST_TEST(count == 0);
}

BOOST_AUTO_TEST_CASE(rows_whose_key_is_taken_are_left_out_when_told_to_skip_them_and_the_first_of_two_wins) {
  TestDatabase test;
  createShipments(test.database());
  Poco::Data::Session session = test.database().session();
  session << "INSERT INTO shipment (id, ref) VALUES (2, 'there before')", now;
  store::Transaction transaction(session);
  BulkInserter inserter(session, "shipment", {"id", "ref"}, store::OnConflict::skip);
  for (const auto& [id, ref] : std::vector<std::pair<std::int64_t, std::string>>{
           {1, "first"}, {2, "taken"}, {3, "third"}, {1, "again in the same statement"}}) {
    inserter.add({id, ref});
  }
  inserter.flush();
  transaction.commit();
  std::vector<std::string> refs;
  session << "SELECT ref FROM shipment ORDER BY id", into(refs), now;
  BOOST_TEST(refs == (std::vector<std::string>{"first", "there before", "third"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_row_of_the_wrong_width_or_a_bad_identifier_is_refused) {
  TestDatabase test;
  createShipments(test.database());
  Poco::Data::Session session = test.database().session();
  BulkInserter inserter(session, "shipment", {"id", "ref"});
  BOOST_CHECK_THROW(inserter.add({std::int64_t{1}}), Poco::InvalidArgumentException);
  BOOST_CHECK_THROW(BulkInserter(session, "shipment; DROP TABLE x", {"id"}), Poco::InvalidArgumentException);
  if (test_support::onPostgresql()) {  // SQLite reports a missing column when the statement is prepared
    BOOST_CHECK_EXCEPTION(BulkInserter(session, "shipment", {"id", "colour"}), Poco::InvalidArgumentException,
                          [](const auto& e) { return e.message() == "table shipment has no column colour"; });
  } else {
    BOOST_CHECK_THROW(BulkInserter(session, "shipment", {"id", "colour"}), Poco::Exception);
  }
}

BOOST_AUTO_TEST_CASE(a_refused_row_leaves_the_rows_around_it_intact) {
  TestDatabase test;
  createShipments(test.database());
  Poco::Data::Session session = test.database().session();
  store::Transaction transaction(session);
  BulkInserter inserter(session, "shipment", {"id", "ref", "weight"});
  inserter.add({std::int64_t{1}, std::string("one"), 1.5});
  BOOST_CHECK_THROW(inserter.add({std::int64_t{2}, std::string("two"), std::nan("")}), Poco::InvalidArgumentException);
  if (test_support::onPostgresql()) {
    BOOST_CHECK_THROW(inserter.add({std::int64_t{3}, std::string("nul\0byte", 8), 1.0}),
                      Poco::InvalidArgumentException);
  }
  inserter.add({std::int64_t{4}, std::string("four"), 4.0});
  inserter.flush();
  transaction.commit();
  std::vector<std::int64_t> ids;
  session << "SELECT id FROM shipment ORDER BY id", into(ids), now;
  BOOST_TEST(ids == (std::vector<std::int64_t>{1, 4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(text_too_long_for_its_column_is_refused_not_truncated,
                     *boost::unit_test::precondition(test_support::OnlyOnPostgresql())) {
  TestDatabase test;
  Poco::Data::Session session = test.database().session();
  session << "CREATE TABLE code (c VARCHAR(5))", now;
  store::Transaction transaction(session);
  BulkInserter inserter(session, "code", {"c"});
  inserter.add({std::string("ABCDEFGHIJ")});
  BOOST_CHECK_EXCEPTION(inserter.flush(), Poco::Exception,
                        [](const Poco::Exception& e) { return e.displayText().find("too long") != std::string::npos; });
}

BOOST_AUTO_TEST_CASE(text_beyond_ascii_arrives_unchanged_on_both_backends) {
  TestDatabase test;
  createShipments(test.database());
  const std::string text = "M\xC3\xBCnchen \"\xC3\x96ko\" \xE2\x82\xAC 5 \xF0\x9F\x93\xA6 \\ it's";
  {
    Poco::Data::Session session = test.database().session();
    store::Transaction transaction(session);
    BulkInserter inserter(session, "shipment", {"id", "ref", "weight", "note", "raw"});
    inserter.add({std::int64_t(1), text, std::monostate(), std::string("\xC3\xA4"), std::monostate()});
    inserter.flush();
    transaction.commit();
  }
  Poco::Data::Session session = test.database().session();
  std::string ref, note;
  session << "SELECT ref, note FROM shipment WHERE id = 1", into(ref), into(note), now;
  BOOST_TEST(ref == text);
  BOOST_TEST(note == "\xC3\xA4");
}

BOOST_AUTO_TEST_CASE(rows_too_large_for_one_statement_are_split_and_each_arrives_whole) {
  TestDatabase test;
  createShipments(test.database());
  // Each note fills about 40% of what one bound array may hold on PostgreSQL (1 MiB), and each
  // raw chunk (hex there) half of it: five rows need several statements; none may be cut.
  const auto note = [](int i) { return std::string(400 * 1024, static_cast<char>('a' + i)) + "\"q\\"; };
  const auto raw = [](int i) { return std::string(256 * 1024, static_cast<char>(i)); };
  {
    Poco::Data::Session session = test.database().session();
    store::Transaction transaction(session);
    BulkInserter inserter(session, "shipment", {"id", "ref", "note", "raw"});
    for (int i = 1; i <= 5; ++i) inserter.add({std::int64_t{i}, std::string("R"), note(i), store::Bytes{raw(i)}});
    inserter.flush();
    transaction.commit();
  }
  Poco::Data::Session session = test.database().session();
  for (int i = 1; i <= 5; ++i) {
    std::string text;
    Poco::Data::BLOB bytes;
    session << "SELECT note, raw FROM shipment WHERE id = ?", bind(i), into(text), into(bytes), now;
    BOOST_TEST(text.size() == note(i).size());
    BOOST_TEST(text.substr(text.size() - 8) == note(i).substr(note(i).size() - 8));
    BOOST_TEST(text == note(i));
    BOOST_TEST(std::string(reinterpret_cast<const char*>(bytes.rawContent()), bytes.size()) == raw(i));
  }
}

BOOST_AUTO_TEST_CASE(a_value_longer_than_one_bound_array_is_refused_and_the_rows_before_it_stay,
                     *boost::unit_test::precondition(test_support::OnlyOnPostgresql())) {
  TestDatabase test;
  createShipments(test.database());
  Poco::Data::Session session = test.database().session();
  store::Transaction transaction(session);
  BulkInserter inserter(session, "shipment", {"id", "ref", "note"});
  inserter.add({std::int64_t{1}, std::string("one"), std::string("small")});
  BOOST_CHECK_THROW(inserter.add({std::int64_t{2}, std::string("two"), std::string(2u << 20, 'x')}),
                    Poco::InvalidArgumentException);
  inserter.add({std::int64_t{3}, std::string("three"), std::string("small")});
  inserter.flush();
  transaction.commit();
  std::vector<std::int64_t> ids;
  session << "SELECT id FROM shipment ORDER BY id", into(ids), now;
  BOOST_TEST(ids == (std::vector<std::int64_t>{1, 3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
