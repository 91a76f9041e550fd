#include "store/transaction.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace Poco::Data::Keywords;
using test_support::TestDatabase;

namespace {

int countRows(store::Database& database) {
  Poco::Data::Session session = database.session();
  int rows = 0;
  session << "SELECT count(*) FROM item", into(rows), now;
  return rows;
}

void createItems(store::Database& database) {
  Poco::Data::Session session = database.session();
  session << "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", now;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transaction)

BOOST_AUTO_TEST_CASE(commit_makes_rows_visible_to_other_sessions) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session session = test.database().session();
  store::Transaction transaction(session);
  session << "INSERT INTO item (id, name) VALUES (1, 'a')", now;
  transaction.commit();
  BOOST_TEST(!transaction.active());
  BOOST_TEST(countRows(test.database()) == 1);
}

BOOST_AUTO_TEST_CASE(leaving_scope_without_commit_rolls_back) {
  TestDatabase test;
  createItems(test.database());
  {
    Poco::Data::Session session = test.database().session();
    store::Transaction transaction(session);
    session << "INSERT INTO item (id, name) VALUES (1, 'a')", now;
  }
  BOOST_TEST(countRows(test.database()) == 0);
}

BOOST_AUTO_TEST_CASE(an_exception_halfway_leaves_nothing_of_the_transaction) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session session = test.database().session();
  auto attempt = [&] {
      store::Transaction transaction(session);
      session << "INSERT INTO item (id, name) VALUES (1, 'a')", now;
      session << "INSERT INTO item (id, name) VALUES (2, NULL)", now;  // violates NOT NULL
      transaction.commit();
  };
  BOOST_CHECK_THROW(attempt(), Poco::Exception);
  BOOST_TEST(countRows(test.database()) == 0);
  // The session is usable again, in autocommit mode.
  session << "INSERT INTO item (id, name) VALUES (3, 'c')", now;
  BOOST_TEST(countRows(test.database()) == 1);
}

BOOST_AUTO_TEST_CASE(uncommitted_rows_are_invisible_to_another_session) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session writer = test.database().session();
  store::Transaction transaction(writer);
  writer << "INSERT INTO item (id, name) VALUES (1, 'a')", now;
  BOOST_TEST(countRows(test.database()) == 0);
  transaction.commit();
  BOOST_TEST(countRows(test.database()) == 1);
}

BOOST_AUTO_TEST_CASE(explicit_rollback_discards_and_the_session_can_start_again) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session session = test.database().session();
  {
    store::Transaction first(session);
    session << "INSERT INTO item (id, name) VALUES (1, 'a')", now;
    first.rollback();
  }
  {
    store::Transaction second(session);
    session << "INSERT INTO item (id, name) VALUES (2, 'b')", now;
    second.commit();
  }
  BOOST_TEST(countRows(test.database()) == 1);
}

BOOST_AUTO_TEST_CASE(committing_after_a_caught_error_on_postgresql_throws_and_keeps_nothing,
                     *boost::unit_test::precondition(test_support::OnlyOnPostgresql())) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session session = test.database().session();
  store::Transaction transaction(session);
  session << "INSERT INTO item (id, name) VALUES (1, 'a')", now;
  BOOST_CHECK_THROW((session << "INSERT INTO item (id, name) VALUES (1, 'again')", now), Poco::Exception);
  // PostgreSQL has aborted the transaction; a COMMIT would silently roll back. It must say so.
  BOOST_CHECK_THROW(transaction.commit(), Poco::Exception);
  BOOST_TEST(countRows(test.database()) == 0);
  session << "INSERT INTO item (id, name) VALUES (2, 'b')", now;  // the session is clean again
  BOOST_TEST(countRows(test.database()) == 1);
}

BOOST_AUTO_TEST_CASE(committing_after_a_caught_error_on_sqlite_keeps_the_statements_that_succeeded,
                     *boost::unit_test::precondition(test_support::OnlyOnSqlite())) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session session = test.database().session();
  store::Transaction transaction(session);
  session << "INSERT INTO item (id, name) VALUES (1, 'a')", now;
  BOOST_CHECK_THROW((session << "INSERT INTO item (id, name) VALUES (1, 'again')", now), Poco::Exception);
  transaction.commit();  // SQLite undoes only the failed statement
  BOOST_TEST(countRows(test.database()) == 1);
}

namespace {

// Deferred work that counts its runs and writes one row per run, inside the transaction.
struct CountingWork : store::Transaction::Deferred {
  int runs = 0;
  void run(Poco::Data::Session& session) override {
    ++runs;
    session << "INSERT INTO item (id, name) VALUES (" + std::to_string(100 + runs) + ", 'deferred')", now;
  }
};

// Deferred work that writes a row, then fails (a database error halfway through its statements).
struct FailingWork : store::Transaction::Deferred {
  void run(Poco::Data::Session& session) override {
    session << "INSERT INTO item (id, name) VALUES (50, 'half')", now;
    session << "INSERT INTO item (id, name) VALUES (1, 'clash')", now;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(deferred_work_failing_at_commit_rolls_back_everything_and_a_second_commit_keeps_nothing) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session session = test.database().session();
  store::Transaction transaction(session);
  session << "INSERT INTO item (id, name) VALUES (1, 'a')", now;
  transaction.deferred<FailingWork>();
  BOOST_CHECK_THROW(transaction.commit(), Poco::Exception);
  transaction.commit();  // a caller that caught the error and commits anyway: nothing to keep
  BOOST_TEST(countRows(test.database()) == 0);
  session << "INSERT INTO item (id, name) VALUES (2, 'b')", now;  // the session is clean again
  BOOST_TEST(countRows(test.database()) == 1);
}

BOOST_AUTO_TEST_CASE(deferred_work_runs_once_inside_the_transaction_when_it_commits) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session session = test.database().session();
  store::Transaction transaction(session);
  CountingWork& work = transaction.deferred<CountingWork>();
  BOOST_TEST(&transaction.deferred<CountingWork>() == &work);  // asked twice, made once
  session << "INSERT INTO item (id, name) VALUES (1, 'a')", now;
  BOOST_TEST(work.runs == 0);
  BOOST_TEST(countRows(test.database()) == 0);
  transaction.commit();
  BOOST_TEST(countRows(test.database()) == 2);
}

BOOST_AUTO_TEST_CASE(deferred_work_is_dropped_by_a_rollback) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session session = test.database().session();
  {
    store::Transaction transaction(session);
    transaction.deferred<CountingWork>();
    transaction.rollback();
  }
  BOOST_TEST(countRows(test.database()) == 0);
}

BOOST_AUTO_TEST_CASE(deferred_work_can_run_early_for_a_reader_inside_the_transaction) {
  TestDatabase test;
  createItems(test.database());
  Poco::Data::Session session = test.database().session();
  store::Transaction transaction(session);
  transaction.deferred<CountingWork>();
  transaction.runDeferred();
  int inside = 0;
  session << "SELECT count(*) FROM item", into(inside), now;
  BOOST_TEST(inside == 1);
  transaction.commit();  // runs it again: the work decides what a second run does
  BOOST_TEST(countRows(test.database()) == 2);
}

BOOST_AUTO_TEST_SUITE_END()
