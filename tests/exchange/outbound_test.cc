#include "exchange/outbound.h"

#include "edi/file_check.h"
#include "exchange/intake.h"
#include "exchange/interchange_store.h"
#include "exchange/outbox_delivery.h"
#include "tests/exchange/outbound_fixture.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>

#include <boost/test/unit_test.hpp>

using namespace exchange;
using exchange_test::catalog;
using exchange_test::fileText;
using exchange_test::fixture;
using exchange_test::OutboundPartners;

namespace {

bool validates(const std::string& bytes, std::string* firstError = nullptr) {
  edi::MemoryByteSource source(bytes);
  edi::Diagnostics diagnostics;
  const auto summary = edi::checkInterchanges(source, catalog(), diagnostics);
  for (const auto& d : diagnostics.items()) {
    if (d.severity == edi::Severity::error && firstError && firstError->empty()) *firstError = d.code + " " + d.message;
  }
  return !diagnostics.hasErrors() && summary.messages == 1;
}

SentDocument sent(const logistics::Result<SentDocument>& result) {
  BOOST_REQUIRE_MESSAGE(result.ok(), result.describe());
  return result.value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outbound)

BOOST_AUTO_TEST_CASE(a_load_tender_to_an_x12_carrier_is_a_valid_204_kept_as_sent_and_delivered_to_its_outbox) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  const SentDocument tender = sent(outbound.sendLoadTender(OutboundPartners::pickup("FSTF")));
  BOOST_TEST(tender.type == "204");
  BOOST_TEST(tender.controlNumber == "000000001");
  BOOST_REQUIRE(tender.deliveredPath.has_value());
  BOOST_TEST(tender.deliveredPath->find(partners.outbox + "/" + std::to_string(partners.fastFreight)) == 0u);
  BOOST_TEST(!Poco::File(*tender.deliveredPath + ".part").exists());

  const std::string bytes = fileText(*tender.deliveredPath);
  std::string error;
  BOOST_TEST(validates(bytes, &error), error);
  BOOST_TEST(bytes.find("*ZZ*AFTERFLOW      *02*FSTF           *") != std::string::npos);  // our ids, theirs
  BOOST_TEST(bytes.find("ST*204*0001~") != std::string::npos);
  BOOST_TEST(bytes.find("B2**FSTF**SHIP-5001**PP~") != std::string::npos);  // SCAC from the party's identifier
  BOOST_TEST(bytes.find("L11*BOL-5001*BM~") != std::string::npos);
  BOOST_TEST(bytes.find("G62*37*20261102*G*0800~") != std::string::npos);
  BOOST_TEST(bytes.find("G62*38*20261102*K*1600~") != std::string::npos);
  BOOST_TEST(bytes.find("AT8*G*K*120.5*3~") != std::string::npos);
  BOOST_TEST(bytes.find("N4*MUNICH*BY*80331*DE~") != std::string::npos);

  InterchangeStore store(partners.database());
  const auto kept = store.find(tender.interchangeId);
  BOOST_REQUIRE(kept.has_value());
  BOOST_TEST(kept->direction == Direction::outbound);
  BOOST_TEST(kept->status == InterchangeStatus::sent);
  BOOST_TEST(kept->partnerId.value_or(0) == partners.fastFreight);
  BOOST_TEST(kept->header.controlNumber == "000000001");
  BOOST_TEST(kept->header.receiverId == "02:FSTF");
  BOOST_TEST(kept->byteCount == static_cast<std::int64_t>(bytes.size()));
}

BOOST_AUTO_TEST_CASE(a_document_whose_outbox_cannot_be_written_stays_kept_and_is_delivered_once_when_it_can) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  // The carrier's outbox path is taken by a plain file: the directory cannot be made.
  const std::string outbox = partners.outbox + "/" + std::to_string(partners.fastFreight);
  Poco::File(partners.outbox).createDirectories();
  Poco::FileOutputStream(outbox) << "in the way";
  BOOST_CHECK_THROW(outbound.sendLoadTender(OutboundPartners::pickup("FSTF")), Poco::Exception);

  InterchangeStore store(partners.database());
  const auto waiting = store.undelivered(10);
  BOOST_REQUIRE(waiting.size() == 1u);
  BOOST_TEST(waiting.front().status == InterchangeStatus::sent);  // kept: its numbers are spent
  BOOST_CHECK_THROW(deliverWaiting(partners.database()), Poco::Exception);  // still in the way

  Poco::File(outbox).remove();
  const std::vector<std::string> written = deliverWaiting(partners.database());
  BOOST_REQUIRE(written.size() == 1u);
  BOOST_TEST(written.front() == outbox + "/" + waiting.front().fileName);
  std::string error;
  BOOST_TEST(validates(fileText(written.front()), &error), error);
  BOOST_TEST(store.undelivered(10).empty());
  BOOST_TEST(store.find(waiting.front().id)->deliveredAt.has_value());

  // Picked up by the partner: never written again.
  Poco::File(written.front()).remove();
  BOOST_TEST(deliverWaiting(partners.database()).empty());
  BOOST_TEST(!Poco::File(written.front()).exists());
}

