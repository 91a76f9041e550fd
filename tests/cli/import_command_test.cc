#include "crm/party_directory.h"
#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <Poco/Thread.h>

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <fstream>

using namespace Poco::Data::Keywords;
using test_support::ProgramResult;
using test_support::runAfterflow;
using test_support::TemporaryDirectory;
using test_support::TestDatabase;

namespace {

// N shipments of the seeded client and carriers; row i has PRO number PRO<i> and costs i cents.
void writeShipments(const std::string& path, long rows) {
  std::ofstream out(path, std::ios::binary);
  out << "client_code,carrier_code,pro_number,bill_of_lading,mode,goods,freight_cost,currency,ship_date\n";
  for (long i = 0; i < rows; ++i) {
    out << "NORDWIND," << (i % 2 ? "CARRIER-RAIL" : "CARRIER-FAST") << ",PRO" << i << ",BOL" << i
        << ",road,\"Washers, 60 cm\"," << i / 100 << '.' << (i % 100 < 10 ? "0" : "") << i % 100
        << ",EUR,2026-03-01T08:00:00Z\n";
  }
}

std::int64_t count(store::Database& database, const std::string& sql) {
  Poco::Data::Session session = database.session();
  std::int64_t n = 0;
  session << sql, into(n), now;
  return n;
}

std::string runStatus(store::Database& database) {
  Poco::Data::Session session = database.session();
  std::vector<std::string> status;
  session << "SELECT status FROM import_run", into(status), now;
  return status.empty() ? "" : status.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_command)

BOOST_AUTO_TEST_CASE(an_import_killed_midway_and_run_again_applies_every_row_exactly_once) {
  TestDatabase test;
  TemporaryDirectory directory;
  BOOST_REQUIRE(runAfterflow({"--db", test.url(), "db", "seed"}).exitCode == 0);
  const long rows = 200000;
  const std::string file = directory.file("shipments.csv");
  writeShipments(file, rows);
  store::Database& database = test.database();

  std::string statusAtKill;
  {
    test_support::RunningProgram import({"--db", test.url(), "import", "shipments", file});
    // The run is kept (and committed) before any row is applied: kill as soon as it shows.
    bool started = false;
    for (int i = 0; i < 3000 && !started; ++i) {
      try {
        started = count(database, "SELECT count(*) FROM import_run") > 0;
      } catch (const Poco::Exception&) {
        // The binary has not created the table yet (it migrates on first use): look again.
      }
      if (!started) Poco::Thread::sleep(10);
    }
    BOOST_REQUIRE_MESSAGE(started, "the import never kept its run");
    import.signal(SIGKILL);
    import.wait();
    statusAtKill = runStatus(database);
  }
  // The kill landed while the rows were being applied, and left none of them.
  BOOST_REQUIRE_EQUAL(statusAtKill, "running");
  BOOST_TEST(count(database, "SELECT count(*) FROM shipment") == 0);

  const ProgramResult again = runAfterflow({"--db", test.url(), "import", "shipments", file});
  BOOST_TEST(again.exitCode == 0, again.err);
  BOOST_TEST(again.out.find("200000 rows, 200000 applied, 0 rejected; attempt 2") != std::string::npos, again.out);
  BOOST_TEST(count(database, "SELECT count(*) FROM shipment") == rows);
  BOOST_TEST(count(database, "SELECT count(DISTINCT pro_number) FROM shipment") == rows);
  // A checksum over the references and what each row carried: PRO<i> with a cost of i cents.
  BOOST_TEST(count(database, "SELECT sum(CAST(substr(pro_number, 4) AS BIGINT)) FROM shipment") ==
             rows * (rows - 1) / 2);
  BOOST_TEST(count(database, "SELECT count(*) FROM shipment WHERE freight_cost_cents <> "
                             "CAST(substr(pro_number, 4) AS BIGINT)") == 0);
  BOOST_TEST(count(database, "SELECT count(*) FROM import_run WHERE status = 'applied' AND attempts = 2") == 1);

  const ProgramResult third = runAfterflow({"--db", test.url(), "import", "shipments", file});
  BOOST_TEST(third.exitCode == 0, third.err);
  BOOST_TEST(third.out.find("already imported as run 1 (200000 applied, 0 rejected); nothing applied now") !=
                 std::string::npos,
             third.out);
  BOOST_TEST(count(database, "SELECT count(*) FROM shipment") == rows);
}

BOOST_AUTO_TEST_CASE(import_prints_each_reject_with_file_and_line_and_replay_applies_it_after_the_fix) {
  TestDatabase test;
  TemporaryDirectory directory;
  BOOST_REQUIRE(runAfterflow({"--db", test.url(), "db", "seed"}).exitCode == 0);
  const std::string file = directory.file("tms.csv");
  std::ofstream(file) << "pro_number,carrier_code,mode\nPRO-1,CARRIER-FAST,road\nPRO-2,CARRIER-NEW,road\n";
  const ProgramResult first =
      runAfterflow({"--db", test.url(), "import", "shipments", file, "--client", "NORDWIND"});
  BOOST_TEST(first.exitCode == 1);
  BOOST_TEST(first.err == file + ":3: unknown_party (carrier_code): no carrier with party code or SCAC 'CARRIER-NEW'\n");
  BOOST_TEST(first.out.find("run 1: 2 rows, 1 applied, 1 rejected (1 unknown_party)") != std::string::npos, first.out);
  BOOST_TEST(first.out.find("rejects written to " + directory.file("tms.rejects.csv")) != std::string::npos, first.out);

  crm::Party carrier;
  carrier.code = "CARRIER-NEW";
  carrier.name = "New Carrier";
  carrier.roles = {crm::PartyRole::carrier};
  crm::PartyDirectory(test.database()).add(carrier);
  test.close();
  const ProgramResult replay = runAfterflow({"--db", test.url(), "import", "replay", "1", "--client", "NORDWIND"});
  BOOST_TEST(replay.exitCode == 0, replay.err);
  BOOST_TEST(replay.out.find("run 2: 1 rows, 1 applied, 0 rejected") != std::string::npos, replay.out);
  BOOST_TEST(replay.out.find("1 earlier rejects resolved") != std::string::npos, replay.out);
  const ProgramResult nothing = runAfterflow({"--db", test.url(), "import", "replay", "1"});
  BOOST_TEST(nothing.out == "run 1 has no outstanding rejects: nothing to replay\n");
  const ProgramResult show = runAfterflow({"--db", test.url(), "import", "show", "1"});
  BOOST_TEST(show.out.find("rows:     2 read, 1 applied, 1 rejected") != std::string::npos, show.out);
}

BOOST_AUTO_TEST_SUITE_END()
