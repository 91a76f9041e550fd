#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>

#include <boost/test/unit_test.hpp>

#include <csignal>

using namespace Poco::Data::Keywords;
using test_support::ProgramResult;
using test_support::runAfterflow;
using test_support::TestDatabase;

namespace {
const std::string kFixtures = AFTERFLOW_POS_FIXTURES;
const std::string kMappings = AFTERFLOW_POS_MAPPINGS;

std::int64_t count(store::Database& database, const std::string& sql) {
  Poco::Data::Session session = database.session();
  std::int64_t n = 0;
  session << sql, into(n), now;
  return n;
}

// The plain indexes a large first import takes off sale and installed_unit while it writes.
std::int64_t saleIndexes(store::Database& database) {
  const std::string names = "('sale_by_customer', 'sale_by_dealer', 'sale_by_day', 'installed_unit_by_customer', "
                            "'installed_unit_by_serial')";
  return count(database, database.dialect() == store::Dialect::sqlite
                             ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN " + names
                             : "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN " + names);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(pos_import_command)

BOOST_AUTO_TEST_CASE(import_pos_prints_a_summary_and_the_rejects_and_no_progress_bar_into_a_pipe) {
  TestDatabase test;
  const ProgramResult clean = runAfterflow({"--db", test.url(), "import", "pos", kFixtures + "/sales_slsrpt.edi"});
  BOOST_TEST(clean.exitCode == 0, clean.err);
  const ProgramResult run = runAfterflow({"--db", test.url(), "import", "pos", kFixtures + "/poslog_v6.xml",
                                          kFixtures + "/sales_slsrpt.edi"});
  BOOST_TEST(run.exitCode == 1, run.err);  // a row of the POSLog was rejected
  BOOST_TEST(run.out.find("poslog_v6.xml (poslog, run 2): 3 read, 2 imported, 0 already known, 1 rejected, 1 skipped") !=
                 std::string::npos,
             run.out);
  BOOST_TEST(run.out.find("sales_slsrpt.edi (slsrpt, run 3): 2 read, 0 imported, 2 already known") != std::string::npos,
             run.out);
  BOOST_TEST(run.err.find("/POSLog/Transaction[4] (line 84): rejected: LineItem[1]: no ItemID") != std::string::npos,
             run.err);
  BOOST_TEST(run.err.find('\r') == std::string::npos, run.err);  // stderr is a pipe: no bar
  const ProgramResult again = runAfterflow({"--db", test.url(), "import", "pos", kFixtures + "/poslog_v6.xml"});
  BOOST_TEST(again.out.find("0 imported, 2 already known") != std::string::npos, again.out);
}

BOOST_AUTO_TEST_CASE(import_pos_refuses_an_unknown_format_and_a_csv_without_mapping) {
  TestDatabase test;
  const ProgramResult format = runAfterflow({"--db", test.url(), "import", "pos", "--format", "xls", "x.xls"});
  BOOST_TEST(format.exitCode == 2);
  BOOST_TEST(format.err.find("unknown format 'xls'") != std::string::npos, format.err);
  const ProgramResult csv = runAfterflow({"--db", test.url(), "import", "pos", kFixtures + "/vendor_a.csv"});
  BOOST_TEST(csv.exitCode == 1);
  BOOST_TEST(csv.err.find("needs --mapping FILE") != std::string::npos, csv.err);
}

// Nothing half-applied survives a crash, even while the indexes are off for a large import.
BOOST_AUTO_TEST_CASE(an_import_killed_at_any_point_leaves_no_sale_and_every_index_and_a_second_run_imports_all_once) {
  constexpr int kSales = 60000;  // above the size from which a first import builds its indexes again
  TestDatabase test;
  const std::string work = Poco::TemporaryFile::tempName();
  Poco::File(work).createDirectories();
  const std::string file = work + "/sales.csv";
  {
    Poco::FileOutputStream out(file);
    out << "store,business_day,register,receipt,time,sku,description,qty,amount,currency,loyalty,email,phone,serial,"
           "type,reason,disposal\n";
    for (int i = 1; i <= kSales; ++i) {
      out << "ST-" << i % 40 << ",2026-05-0" << 1 + i % 9 << ",1,R-" << i << ",2026-05-0" << 1 + i % 9
          << " 10:00:00,WM-800,Washer,1,499.00,EUR,LOY-" << i % 500 << ",,,SN-" << i << ",SALE,,\n";
    }
  }
  const std::vector<std::string> import = {"--db", test.url(), "import", "pos", file, "--mapping",
                                           kMappings + "/vendor-a.ini"};
  BOOST_REQUIRE(runAfterflow({"--db", test.url(), "db", "migrate"}).exitCode == 0);
  int interrupted = 0;
  for (const long delay : {150L, 600L, 1200L}) {
    test_support::RunningProgram run(import);
    Poco::Thread::sleep(delay);
    run.signal(SIGKILL);
    run.wait();
    const std::int64_t sales = count(test.database(), "SELECT COUNT(*) FROM sale");
    BOOST_TEST_MESSAGE("killed after " << delay << " ms: " << sales << " sales");
    BOOST_TEST((sales == 0 || sales == kSales));  // all or nothing, never a part
    BOOST_TEST(saleIndexes(test.database()) == 5);
    if (sales == 0) ++interrupted;
    test.close();
  }
  BOOST_TEST(interrupted >= 1);  // the test killed something in flight

  const ProgramResult last = runAfterflow(import);
  BOOST_TEST(last.exitCode == 0, last.err);
  BOOST_TEST(count(test.database(), "SELECT COUNT(*) FROM sale") == kSales);
  BOOST_TEST(count(test.database(), "SELECT COUNT(*) FROM installed_unit") == kSales);
  BOOST_TEST(saleIndexes(test.database()) == 5);
  const ProgramResult again = runAfterflow(import);
  BOOST_TEST(again.out.find("0 imported, " + std::to_string(kSales) + " already known") != std::string::npos, again.out);
  Poco::File(work).remove(true);
}

BOOST_AUTO_TEST_SUITE_END()