BOOST_AUTO_TEST_CASE(control_numbers_never_repeat_for_a_partner_and_two_partners_may_each_have_number_one) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  auto request = OutboundPartners::pickup("FSTF");
  const SentDocument first = sent(outbound.sendLoadTender(request));
  request.shipmentReference = "SHIP-5002";
  const SentDocument second = sent(outbound.sendLoadTender(request));
  BOOST_TEST(first.controlNumber == "000000001");
  BOOST_TEST(second.controlNumber == "000000002");
  BOOST_TEST(fileText(*second.deliveredPath).find("ST*204*0002~") != std::string::npos);
  // Another partner counts on its own: its first interchange is 1 as well, and is kept too.
  const SentDocument other = sent(outbound.sendLoadTender(OutboundPartners::pickup("DHLX")));
  BOOST_TEST(other.controlNumber == "1");
  BOOST_TEST(partners.count("SELECT count(*) FROM interchange WHERE direction = 'outbound' AND status = 'sent'") == 3);
}

BOOST_AUTO_TEST_CASE(a_load_tender_to_an_edifact_carrier_is_an_iftmin_in_its_directory_that_validates) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  const SentDocument tender = sent(outbound.sendLoadTender(OutboundPartners::pickup("DHLX")));
  BOOST_TEST(tender.type == "IFTMIN");
  const std::string bytes = fileText(*tender.deliveredPath);
  std::string error;
  BOOST_TEST(validates(bytes, &error), error);
  BOOST_TEST(bytes.find("UNB+UNOC:3+AFTERFLOW:ZZ+DHLX:ZZ+") != std::string::npos);
  BOOST_TEST(bytes.find("UNH+1+IFTMIN:D:96A:UN'") != std::string::npos);
  BOOST_TEST(bytes.find("BGM+610+SHIP-5001+9'") != std::string::npos);
  BOOST_TEST(bytes.find("DTM+234:202611020800:203'") != std::string::npos);
  BOOST_TEST(bytes.find("CNT+7:120.5:KGM'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_pickup_request_whose_window_ends_before_it_starts_is_refused_and_uses_no_number) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  auto request = OutboundPartners::pickup("FSTF");
  request.pickupUntil = "2026-11-01T08:00:00.000Z";
  const auto refused = outbound.sendLoadTender(request);
  BOOST_TEST(!refused.ok());
  BOOST_TEST(refused.describe().find("pickup_until") != std::string::npos);
  BOOST_TEST(partners.count("SELECT count(*) FROM interchange WHERE direction = 'outbound'") == 0);
  const SentDocument next = sent(outbound.sendLoadTender(OutboundPartners::pickup("FSTF")));
  BOOST_TEST(next.controlNumber == "000000001");
}

BOOST_AUTO_TEST_CASE(a_document_that_fails_our_own_definitions_is_refused_as_our_bug_and_nothing_is_sent) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  auto request = OutboundPartners::pickup("FSTF");
  request.shipmentReference = std::string(40, '7');  // B204 holds at most 30 characters
  const auto refused = outbound.sendLoadTender(request);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.describe().find("fails our own definitions") != std::string::npos);
  BOOST_TEST(refused.describe().find("element.too-long") != std::string::npos);
  BOOST_TEST(partners.count("SELECT count(*) FROM interchange WHERE direction = 'outbound'") == 0);
  BOOST_TEST(!Poco::File(partners.outbox + "/" + std::to_string(partners.fastFreight)).exists());
  // Its numbers went back: the next document is still interchange 1.
  BOOST_TEST(sent(outbound.sendLoadTender(OutboundPartners::pickup("FSTF"))).controlNumber == "000000001");
}

BOOST_AUTO_TEST_CASE(a_carrier_without_a_partner_profile_or_us_without_its_standard_is_refused) {
  OutboundPartners partners;
  OwnIdentity edifactOnly = partners.identity;
  edifactOnly.x12Id.reset();
  Outbound outbound(partners.database(), catalog(), edifactOnly);
  const auto refused = outbound.sendLoadTender(OutboundPartners::pickup("FSTF"));
  BOOST_TEST(refused.has(logistics::ProblemCode::missing_field));
  BOOST_TEST(refused.describe().find("no X12 id") != std::string::npos);
  Outbound proper(partners.database(), catalog(), partners.identity);
  // A recycler has a profile, but not as a carrier.
  BOOST_TEST(proper.sendLoadTender(OutboundPartners::pickup("GREENCYCLE")).has(logistics::ProblemCode::unknown_partner));
  BOOST_TEST(proper.sendLoadTender(OutboundPartners::pickup("NOBODY")).has(logistics::ProblemCode::unknown_party));
}

