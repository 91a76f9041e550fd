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

// A sent message named by its control numbers only.
SentReference sent(const std::string& interchange, const std::string& group, const std::string& message) {
  SentReference reference;
  reference.interchangeControl = interchange;
  reference.groupControl = group;
  reference.messageControl = message;
  return reference;
}

std::string readFixture(const std::string& name) { return readFile(edi_fixtures::kFixtures + "/" + name); }

std::vector<AckEntry> read(const std::string& ack) {
  MemoryByteSource source(ack);
  Diagnostics diagnostics;
  auto entries = readAcknowledgments(source, diagnostics);
  BOOST_TEST(!diagnostics.hasErrors());
  return entries;
}

// Our own writer's acknowledgment of some interchanges, as a partner would send it back.
std::string acknowledgmentOfBytes(const std::string& bytes, bool ta1 = true) {
  std::ostringstream out;
  AckOptions options;
  options.alwaysTa1 = ta1;
  AckWriter writer(out, options);
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  checkInterchanges(source, catalog(), diagnostics, {}, &writer);
  return out.str();
}

std::string acknowledgmentOf(const std::string& fixture) { return acknowledgmentOfBytes(readFixture(fixture)); }

// An X12 856 interchange from US to `partner` in group 1 with set 0001, the numbers every sender
// starts with; a bad BSN03 date gets the set rejected, a wrong IEA01 the interchange.
std::string shipNotice(const std::string& partner, const std::string& isa13, const std::string& bsnDate,
                       const std::string& iea01 = "1") {
  return "ISA*00*          *00*          *ZZ*US             *ZZ*" + partner + std::string(15 - partner.size(), ' ') +
         "*261101*1200*U*00401*" + isa13 + "*0*P*>~GS*SH*US*" + partner +
         "*20261101*1200*1*X*004010~ST*856*0001~BSN*00*S1*" + bsnDate + "*1200~HL*1**S~SE*4*0001~GE*1*1~IEA*" +
         iea01 + "*" + isa13 + "~";
}

// What the logistics module would keep of the one set of shipNotice().
SentReference sentShipNotice(const std::string& partner, const std::string& isa13) {
  SentReference reference = sent(isa13, "1", "0001");
  reference.senderQualifier = "ZZ";
  reference.sender = "US";
  reference.receiverQualifier = "ZZ";
  reference.receiver = partner;
  reference.groupSender = "US";
  reference.groupReceiver = partner;
  return reference;
}

// An EDIFACT interchange `reference` with one group GRP1 holding message 1; `bgm03` "9" is
// valid, "99" not a code of 1225.
std::string groupedDespatchAdvice(const std::string& reference, const std::string& bgm03) {
  return "UNB+UNOC:3+SENDER:14+RECEIVER:14+261101:1200+" + reference +
         "'UNG+DESADV+SENDAPP:ZZ+RECVAPP:ZZ+261101:1200+GRP1+UN+D:96A'UNH+1+DESADV:D:96A:UN'BGM+351+D1+" + bgm03 +
         "'UNT+3+1'UNE+1+GRP1'UNZ+1+" + reference + "'";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ack_reader)

BOOST_AUTO_TEST_CASE(a_997_is_matched_to_each_sent_transaction_set) {
  const auto entries = read(acknowledgmentOf("validate/x12_856_errors.edi"));
  const auto matches = matchAcknowledgments(entries, {sent("000000101", "7", "0001"), sent("000000101", "7", "0002"),
                                                      sent("000000101", "7", "0003"), sent("000000999", "9", "0001")});
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
      matchAcknowledgments(read(acknowledgmentOf("validate/x12_997_5010_valid.edi")), {sent("000000201", "8", "0001")});
  BOOST_TEST((matches[0].outcome() == AckStatus::accepted));
  BOOST_TEST((matches[0].interchange == AckStatus::accepted));
}

