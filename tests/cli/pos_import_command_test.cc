#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using test_support::ProgramResult;
using test_support::runAfterflow;
using test_support::TestDatabase;

namespace {
const std::string kFixtures = AFTERFLOW_POS_FIXTURES;
}

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

BOOST_AUTO_TEST_SUITE_END()
