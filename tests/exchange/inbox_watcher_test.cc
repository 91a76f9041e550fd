#include "exchange/inbox_watcher.h"
#include "tests/exchange/exchange_fixture.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <vector>

using exchange::InboxWatcher;
using exchange::Intake;
using exchange::WatchedFile;
using exchange_test::catalog;
using exchange_test::fixture;
using exchange_test::Partners;

namespace {

struct Inbox {
  std::string path = Poco::TemporaryFile::tempName() + "-inbox";
  Inbox() { Poco::File(path).createDirectories(); }
  ~Inbox() { Poco::File(path).remove(true); }

  std::string at(const std::string& name) const { return path + "/" + name; }
  void put(const std::string& name, const std::string& source) const { Poco::File(source).copyTo(at(name)); }
  bool has(const std::string& name) const { return Poco::File(at(name)).exists(); }
};

std::vector<WatchedFile> takeAll(InboxWatcher& watcher) {
  std::vector<WatchedFile> files;
  watcher.takeWaiting([&files](const WatchedFile& file) { files.push_back(file); });
  return files;
}

std::string readText(const std::string& path) {
  Poco::FileInputStream in(path);
  std::string text;
  Poco::StreamCopier::copyToString(in, text);
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inbox_watcher)

BOOST_AUTO_TEST_CASE(landed_files_are_received_in_name_order_and_moved_to_done_or_failed) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  Inbox inbox;
  inbox.put("b-status.edi", fixture("carrier_214.edi"));
  inbox.put("a-notice.edi", fixture("client_856.edi"));
  inbox.put("c-again.edi", fixture("client_856.edi"));  // the same content: refused, not applied twice
  inbox.put(".d-still-writing.edi", fixture("client_856.edi"));
  inbox.put("e-still-writing.part", fixture("client_856.edi"));

  InboxWatcher watcher(intake, inbox.path);
  const std::vector<WatchedFile> files = takeAll(watcher);
  BOOST_REQUIRE(files.size() == 3u);
  BOOST_TEST(files[0].name == "a-notice.edi");
  BOOST_TEST(files[1].name == "b-status.edi");
  BOOST_TEST(files[2].name == "c-again.edi");
  BOOST_TEST(files[0].applied);
  BOOST_TEST(files[2].report->duplicate);
  BOOST_TEST(inbox.has("done/a-notice.edi"));
  BOOST_TEST(inbox.has(files[2].applied ? "done/c-again.edi" : "failed/c-again.edi"));
  BOOST_TEST(inbox.has(".d-still-writing.edi"));
  BOOST_TEST(inbox.has("e-still-writing.part"));
  BOOST_TEST(!inbox.has("a-notice.edi"));
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 2);
  BOOST_TEST(takeAll(watcher).empty());
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_read_goes_to_failed_with_its_reason_and_the_next_file_is_taken) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  Inbox inbox;
  // A link to nothing: listed like a file, unreadable whoever runs the test (root reads any mode).
  BOOST_REQUIRE(::symlink((inbox.path + "/nowhere").c_str(), inbox.at("a-broken.edi").c_str()) == 0);
  inbox.put("b-notice.edi", fixture("client_856.edi"));

  InboxWatcher watcher(intake, inbox.path);
  const std::vector<WatchedFile> files = takeAll(watcher);
  BOOST_REQUIRE(files.size() == 2u);
  BOOST_TEST(!files[0].report.has_value());
  BOOST_TEST(!files[0].applied);
  BOOST_TEST(files[0].unreadable.find("a-broken.edi") != std::string::npos, files[0].unreadable);
  BOOST_TEST(files[0].movedTo == inbox.at("failed/a-broken.edi"));
  BOOST_TEST(readText(inbox.at("failed/a-broken.edi.why")).find("not received") == 0u);
  BOOST_TEST(files[1].applied);
  BOOST_TEST(partners.count("SELECT count(*) FROM interchange WHERE direction = 'inbound'") == 1);
}

BOOST_AUTO_TEST_CASE(a_file_claimed_by_a_watcher_that_died_is_taken_back_and_received_once) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  Inbox inbox;
  // A process that has ended: its pid is free (or reused by something else, which would only
  // delay taking the claim back; the test would then fail loudly rather than pass wrongly).
  std::vector<std::string> noArguments;
  Poco::ProcessHandle ended = Poco::Process::launch("/bin/true", noArguments);
  const int pid = ended.wait() == 0 ? ended.id() : 0;
  BOOST_REQUIRE(pid > 0);
  const std::string claims = inbox.at(".claimed-" + std::to_string(pid));
  Poco::File(claims).createDirectories();
  Poco::File(fixture("client_856.edi")).copyTo(claims + "/notice.edi");

  InboxWatcher watcher(intake, inbox.path);
  BOOST_TEST(!Poco::File(claims).exists());
  const std::vector<WatchedFile> files = takeAll(watcher);
  BOOST_REQUIRE(files.size() == 1u);
  BOOST_TEST(files[0].name == "notice.edi");
  BOOST_TEST(files[0].applied);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 2);
}

BOOST_AUTO_TEST_CASE(a_claim_of_a_running_watcher_is_left_alone) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  Inbox inbox;
  const std::string claims = inbox.at(".claimed-" + std::to_string(::getppid()));  // runs: our parent
  Poco::File(claims).createDirectories();
  Poco::File(fixture("client_856.edi")).copyTo(claims + "/notice.edi");

  InboxWatcher watcher(intake, inbox.path);
  BOOST_TEST(takeAll(watcher).empty());
  BOOST_TEST(Poco::File(claims + "/notice.edi").exists());
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