BOOST_AUTO_TEST_CASE(a_contrl_is_matched_by_interchange_and_message_reference) {
  const auto entries = read(acknowledgmentOf("validate/edifact_errors.edi"));
  const auto matches =
      matchAcknowledgments(entries, {sent("REF1", "", "1"), sent("REF1", "", "2"), sent("OTHER", "", "1")});
  BOOST_TEST((matches[0].message == AckStatus::rejected));
  // Its errors are at segment level (a missing BGM): UCM04 stays empty, UCS says the rest.
  BOOST_TEST(matches[0].codes.empty());
  BOOST_TEST((matches[1].message == AckStatus::rejected));
  BOOST_TEST((matches[0].interchange == AckStatus::rejected));
  BOOST_TEST(!matches[2].outcome().has_value());
  const auto accepted = matchAcknowledgments(read(acknowledgmentOf("validate/edifact_desadv_valid.edi")),
                                             {sent("REF1", "", "1")});
  BOOST_TEST((accepted[0].outcome() == AckStatus::accepted));
}

BOOST_AUTO_TEST_CASE(a_partner_997_with_partial_acceptance_is_read_as_written) {
  const std::string partner =
      "ISA*00*          *00*          *ZZ*PARTNER        *ZZ*US             *261101*1200*U*00401*000000009*0*P*>~"
      "GS*FA*PARTNER*US*20261101*1200*9*X*004010~ST*997*0001~AK1*SM*41~AK2*204*0007~AK5*A~"
      "AK2*204*0008~AK3*B2*2**8~AK4*4*145*1~AK5*R*5~AK9*P*2*2*1~SE*10*0001~GE*1*9~IEA*1*000000009~";
  const auto matches = matchAcknowledgments(read(partner), {sent("x", "41", "0007"), sent("x", "41", "0008")});
  BOOST_TEST((matches[0].outcome() == AckStatus::accepted));
  BOOST_TEST((matches[0].group == AckStatus::partiallyAccepted));
  BOOST_TEST((matches[1].outcome() == AckStatus::rejected));
}

BOOST_AUTO_TEST_CASE(a_997_is_told_apart_by_the_partner_when_group_and_set_numbers_are_reused) {
  // Two partners each get group 1 with set 0001; only the one to PARTNERB is rejected. Their 997s
  // name group and set alone (no TA1): the envelopes they come in tell them apart.
  const std::string acks = acknowledgmentOfBytes(shipNotice("PARTNERA", "000000301", "20261101"), false) +
                           acknowledgmentOfBytes(shipNotice("PARTNERB", "000000302", "20261399"), false);
  const auto entries = read(acks);
  BOOST_TEST(entries.size() == 4u);  // AK5 and AK9 of each
  const auto matches = matchAcknowledgments(entries, {sentShipNotice("PARTNERA", "000000301"),
                                                      sentShipNotice("PARTNERB", "000000302")});
  BOOST_TEST((matches[0].outcome() == AckStatus::accepted));
  BOOST_TEST((matches[0].group == AckStatus::accepted));
  BOOST_TEST((matches[1].outcome() == AckStatus::rejected));
  BOOST_TEST((matches[1].message == AckStatus::rejected));
  BOOST_TEST(!matches[0].ambiguous);
  BOOST_TEST(!matches[1].ambiguous);
  BOOST_TEST(!matches[0].interchange.has_value());  // a 997 does not speak for the interchange
}

BOOST_AUTO_TEST_CASE(reused_numbers_to_one_partner_are_told_apart_where_the_ack_names_the_interchange) {
  // Both interchanges go to PARTNER with group 1 and set 0001; the second has a wrong IEA01.
  // TA1 names ISA13, so each interchange gets its own verdict; the 997s name group and set only,
  // which fit both alike: neither gets them, and both say so.
  const std::string acks = acknowledgmentOfBytes(shipNotice("PARTNER", "000000401", "20261101")) +
                           acknowledgmentOfBytes(shipNotice("PARTNER", "000000402", "20261399", "2"));
  const auto matches = matchAcknowledgments(read(acks), {sentShipNotice("PARTNER", "000000401"),
                                                         sentShipNotice("PARTNER", "000000402")});
  BOOST_TEST((matches[0].interchange == AckStatus::accepted));
  BOOST_TEST((matches[1].interchange == AckStatus::rejected));
  for (const AckMatch& match : matches) {
    BOOST_TEST(match.ambiguous);
    BOOST_TEST(!match.message.has_value());
    BOOST_TEST(!match.group.has_value());
  }
  BOOST_TEST((matches[1].outcome() == AckStatus::rejected));
}

