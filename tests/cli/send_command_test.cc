#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>

using test_support::ProgramResult;
using test_support::runAfterflow;
using test_support::TestDatabase;

namespace {

std::vector<std::string> tender(const std::string& url, const std::string& until) {
  return {"--db", url, "send", "tender", "--as", "NORDWIND", "--client", "NORDWIND", "--carrier", "CARRIER-FAST",
          "--reference", "SHIP-1", "--from-name", "Nordwind DC", "--from-city", "Hamburg", "--from-postal-code",
          "20095", "--from-country", "DE", "--to-name", "Elektro Huber", "--to-city", "Munich", "--to-country", "DE",
          "--pickup-from", "2026-11-02T08:00:00.000Z", "--pickup-until", until, "--pieces", "2", "--weight", "144",
          "--line", "2:WM-800:Washing machine"};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(send_command)

BOOST_AUTO_TEST_CASE(send_tender_writes_a_204_to_the_carriers_outbox_and_refusals_exit_one) {
  TestDatabase test;
  const std::string outbox = Poco::TemporaryFile::tempName() + "-outbox";
  BOOST_REQUIRE(runAfterflow({"--db", test.url(), "db", "seed"}).exitCode == 0);
  const ProgramResult partner =
      runAfterflow({"--db", test.url(), "partner", "add", "CARRIER-FAST", "--role", "carrier", "--standard", "x12",
                    "--version", "004010", "--isa-qualifier", "02", "--isa-id", "FSTF", "--ack", "997", "--outbox", outbox});
  BOOST_REQUIRE_MESSAGE(partner.exitCode == 0, partner.err);

  const ProgramResult sent = runAfterflow(tender(test.url(), "2026-11-02T16:00:00.000Z"));
  BOOST_TEST(sent.exitCode == 0, sent.err);
  BOOST_TEST(sent.out.find("sent 204 interchange 000000001 (kept as interchange ") == 0u, sent.out);
  BOOST_TEST(Poco::File(outbox + "/204-CARRIER-FAST-000000001.edi").exists());

  const ProgramResult refused = runAfterflow(tender(test.url(), "2026-11-01T16:00:00.000Z"));
  BOOST_TEST(refused.exitCode == 1);
  BOOST_TEST(refused.err.find("not sent: invalid_value (pickup_until)") != std::string::npos, refused.err);

  std::vector<std::string> anonymous = tender(test.url(), "2026-11-02T16:00:00.000Z");
  anonymous.erase(anonymous.begin() + 4, anonymous.begin() + 6);  // no --as, no AFTERFLOW_OWN_PARTY
  BOOST_TEST(runAfterflow(anonymous).exitCode == 2);
  Poco::File(outbox).remove(true);
}

BOOST_AUTO_TEST_SUITE_END()
