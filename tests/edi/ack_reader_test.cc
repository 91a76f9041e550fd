#include "edi/ack_reader.h"
#include "edi/ack_writer.h"
#include "edi/file_check.h"
#include "edi/spec_catalog.h"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include "tests/edi/edi_fixtures.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace edi;
using edi_fixtures::catalog;
using edi_fixtures::readFile;

namespace {

std::string readFixture(const std::string& name) { return readFile(edi_fixtures::kFixtures + "/" + name); }

std::vector<AckEntry> read(const std::string& ack) {
  MemoryByteSource source(ack);
  Diagnostics diagnostics;
  auto entries = readAcknowledgments(source, diagnostics);
  BOOST_TEST(!diagnostics.hasErrors());
  return entries;
}

// Our own writer's acknowledgment of a fixture, as a partner would send it back.
std::string acknowledgmentOf(const std::string& fixture) {
  std::ostringstream out;
  AckOptions options;
  options.alwaysTa1 = true;
  AckWriter writer(out, options);
  const std::string bytes = readFixture(fixture);
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  checkInterchanges(source, catalog(), diagnostics, {}, &writer);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ack_reader)

BOOST_AUTO_TEST_CASE(a_997_is_matched_to_each_sent_transaction_set) {
  const auto entries = read(acknowledgmentOf("validate/x12_856_errors.edi"));
  const auto matches = matchAcknowledgments(entries, {{"000000101", "7", "0001"}, {"000000101", "7", "0002"},
                                                      {"000000101", "7", "0003"}, {"000000999", "9", "0001"}});
  BOOST_REQUIRE_EQUAL(matches.size(), 4u);
  BOOST_TEST((matches[0].message == AckStatus::rejected));
  BOOST_TEST(matches[0].codes == (std::vector<std::string>{"3", "5"}), boost::test_tools::per_element());
  BOOST_TEST((matches[0].interchange == AckStatus::rejected));  // TA1 rejected the interchange (IEA02)
  BOOST_TEST((matches[1].message == AckStatus::rejected));
  BOOST_TEST((matches[1].group == AckStatus::rejected));
  BOOST_TEST(!matches[2].message.has_value());  // never sent in that group: no verdict
  BOOST_TEST(!matches[3].outcome().has_value());
  bool detailed = false;
  for (const AckEntry& entry : entries) {
    if (entry.messageControl != "0001") continue;
    for (const std::string& detail : entry.details) detailed = detailed || detail == "AK4 3 (373): 8";
  }
  BOOST_TEST(detailed);
}

BOOST_AUTO_TEST_CASE(an_accepting_999_and_ta1_give_accepted_outcomes) {
  const auto matches =
      matchAcknowledgments(read(acknowledgmentOf("validate/x12_997_5010_valid.edi")), {{"000000201", "8", "0001"}});
  BOOST_TEST((matches[0].outcome() == AckStatus::accepted));
  BOOST_TEST((matches[0].interchange == AckStatus::accepted));
}

BOOST_AUTO_TEST_CASE(a_contrl_is_matched_by_interchange_and_message_reference) {
  const auto entries = read(acknowledgmentOf("validate/edifact_errors.edi"));
  const auto matches = matchAcknowledgments(entries, {{"REF1", "", "1"}, {"REF1", "", "2"}, {"OTHER", "", "1"}});
  BOOST_TEST((matches[0].message == AckStatus::rejected));
  // Its errors are at segment level (a missing BGM): UCM04 stays empty, UCS says the rest.
  BOOST_TEST(matches[0].codes.empty());
  BOOST_TEST((matches[1].message == AckStatus::rejected));
  BOOST_TEST((matches[0].interchange == AckStatus::rejected));
  BOOST_TEST(!matches[2].outcome().has_value());
  const auto accepted = matchAcknowledgments(read(acknowledgmentOf("validate/edifact_desadv_valid.edi")),
                                             {{"REF1", "", "1"}});
  BOOST_TEST((accepted[0].outcome() == AckStatus::accepted));
}

BOOST_AUTO_TEST_CASE(a_partner_997_with_partial_acceptance_is_read_as_written) {
  const std::string partner =
      "ISA*00*          *00*          *ZZ*PARTNER        *ZZ*US             *261101*1200*U*00401*000000009*0*P*>~"
      "GS*FA*PARTNER*US*20261101*1200*9*X*004010~ST*997*0001~AK1*SM*41~AK2*204*0007~AK5*A~"
      "AK2*204*0008~AK3*B2*2**8~AK4*4*145*1~AK5*R*5~AK9*P*2*2*1~SE*10*0001~GE*1*9~IEA*1*000000009~";
  const auto matches = matchAcknowledgments(read(partner), {{"x", "41", "0007"}, {"x", "41", "0008"}});
  BOOST_TEST((matches[0].outcome() == AckStatus::accepted));
  BOOST_TEST((matches[0].group == AckStatus::partiallyAccepted));
  BOOST_TEST((matches[1].outcome() == AckStatus::rejected));
}

BOOST_AUTO_TEST_SUITE_END()
