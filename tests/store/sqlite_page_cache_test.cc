#include "store/sqlite_page_cache.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace Poco::Data::Keywords;
using test_support::TestDatabase;

namespace {

std::int64_t cacheSize(Poco::Data::Session& session) {
  std::int64_t size = 0;
  session << "PRAGMA cache_size", into(size), now;
  return size;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sqlite_page_cache)

BOOST_AUTO_TEST_CASE(the_cache_grows_for_the_load_and_the_session_gets_its_own_size_back) {
  TestDatabase test;
  store::Database& database = test.migrated();
  if (database.dialect() != store::Dialect::sqlite) {
    // PostgreSQL sizes its own buffers: the guard must not send SQLite's PRAGMA there.
    Poco::Data::Session session = database.session();
    BOOST_CHECK_NO_THROW(store::SqlitePageCache(session, 32 * 1024));
    return;
  }
  Poco::Data::Session session = database.session();
  session << "PRAGMA cache_size = -2000", now;
  {
    const store::SqlitePageCache larger(session, 32 * 1024);
    BOOST_TEST(cacheSize(session) == -32 * 1024);
    {
      // Asked for less than it has: left as it is.
      const store::SqlitePageCache smaller(session, 1024);
      BOOST_TEST(cacheSize(session) == -32 * 1024);
    }
    BOOST_TEST(cacheSize(session) == -32 * 1024);
  }
  BOOST_TEST(cacheSize(session) == -2000);

  session << "PRAGMA cache_size = 5000", now;  // in pages: 5000 x 4 KiB is more than 16 MiB
  { const store::SqlitePageCache same(session, 16 * 1024); BOOST_TEST(cacheSize(session) == 5000); }
}

BOOST_AUTO_TEST_SUITE_END()
