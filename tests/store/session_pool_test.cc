#include "store/bulk_inserter.h"
#include "store/transaction.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

using namespace Poco::Data::Keywords;
using test_support::TestDatabase;

BOOST_AUTO_TEST_SUITE(session_pool)

BOOST_AUTO_TEST_CASE(threads_writing_through_their_own_sessions_lose_no_rows) {
  TestDatabase test;
  {
    Poco::Data::Session session = test.database().session();
    session << "CREATE TABLE event (thread_no INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (thread_no, seq))",
        now;
  }
  constexpr int kThreads = 4, kTransactions = 10, kRows = 100;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        Poco::Data::Session session = test.database().session();
        for (int x = 0; x < kTransactions; ++x) {
          store::Transaction transaction(session);
          store::BulkInserter inserter(session, "event", {"thread_no", "seq"});
          for (int r = 0; r < kRows; ++r) inserter.add({std::int64_t{t}, std::int64_t{x * kRows + r}});
          inserter.flush();
          transaction.commit();
        }
      } catch (const Poco::Exception& e) {
        BOOST_TEST_MESSAGE("thread " << t << ": " << e.displayText());
        ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(failures == 0);
  Poco::Data::Session session = test.database().session();
  int rows = 0, perThreadMin = 0;
  session << "SELECT count(*) FROM event", into(rows), now;
  session << "SELECT min(n) FROM (SELECT count(*) AS n FROM event GROUP BY thread_no) counts", into(perThreadMin), now;
  BOOST_TEST(rows == kThreads * kTransactions * kRows);
  BOOST_TEST(perThreadMin == kTransactions * kRows);
}

BOOST_AUTO_TEST_SUITE_END()