BOOST_AUTO_TEST_CASE(a_return_instruction_sends_the_recycler_a_retins_with_the_rma_lines_and_serials) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  const SentDocument instruction = sent(outbound.sendReturnInstruction("RMA-7001", "GREENCYCLE"));
  BOOST_TEST(instruction.type == "RETINS");
  const std::string bytes = fileText(*instruction.deliveredPath);
  std::string error;
  BOOST_TEST(validates(bytes, &error), error);
  BOOST_TEST(bytes.find("UNH+1+RETINS:D:01B:UN'") != std::string::npos);
  BOOST_TEST(bytes.find("BGM++RMA-7001+9'") != std::string::npos);
  BOOST_TEST(bytes.find("FTX+AAI+++disposition?: recycle'") != std::string::npos);  // ':' released
  BOOST_TEST(bytes.find("LIN+1++BAT-48V:SA'") != std::string::npos);
  BOOST_TEST(bytes.find("GIN+BN+SN-A1+SN-A2'") != std::string::npos);
  BOOST_TEST(bytes.find("CNT+2:2'") != std::string::npos);
  InterchangeStore store(partners.database());
  BOOST_TEST(store.find(instruction.interchangeId)->status == InterchangeStatus::sent);
}

BOOST_AUTO_TEST_CASE(a_return_instruction_to_a_carrier_or_for_an_unknown_rma_is_refused) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  BOOST_TEST(outbound.sendReturnInstruction("RMA-0000", "GREENCYCLE").has(logistics::ProblemCode::unknown_rma));
  BOOST_TEST(outbound.sendReturnInstruction("RMA-7001", "DHLX").has(logistics::ProblemCode::unknown_partner));
  BOOST_TEST(partners.count("SELECT count(*) FROM interchange WHERE direction = 'outbound'") == 0);
}

BOOST_AUTO_TEST_CASE(the_carriers_997_for_our_204_marks_the_204_acknowledged_and_is_not_acknowledged_itself) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  const SentDocument tender = sent(outbound.sendLoadTender(OutboundPartners::pickup("FSTF")));
  BOOST_REQUIRE(tender.controlNumber == "000000001");  // what the fixture's 997 answers

  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("carrier_997_accepts_204.edi"));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::applied);
  BOOST_TEST(report.summary.find("1 interchange(s) acknowledged") != std::string::npos);
  BOOST_TEST(!report.acknowledgmentPath.has_value());  // acknowledgments are not acknowledged
  InterchangeStore store(partners.database());
  const auto kept = store.find(tender.interchangeId);
  BOOST_TEST(kept->status == InterchangeStatus::acknowledged);
  BOOST_TEST(!kept->error.has_value());
}

BOOST_AUTO_TEST_CASE(a_rejecting_997_records_the_rejection_with_the_carriers_reason) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  const SentDocument tender = sent(outbound.sendLoadTender(OutboundPartners::pickup("FSTF")));
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("carrier_997_rejects_204.edi"));
  BOOST_TEST(report.status == InterchangeStatus::applied);
  InterchangeStore store(partners.database());
  const auto kept = store.find(tender.interchangeId);
  BOOST_TEST(kept->status == InterchangeStatus::failed);
  const std::string reason = kept->error.value_or("");
  BOOST_TEST_MESSAGE(reason);
  BOOST_TEST(reason.find("rejected by the partner's acknowledgment (interchange " +
                         std::to_string(report.interchangeId) + ")") != std::string::npos);
  BOOST_TEST(reason.find("message 0001") != std::string::npos);
  BOOST_TEST(reason.find("G62") != std::string::npos);  // where the carrier found the error
}

BOOST_AUTO_TEST_CASE(a_997_for_a_tender_to_another_partner_acknowledges_nothing_of_ours) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  // Only DHLX has interchange 1 from us; FSTF's 997 naming group 1 / set 0001 matches nothing.
  const SentDocument other = sent(outbound.sendLoadTender(OutboundPartners::pickup("DHLX")));
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("carrier_997_accepts_204.edi"));
  BOOST_TEST(report.status == InterchangeStatus::applied);
  BOOST_TEST(report.summary.find("0 interchange(s) acknowledged") != std::string::npos);
  InterchangeStore store(partners.database());
  BOOST_TEST(store.find(other.interchangeId)->status == InterchangeStatus::sent);
}

BOOST_AUTO_TEST_CASE(a_ta1_accepting_our_interchange_acknowledges_it) {
  OutboundPartners partners;
  Outbound outbound(partners.database(), catalog(), partners.identity);
  const SentDocument tender = sent(outbound.sendLoadTender(OutboundPartners::pickup("FSTF")));
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("carrier_ta1_accepts.edi"));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::applied);
  InterchangeStore store(partners.database());
  BOOST_TEST(store.find(tender.interchangeId)->status == InterchangeStatus::acknowledged);
}

BOOST_AUTO_TEST_SUITE_END()
