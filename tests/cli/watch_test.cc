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
using test_support::RunningProgram;
using test_support::TestDatabase;

namespace {

// One ship notice from the sample client NORDWIND with bill of lading BOL-<n>.
std::string shipNotice(int n) {
  const std::string id = std::to_string(n);
  return "ISA*00*          *00*          *ZZ*NORDWIND       *ZZ*AFTERFLOW      *261101*1200*U*00401*00000000" + id +
         "*0*P*>~GS*SH*NORDWIND*AFTERFLOW*20261101*1200*" + id + "*X*004010~ST*856*0001~BSN*00*ASN-" + id +
         "*20261101*1200~DTM*011*20261101*0930~HL*1**S~TD1*CTN25*3****G*44.1*LB~TD5*B*2*FSTF*M~REF*BM*BOL-" + id +
         "~N1*ST*SERVICE CENTER*92*SC1~N4*MUNICH*BY*80331*DE~HL*2*1*I~LIN**BP*WM-800~SN1**2*EA~SE*13*0001~GE*1*" + id +
         "~IEA*1*00000000" + id + "~\n";
}

// A file lands whole: written under a dot name the watcher passes over, then renamed.
void drop(const std::string& inbox, const std::string& name, const std::string& content) {
  Poco::FileOutputStream(inbox + "/." + name) << content;
  Poco::File(inbox + "/." + name).renameTo(inbox + "/" + name);
}

bool appears(const std::string& path) {
  for (int i = 0; i < 300 && !Poco::File(path).exists(); ++i) Poco::Thread::sleep(100);
  return Poco::File(path).exists();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(watch)

BOOST_AUTO_TEST_CASE(watch_receives_each_file_that_lands_in_the_inbox_until_ctrl_c) {
  TestDatabase test;
  const std::string work = Poco::TemporaryFile::tempName();
  const std::string inbox = work + "/inbox";
  Poco::File(inbox).createDirectories();
  Poco::File(work + "/out").createDirectories();
  BOOST_REQUIRE(runAfterflow({"--db", test.url(), "db", "seed"}).exitCode == 0);
  const auto partner = runAfterflow({"--db", test.url(), "partner", "add", "NORDWIND", "--role", "client", "--standard",
                                     "x12", "--version", "004010", "--isa-qualifier", "ZZ", "--isa-id", "NORDWIND",
                                     "--ack", "997", "--outbox", work + "/out"});
  BOOST_REQUIRE_MESSAGE(partner.exitCode == 0, partner.err);

  RunningProgram watch({"--db", test.url(), "watch", inbox, "--interval", "1"});
  BOOST_TEST(watch.readLine() == "watching " + inbox + "/");
  drop(inbox, "first.edi", shipNotice(1));
  BOOST_TEST(appears(inbox + "/done/first.edi"));
  drop(inbox, "second.edi", shipNotice(2));
  drop(inbox, "broken.edi", "this is no interchange\n");
  BOOST_TEST(appears(inbox + "/done/second.edi"));
  BOOST_TEST(appears(inbox + "/failed/broken.edi"));

  watch.signal(SIGINT);
  BOOST_TEST(watch.wait() == 1);  // it stopped on Ctrl-C, and says a file failed
  BOOST_TEST(watch.remainingOutput().find("stopped\n") != std::string::npos);
  Poco::Data::Session session = test.database().session();
  std::int64_t shipments = 0;
  session << "SELECT count(*) FROM shipment WHERE bill_of_lading IN ('BOL-1', 'BOL-2')", into(shipments), now;
  BOOST_TEST(shipments == 2);
  std::vector<std::string> acks;
  Poco::File(work + "/out").list(acks);
  BOOST_TEST(acks.size() == 2u);
  Poco::File(work).remove(true);
}

BOOST_AUTO_TEST_SUITE_END()