BOOST_AUTO_TEST_CASE(a_ta1_for_another_partners_interchange_with_the_same_number_does_not_apply) {
  const auto entries = read(acknowledgmentOfBytes(shipNotice("PARTNERA", "000000501", "20261101", "2")));
  const auto matches = matchAcknowledgments(entries, {sentShipNotice("PARTNERA", "000000501"),
                                                      sentShipNotice("PARTNERB", "000000501")});
  BOOST_TEST((matches[0].interchange == AckStatus::rejected));
  BOOST_TEST(!matches[1].outcome().has_value());
}

BOOST_AUTO_TEST_CASE(contrl_verdicts_go_by_interchange_group_and_message_reference) {
  // Two interchanges reuse group GRP1 and message 1; only REF2's message is wrong.
  const std::string acks = acknowledgmentOfBytes(groupedDespatchAdvice("REF1", "9"), false) +
                           acknowledgmentOfBytes(groupedDespatchAdvice("REF2", "99"), false);
  const auto entries = read(acks);
  BOOST_REQUIRE_EQUAL(entries.size(), 6u);  // UCI, UCF, UCM of each
  BOOST_TEST((entries[1].level == ErrorLevel::group));
  BOOST_TEST(entries[1].groupControl == "GRP1");
  BOOST_TEST(entries[1].groupSender == "SENDAPP");
  BOOST_TEST(entries[1].groupReceiver == "RECVAPP");
  BOOST_TEST(entries[2].groupControl == "GRP1");
  BOOST_TEST(entries[2].interchangeControl == "REF1");

  SentReference first = sent("REF1", "GRP1", "1");
  first.sender = "SENDER";
  first.senderQualifier = "14";
  first.receiver = "RECEIVER";
  first.receiverQualifier = "14";
  first.groupSender = "SENDAPP";
  first.groupReceiver = "RECVAPP";
  SentReference second = first;
  second.interchangeControl = "REF2";
  SentReference otherGroup = first;
  otherGroup.groupControl = "GRP2";
  SentReference otherSender = first;
  otherSender.sender = "SOMEONE";
  const auto matches = matchAcknowledgments(entries, {first, second, otherGroup, otherSender});
  BOOST_TEST((matches[0].outcome() == AckStatus::accepted));
  BOOST_TEST((matches[0].group == AckStatus::accepted));
  BOOST_TEST((matches[1].outcome() == AckStatus::rejected));
  BOOST_TEST((matches[1].message == AckStatus::rejected));
  BOOST_TEST((matches[1].interchange == AckStatus::accepted));
  // A message of another group in REF1: the interchange was acknowledged, the message was not.
  BOOST_TEST((matches[2].interchange == AckStatus::accepted));
  BOOST_TEST(!matches[2].group.has_value());
  BOOST_TEST(!matches[2].message.has_value());
  BOOST_TEST(!matches[3].outcome().has_value());  // UCI copies the sender: not this one
  for (const AckMatch& match : matches) BOOST_TEST(!match.ambiguous);
}

BOOST_AUTO_TEST_CASE(a_rejected_group_rejects_its_messages_whatever_their_ucm_says) {
  // Group GRP2's UNE is wrong (count and reference): UCF rejects it; its message 3 is fine itself.
  const auto entries = read(acknowledgmentOf("validate/edifact_groups_syntax3.edi"));
  SentReference third = sent("REF7", "GRP2", "3");
  SentReference second = sent("REF7", "GRP1", "2");
  SentReference first = sent("REF7", "GRP1", "1");
  const auto matches = matchAcknowledgments(entries, {first, second, third});
  BOOST_TEST((matches[0].outcome() == AckStatus::accepted));
  BOOST_TEST((matches[1].outcome() == AckStatus::rejected));
  BOOST_TEST((matches[2].message == AckStatus::accepted));
  BOOST_TEST((matches[2].group == AckStatus::rejected));
  BOOST_TEST((matches[2].outcome() == AckStatus::rejected));
  bool named = false;
  for (const AckEntry& entry : entries) {
    if (entry.level != ErrorLevel::group || entry.groupControl != "GRP2") continue;
    BOOST_TEST(entry.codes == (std::vector<std::string>{"29"}), boost::test_tools::per_element());
    named = entry.details == std::vector<std::string>{"UNE 2"};
  }
  BOOST_TEST(named);
}

BOOST_AUTO_TEST_SUITE_END()
