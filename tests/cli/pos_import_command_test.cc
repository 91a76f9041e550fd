#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <sstream>

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

std::string bytesOf(const std::string& path) {
  Poco::FileInputStream in(path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
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

BOOST_AUTO_TEST_CASE(import_pos_list_and_show_name_each_run_and_show_each_reject_with_its_text) {
  TestDatabase test;
  runAfterflow({"--db", test.url(), "import", "pos", kFixtures + "/vendor_a_rejects.csv", "--mapping",
                kMappings + "/vendor-a.ini"});
  runAfterflow({"--db", test.url(), "import", "pos", kFixtures + "/poslog_v6.xml"});
  const ProgramResult list = runAfterflow({"--db", test.url(), "import", "pos-list"});
  BOOST_TEST(list.exitCode == 0, list.err);
  const std::size_t second = list.out.find("2      done    poslog");
  const std::size_t first = list.out.find("1      done    csv");
  BOOST_TEST(second != std::string::npos, list.out);
  BOOST_TEST(first != std::string::npos, list.out);
  BOOST_TEST(second < first, list.out);  // newest first
  BOOST_TEST(list.out.find("poslog_v6.xml") != std::string::npos, list.out);

  const ProgramResult csv = runAfterflow({"--db", test.url(), "import", "pos-show", "1"});
  BOOST_TEST(csv.exitCode == 0, csv.err);
  BOOST_TEST(csv.out.find("1 imported, 0 already known, 4 rejected") != std::string::npos, csv.out);
  BOOST_TEST(csv.out.find("mapping " + kMappings + "/vendor-a.ini") != std::string::npos, csv.out);
  BOOST_TEST(csv.out.find("  line 3: amount 'twelve' is not an amount\n    STORE-7,2026-03-03,2,R-300,"
                          "2026-03-03 09:00:00,FLT-20,Filter,1,twelve,EUR,,,,,SALE,,\n") != std::string::npos,
             csv.out);
  const ProgramResult xml = runAfterflow({"--db", test.url(), "import", "pos-show", "2"});
  BOOST_TEST(xml.out.find("/POSLog/Transaction[4] (line 84): LineItem[1]: no ItemID\n    <Transaction xmlns=") !=
                 std::string::npos,
             xml.out);
  BOOST_TEST(xml.out.find("    <Sale><Description>No item id</Description>") != std::string::npos, xml.out);

  const ProgramResult notCsv = runAfterflow({"--db", test.url(), "import", "pos-show", "2", "--rejects", "x.csv"});
  BOOST_TEST(notCsv.exitCode == 1);
  BOOST_TEST(notCsv.err.find("only a CSV run's refused rows") != std::string::npos, notCsv.err);
  const ProgramResult none = runAfterflow({"--db", test.url(), "import", "pos-show", "9"});
  BOOST_TEST(none.exitCode == 1);
  BOOST_TEST(none.err.find("no POS import run 9") != std::string::npos, none.err);
}

// The round trip the rejects are kept for: write them out, fix them, import them; exactly the
// refused transactions come in, and nothing twice.
BOOST_AUTO_TEST_CASE(refused_rows_written_by_pos_show_fixed_and_imported_again_bring_in_exactly_what_was_refused) {
  TestDatabase test;
  const std::string mapping = kMappings + "/vendor-a.ini";
  const ProgramResult first =
      runAfterflow({"--db", test.url(), "import", "pos", kFixtures + "/vendor_a_rejects.csv", "--mapping", mapping});
  BOOST_TEST(first.exitCode == 1);
  Poco::TemporaryFile rejects;
  const ProgramResult show =
      runAfterflow({"--db", test.url(), "import", "pos-show", "1", "--rejects", rejects.path()});
  BOOST_TEST(show.exitCode == 0, show.err);
  BOOST_TEST(show.out.find("4 refused rows of run 1 written to " + rejects.path() +
                           " after the file's header; fix them and import the file again with --mapping " + mapping) !=
                 std::string::npos,
             show.out);
  std::string text = bytesOf(rejects.path());
  const std::string original = bytesOf(kFixtures + "/vendor_a_rejects.csv");
  BOOST_TEST(text == original.substr(0, original.find("STORE-7,2026-03-03,2,R-303")));  // header, lines 2 to 5

  const std::vector<std::pair<std::string, std::string>> fixes = {
      {"twelve", "12.50"},
      {"2026-03-33", "2026-03-03"},
      {"R-302,2026-03-03 09:10:00,,", "R-302,2026-03-03 09:10:00,FLT-20,"}};
  for (const auto& [from, to] : fixes) {
    const std::size_t at = text.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  {
    Poco::FileOutputStream out(rejects.path(), std::ios::out | std::ios::trunc);
    out << text;
  }
  const ProgramResult fixed = runAfterflow({"--db", test.url(), "import", "pos", rejects.path(), "--mapping", mapping});
  BOOST_TEST(fixed.exitCode == 0, fixed.err);
  BOOST_TEST(fixed.out.find("3 read, 3 imported, 0 already known, 0 rejected") != std::string::npos, fixed.out);
  BOOST_TEST(count(test.database(), "SELECT COUNT(*) FROM sale") == 4);
  BOOST_TEST(count(test.database(), "SELECT COUNT(*) FROM sale_line") == 5);
  const ProgramResult again =
      runAfterflow({"--db", test.url(), "import", "pos", kFixtures + "/vendor_a_rejects.csv", "--mapping", mapping});
  BOOST_TEST(again.out.find("0 imported, 1 already known, 4 rejected") != std::string::npos, again.out);
  BOOST_TEST(count(test.database(), "SELECT COUNT(*) FROM sale") == 4);
}

BOOST_AUTO_TEST_CASE(pos_show_says_which_rejects_have_no_row_to_write) {
  TestDatabase test;
  Poco::TemporaryFile file;
  {
    Poco::FileOutputStream out(file.path());
    out << "store,receipt\nSTORE-7,R-1\n";  // no column the mapping needs for a SKU
  }
  runAfterflow({"--db", test.url(), "import", "pos", file.path(), "--mapping", kMappings + "/vendor-a.ini"});
  Poco::TemporaryFile rejects;
  const ProgramResult show = runAfterflow({"--db", test.url(), "import", "pos-show", "1", "--rejects", rejects.path()});
  BOOST_TEST(show.exitCode == 0, show.err);
  BOOST_TEST(show.out.find("0 refused rows of run 1") != std::string::npos, show.out);
  BOOST_TEST(show.out.find("1 rejects have no row to write: import pos-show 1 shows them") != std::string::npos,
             show.out);
  BOOST_TEST(bytesOf(rejects.path()) == "store,receipt\n");
}

BOOST_AUTO_TEST_SUITE_END()
