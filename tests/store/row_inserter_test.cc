#include "store/row_inserter.h"
#include "store/transaction.h"
#include "tests/support/test_database.h"

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Nullable.h>
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <cmath>

using namespace Poco::Data::Keywords;
using store::RowInserter;
using test_support::OnlyOnSqlite;
using test_support::TestDatabase;

namespace {

void createParcels(Poco::Data::Session& session) {
  session << "CREATE TABLE parcel (id INTEGER PRIMARY KEY, ref TEXT, weight DOUBLE PRECISION CHECK (weight >= 0))", now;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(row_inserter)

BOOST_AUTO_TEST_CASE(a_taken_key_is_an_answer_and_each_written_row_tells_its_rowid, *boost::unit_test::precondition(OnlyOnSqlite())) {
  TestDatabase test;
  Poco::Data::Session session = test.database().session();
  createParcels(session);
  store::Transaction transaction(session);
  RowInserter parcels(session, "parcel", {"id", "ref"});
  BOOST_TEST(parcels.insert(std::vector<store::Value>{std::int64_t{7}, std::string("first")}));
  BOOST_TEST(parcels.lastRowId() == 7);
  BOOST_TEST(!parcels.insert(std::vector<store::Value>{std::int64_t{7}, std::string("again")}));
  RowInserter strict(session, "parcel", {"id", "ref"}, store::OnConflict::fail);
  BOOST_CHECK_THROW(strict.insert(std::vector<store::Value>{std::int64_t{7}, std::string("strict")}), Poco::Exception);
  transaction.commit();
  std::vector<std::string> refs;
  session << "SELECT ref FROM parcel", into(refs), now;
  BOOST_TEST(refs == std::vector<std::string>{"first"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_non_finite_number_is_refused_rather_than_stored_as_null, *boost::unit_test::precondition(OnlyOnSqlite())) {
  TestDatabase test;
  Poco::Data::Session session = test.database().session();
  createParcels(session);
  store::Transaction transaction(session);
  RowInserter parcels(session, "parcel", {"id", "weight"});
  BOOST_CHECK_THROW(parcels.insert(std::vector<store::Value>{std::int64_t{1}, std::nan("")}),
                    Poco::InvalidArgumentException);
  BOOST_CHECK_THROW(parcels.bindReal(1, INFINITY), Poco::InvalidArgumentException);
  transaction.commit();
  int count = -1;
  session << "SELECT count(*) FROM parcel", into(count), now;
  BOOST_TEST(count == 0);
}

BOOST_AUTO_TEST_CASE(a_row_that_fails_leaves_nothing_of_its_values_bound_for_the_next,
                     *boost::unit_test::precondition(OnlyOnSqlite())) {
  TestDatabase test;
  Poco::Data::Session session = test.database().session();
  createParcels(session);
  store::Transaction transaction(session);
  RowInserter parcels(session, "parcel", {"id", "ref", "weight"});
  const std::string ref = "kept from the failed row";
  parcels.bindInteger(0, 1);
  parcels.bindText(1, ref);
  parcels.bindReal(2, -5.0);  // breaks the CHECK
  BOOST_CHECK_THROW(parcels.insertBound(), Poco::Exception);
  parcels.bindInteger(0, 2);
  parcels.bindReal(2, 5.0);
  BOOST_TEST(parcels.insertBound());
  transaction.commit();
  Poco::Nullable<std::string> stored;
  session << "SELECT ref FROM parcel WHERE id = 2", into(stored), now;
  BOOST_TEST(stored.isNull());
}

BOOST_AUTO_TEST_CASE(sessions_take_no_mutex_per_call_as_each_serves_one_thread_at_a_time,
                     *boost::unit_test::precondition(OnlyOnSqlite())) {
  TestDatabase test;
  Poco::Data::Session session = test.database().session();
  BOOST_TEST(sqlite3_db_mutex(Poco::Data::SQLite::Utility::dbHandle(session)) == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
