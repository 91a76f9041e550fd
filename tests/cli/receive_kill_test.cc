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
using test_support::runAfterflow;
using test_support::TestDatabase;

namespace {

// One X12 interchange of `count` ship notices from the sample client NORDWIND, each with its own
// bill of lading, so every applied row can be counted.
std::string shipNotices(int count) {
  std::string text =
      "ISA*00*          *00*          *ZZ*NORDWIND       *ZZ*AFTERFLOW      *261101*1200*U*00401*000000777*0*P*>~\n"
      "GS*SH*NORDWIND*AFTERFLOW*20261101*1200*77*X*004010~\n";
  for (int i = 1; i <= count; ++i) {
    const std::string n = std::to_string(i);
    const std::string control = std::string(4 - std::min<std::size_t>(4, n.size()), '0') + n;
    text += "ST*856*" + control + "~\nBSN*00*ASN-" + n + "*20261101*1200~\nDTM*011*20261101*0930~\nHL*1**S~\n"
            "TD1*CTN25*3****G*44.1*LB~\nTD5*B*2*FSTF*M~\nREF*BM*BOL-" + n +
            "~\nN1*ST*SERVICE CENTER*92*SC1~\nN4*MUNICH*BY*80331*DE~\nHL*2*1*I~\nLIN**BP*WM-800~\nSN1**2*EA~\nSE*13*" +
            control + "~\n";
  }
  return text + "GE*" + std::to_string(count) + "*77~\nIEA*1*000000777~\n";
}

std::int64_t count(store::Database& database, const std::string& sql) {
  Poco::Data::Session session = database.session();
  std::int64_t n = 0;
  session << sql, into(n), now;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(receive_kill)

// Nothing half-applied survives a crash, and a second run applies what the first did not, once.
BOOST_AUTO_TEST_CASE(a_receive_killed_at_any_point_and_run_again_applies_every_message_exactly_once) {
  constexpr int kMessages = 10000;
  TestDatabase test;
  const std::string work = Poco::TemporaryFile::tempName();
  Poco::File(work + "/out").createDirectories();
  const std::string file = work + "/notices.edi";
  Poco::FileOutputStream(file) << shipNotices(kMessages);
  BOOST_REQUIRE(runAfterflow({"--db", test.url(), "db", "seed"}).exitCode == 0);
  const auto partner = runAfterflow({"--db", test.url(), "partner", "add", "NORDWIND", "--role", "client", "--standard",
                                     "x12", "--version", "004010", "--isa-qualifier", "ZZ", "--isa-id", "NORDWIND",
                                     "--ack", "997", "--outbox", work + "/out"});
  BOOST_REQUIRE_MESSAGE(partner.exitCode == 0, partner.err);

  // Killed while keeping, validating or applying (the whole run takes seconds).
  int interrupted = 0;
  for (const long delay : {150L, 600L, 1200L}) {
    test_support::RunningProgram receive({"--db", test.url(), "receive", file});
    Poco::Thread::sleep(delay);
    receive.signal(SIGKILL);
    receive.wait();
    const std::int64_t shipments = count(test.database(), "SELECT count(*) FROM shipment");
    BOOST_TEST_MESSAGE("killed after " << delay << " ms: " << shipments << " shipments");
    BOOST_TEST((shipments == 0 || shipments == kMessages));  // all or nothing, never a part
    BOOST_TEST(count(test.database(), "SELECT count(*) FROM interchange WHERE direction = 'inbound'") <= 1);
    BOOST_TEST(count(test.database(), "SELECT count(*) FROM interchange WHERE direction = 'outbound'") <= 1);
    if (shipments == 0) ++interrupted;
    test.close();
  }
  BOOST_TEST(interrupted >= 1);  // the test killed something in flight

  const auto last = runAfterflow({"--db", test.url(), "receive", file});
  BOOST_TEST(last.exitCode == 0, last.err);
  store::Database& database = test.database();
  BOOST_TEST(count(database, "SELECT count(*) FROM shipment") == kMessages);
  BOOST_TEST(count(database, "SELECT count(DISTINCT bill_of_lading) FROM shipment") == kMessages);
  BOOST_TEST(count(database, "SELECT count(*) FROM shipment_line") == kMessages);
  BOOST_TEST(count(database, "SELECT count(*) FROM interchange WHERE direction = 'inbound' AND status = 'applied'") == 1);
  BOOST_TEST(count(database, "SELECT count(*) FROM interchange WHERE direction = 'outbound'") == 1);
  std::vector<std::string> acks;
  Poco::File(work + "/out").list(acks);
  BOOST_TEST(acks.size() == 1u);
  // And once more: refused, nothing applied twice.
  const auto again = runAfterflow({"--db", test.url(), "receive", file});
  BOOST_TEST(again.exitCode == 0);  // a duplicate of what is applied is no failure
  BOOST_TEST(again.out.find("refused: a duplicate") != std::string::npos, again.out);
  BOOST_TEST(count(database, "SELECT count(*) FROM shipment") == kMessages);
  Poco::File(work).remove(true);
}

BOOST_AUTO_TEST_SUITE_END()
