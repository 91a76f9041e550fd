#include "exchange/intake.h"

#include "edi/ack_reader.h"
#include "edi/file_check.h"
#include "exchange/interchange_store.h"
#include "logistics/shipment_book.h"
#include "logistics/status_event_log.h"
#include "tests/exchange/exchange_fixture.h"

#include <Poco/DirectoryIterator.h>

#include <boost/test/unit_test.hpp>

#include <thread>

using namespace exchange;
using exchange_test::catalog;
using exchange_test::fixture;
using exchange_test::Partners;
using exchange_test::readFile;
using exchange_test::variant;

namespace {

std::vector<std::string> filesIn(const std::string& directory) {
  std::vector<std::string> files;
  if (!Poco::File(directory).exists()) return files;
  for (Poco::DirectoryIterator it(directory), end; it != end; ++it) files.push_back(it->path());
  return files;
}

// client_856.edi under another interchange control number, announcing other shipments.
std::string otherShipNotices() {
  std::string content = readFile(fixture("client_856.edi"));
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"000000501", "000000502"}, {"ASN-100", "ASN-300"}, {"BOL-100", "BOL-300"}, {"PRO-100", "PRO-300"}}) {
    Poco::replaceInPlace(content, from, to);
  }
  return content;
}

std::string written(Partners& partners, const std::string& name, const std::string& content) {
  Poco::File(partners.outbox).createDirectories();
  const std::string path = partners.outbox + "/" + name;
  Poco::FileOutputStream(path) << content;
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake)

BOOST_AUTO_TEST_CASE(a_client_ship_notice_is_kept_acknowledged_and_applied) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("client_856.edi"));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::applied);
  BOOST_TEST(report.messages == 2u);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 2);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_line") == 3);

  Poco::Data::Session session = partners.database().session();
  logistics::ShipmentBook book(session);
  const auto ids = book.idsByReference(logistics::ReferenceKind::bill_of_lading, "BOL-1001");
  BOOST_REQUIRE(ids.size() == 1u);
  const auto shipment = book.find(ids.front());
  BOOST_REQUIRE(shipment.has_value());
  BOOST_TEST(shipment->clientId == partners.acme);
  BOOST_TEST(shipment->carrierId.value_or(0) == partners.fastFreight);  // by SCAC FSTF
  BOOST_TEST(shipment->proNumber.value_or("") == "PRO-1001");
  BOOST_TEST(shipment->shipNoticeId.value_or("") == "ASN-1001");
  BOOST_TEST(shipment->shipDate.value_or("") == "2026-11-01T09:30:00.000Z");
  BOOST_TEST(shipment->promisedDelivery.value_or("") == "2026-11-04T00:00:00.000Z");
  BOOST_TEST(shipment->pieces.value_or(0) == 3);
  BOOST_TEST(shipment->weightKg.value_or(0) == 44.1 * 0.45359237, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(shipment->origin.city.value_or("") == "COLUMBUS");
  BOOST_TEST(shipment->destination.country.value_or("") == "DE");
  BOOST_TEST(shipment->destination.region.value_or("") == "BY");
  BOOST_REQUIRE(shipment->lines.size() == 2u);
  BOOST_TEST(shipment->lines[1].sku.value_or("") == "FLT-20");
  BOOST_TEST(shipment->lines[1].quantityShipped == 10.0);
  BOOST_TEST(shipment->sourceInterchangeId.value_or(0) == report.interchangeId);

  // The 997 went to the partner's outbox, accepts both sets, and is itself valid.
  BOOST_REQUIRE(report.acknowledgmentPath.has_value());
  const std::string ack = readFile(*report.acknowledgmentPath);
  BOOST_TEST(ack.find("ST*997*") != std::string::npos);
  BOOST_TEST(ack.find("AK9*A*2*2*2") != std::string::npos);
  edi::MemoryByteSource source(ack);
  edi::Diagnostics diagnostics;
  edi::checkInterchanges(source, catalog(), diagnostics);
  BOOST_TEST(!diagnostics.hasErrors());
  // ... and is kept as the outbound answer to the interchange.
  InterchangeStore store(partners.database());
  const auto answer = store.answerTo(report.interchangeId);
  BOOST_REQUIRE(answer.has_value());
  BOOST_TEST(answer->direction == Direction::outbound);
  BOOST_TEST(answer->partnerId.value_or(0) == partners.acme);
}

BOOST_AUTO_TEST_CASE(the_same_file_again_is_refused_and_nothing_is_applied_twice) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport first = intake.receive(fixture("client_856.edi"));
  BOOST_REQUIRE(first.status == InterchangeStatus::applied);

  const IntakeReport again = intake.receive(fixture("client_856.edi"));
  BOOST_TEST(again.duplicate);
  BOOST_TEST(again.interchangeId == first.interchangeId);
  BOOST_TEST(again.summary.find("the same content") != std::string::npos);
  // Other bytes under the same sender and control number: a resend, refused as well.
  const IntakeReport resent = intake.receive(variant(partners, "client_856.edi", {{"ASN-1002", "ASN-1003"}}));
  BOOST_TEST(resent.duplicate);
  BOOST_TEST(resent.summary.find("the same sender and control number") != std::string::npos);

  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 2);
  BOOST_TEST(partners.count("SELECT count(*) FROM interchange WHERE direction = 'inbound'") == 1);
  BOOST_TEST(partners.count("SELECT count(*) FROM interchange WHERE direction = 'outbound'") == 1);  // one ack
  BOOST_TEST(filesIn(partners.outbox + "/" + std::to_string(partners.acme)).size() == 1u);
  // Replaying an applied interchange applies nothing either.
  const IntakeReport replayed = intake.replay(first.interchangeId);
  BOOST_TEST(replayed.duplicate);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 2);
}

BOOST_AUTO_TEST_CASE(an_invalid_interchange_is_acknowledged_as_rejected_and_applies_nothing) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  // N4 state code longer than the standard allows, in the second set.
  const std::string path = variant(partners, "client_856.edi", {{"N4*LYON**69001*FR~", "N4*LYON*ARA*69001*FR~"}});
  const IntakeReport report = intake.receive(path);
  BOOST_TEST(report.status == InterchangeStatus::invalid);
  BOOST_TEST(report.errors == 1u);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 0);

  InterchangeStore store(partners.database());
  const auto record = store.find(report.interchangeId);
  BOOST_REQUIRE(record.has_value());
  BOOST_TEST(record->status == InterchangeStatus::invalid);
  BOOST_TEST(record->error.value_or("").find("element.too-long") != std::string::npos);
  // The error is kept with where it is: message 2, segment 11 of it, N4, element 2.
  bool found = false;
  for (const edi::Diagnostic& d : store.diagnostics(report.interchangeId)) {
    if (d.code != "element.too-long") continue;
    found = true;
    BOOST_TEST(d.where.message == 2u);
    BOOST_TEST(d.where.segmentInMessage == 11u);
    BOOST_TEST(d.where.tag == "N4");
    BOOST_TEST(d.where.element == 2u);
  }
  BOOST_TEST(found);
  // The partner hears which set was rejected: AK5*R for set 0002, AK9 partially accepted.
  BOOST_REQUIRE(report.acknowledgmentPath.has_value());
  const std::string ack = readFile(*report.acknowledgmentPath);
  BOOST_TEST(ack.find("AK2*856*0002") != std::string::npos);
  BOOST_TEST(ack.find("AK5*R") != std::string::npos);
  BOOST_TEST(ack.find("AK9*P*2*2*1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_status_report_before_its_shipment_waits_and_is_linked_when_the_shipment_arrives) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport events = intake.receive(fixture("carrier_214.edi"));
  BOOST_TEST_MESSAGE(events.summary);
  BOOST_REQUIRE(events.status == InterchangeStatus::applied);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event WHERE shipment_id IS NULL") == 2);

  const IntakeReport notice = intake.receive(fixture("client_856.edi"));
  BOOST_REQUIRE(notice.status == InterchangeStatus::applied);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event WHERE shipment_id IS NULL") == 0);
  Poco::Data::Session session = partners.database().session();
  logistics::ShipmentBook book(session);
  const auto ids = book.idsByReference(logistics::ReferenceKind::bill_of_lading, "BOL-1001");
  BOOST_REQUIRE(ids.size() == 1u);
  const auto linked = logistics::StatusEventLog(session).forShipment(ids.front());
  BOOST_REQUIRE(linked.size() == 2u);
  BOOST_TEST(linked[0].statusCode == "AF");
  BOOST_TEST(linked[0].city.value_or("") == "COLUMBUS");
  BOOST_TEST(linked[1].statusCode == "X6");
  BOOST_TEST(linked[1].city.value_or("") == "CHICAGO");
}

BOOST_AUTO_TEST_CASE(edifact_ship_notices_and_status_reports_are_applied) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport notice = intake.receive(fixture("client_desadv.edi"));
  BOOST_TEST_MESSAGE(notice.summary);
  BOOST_REQUIRE(notice.status == InterchangeStatus::applied);
  const IntakeReport status = intake.receive(fixture("carrier_iftsta.edi"));
  BOOST_TEST_MESSAGE(status.summary);
  BOOST_REQUIRE(status.status == InterchangeStatus::applied);

  Poco::Data::Session session = partners.database().session();
  logistics::ShipmentBook book(session);
  const auto ids = book.idsByReference(logistics::ReferenceKind::bill_of_lading, "BOL-2001");
  BOOST_REQUIRE(ids.size() == 1u);
  const auto shipment = book.find(ids.front());
  BOOST_TEST(shipment->clientId == partners.acmeEu);
  BOOST_TEST(shipment->carrierId.value_or(0) == partners.dhl);
  BOOST_TEST(shipment->shipDate.value_or("") == "2026-11-03T09:30:00.000Z");
  BOOST_TEST(shipment->weightKg.value_or(0) == 125.5);
  BOOST_TEST(shipment->pieces.value_or(0) == 4);
  BOOST_TEST(shipment->destination.city.value_or("") == "WIEN");
  BOOST_TEST(shipment->lines.size() == 2u);
  // Delivered (STS 21) on the 4th: the shipment's status and actual delivery follow its events.
  BOOST_TEST(shipment->status == logistics::ShipmentStatus::delivered);
  BOOST_TEST(shipment->actualDelivery.value_or("") == "2026-11-04T17:00:00.000Z");
  // The client asked for CONTRL; the carrier for nothing.
  BOOST_REQUIRE(notice.acknowledgmentPath.has_value());
  BOOST_TEST(readFile(*notice.acknowledgmentPath).find("UNH+1+CONTRL") != std::string::npos);
  BOOST_TEST(!status.acknowledgmentPath.has_value());
}

BOOST_AUTO_TEST_CASE(latin1_text_in_an_x12_ship_notice_is_stored_as_utf8) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  // X12 declares no character set: a value that is not UTF-8 is read as ISO 8859-1.
  const std::string path = variant(partners, "client_856.edi", {{"N4*MUNICH*BY", "N4*M\xDCNCHEN*BY"}});
  const IntakeReport report = intake.receive(path);
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_REQUIRE(report.status == InterchangeStatus::applied);
  Poco::Data::Session session = partners.database().session();
  logistics::ShipmentBook book(session);
  const auto ids = book.idsByReference(logistics::ReferenceKind::bill_of_lading, "BOL-1001");
  BOOST_REQUIRE(ids.size() == 1u);
  BOOST_TEST(book.find(ids.front())->destination.city.value_or("") == "MÜNCHEN");
}

BOOST_AUTO_TEST_CASE(edifact_values_are_decoded_from_the_character_set_the_interchange_declares) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  // UNOC is ISO 8859-1; UNOY is UTF-8, where a byte that breaks it reads '?' (the file keeps it).
  const std::string latin1 = variant(partners, "client_desadv.edi", {{"RING 2+WIEN++", "RING 2+D\xD6" "BLING++"}});
  const std::string broken = variant(partners, "client_desadv.edi",
                                     {{"UNOC:3", "UNOY:4"}, {"+261103:0900+", "+20261103:0900+"}, {"RING 2+WIEN++", "RING 2+D\xD6" "BLING++"},
                                      {"DES77", "DES78"}, {"BOL-2001", "BOL-2002"}, {"DESADV-2001", "DESADV-2002"}});
  for (const std::string& path : {latin1, broken}) {
    const IntakeReport report = intake.receive(path);
    BOOST_TEST_MESSAGE(report.summary);
    BOOST_REQUIRE(report.status == InterchangeStatus::applied);
  }
  Poco::Data::Session session = partners.database().session();
  logistics::ShipmentBook book(session);
  const auto first = book.idsByReference(logistics::ReferenceKind::bill_of_lading, "BOL-2001");
  const auto second = book.idsByReference(logistics::ReferenceKind::bill_of_lading, "BOL-2002");
  BOOST_REQUIRE(first.size() == 1u);
  BOOST_REQUIRE(second.size() == 1u);
  BOOST_TEST(book.find(first.front())->destination.city.value_or("") == "DÖBLING");
  BOOST_TEST(book.find(second.front())->destination.city.value_or("") == "D?BLING");
}

BOOST_AUTO_TEST_CASE(a_file_whose_name_and_envelope_are_not_utf8_is_kept_and_named_readably) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  std::string content = readFile(fixture("client_856.edi"));
  Poco::replaceInPlace(content, std::string("ZZ*ACMEPARTS      "), std::string("ZZ*ACM\xC9PARTS      "));
  Poco::File(partners.outbox).createDirectories();
  const std::string path = partners.outbox + "/ship-\xE9t\xE9.edi";
  Poco::FileOutputStream(path) << content;

  const IntakeReport report = intake.receive(path);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find("no partner profile for sender 'ZZ:ACM\\xC9PARTS'") != std::string::npos,
             report.summary);
  const auto kept = InterchangeStore(partners.database()).find(report.interchangeId);
  BOOST_REQUIRE(kept.has_value());
  BOOST_TEST(kept->fileName == "ship-\\xE9t\\xE9.edi");
  BOOST_TEST(intake.receive(path).duplicate);
}

BOOST_AUTO_TEST_CASE(an_unknown_sender_fails_and_is_applied_by_a_replay_once_its_partner_exists) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const std::string path = variant(partners, "client_856.edi", {{"ZZ*ACMEPARTS      ", "ZZ*NEWCLIENT      "}});
  const IntakeReport report = intake.receive(path);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find("no partner profile for sender 'ZZ:NEWCLIENT'") != std::string::npos);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 0);
  // Kept all the same, and refused when sent again.
  BOOST_TEST(intake.receive(path).duplicate);

  crm::Party party;
  party.code = "NEWCLIENT";
  party.name = "New Client";
  party.roles = {crm::PartyRole::client};
  const std::int64_t id = crm::PartyDirectory(partners.database()).add(party);
  {
    Poco::Data::Session session = partners.database().session();
    store::Transaction transaction(session);
    logistics::PartnerProfile profile;
    profile.partyId = id;
    profile.role = logistics::PartnerRole::client;
    profile.version = "004010";
    profile.x12IsaQualifier = "ZZ";
    profile.x12IsaId = "NEWCLIENT";
    BOOST_REQUIRE(logistics::PartnerDirectory(session).add(transaction, profile).ok());
    transaction.commit();
  }
  const IntakeReport replayed = intake.replay(report.interchangeId);
  BOOST_TEST_MESSAGE(replayed.summary);
  BOOST_TEST(replayed.status == InterchangeStatus::applied);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 2);
  BOOST_TEST(partners.count("SELECT attempts FROM interchange WHERE interchange_id = " +
                            std::to_string(report.interchangeId)) == 2);
}

BOOST_AUTO_TEST_CASE(a_message_that_cannot_be_applied_rolls_back_the_whole_interchange) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  // The second ship notice reuses the first one's bill of lading.
  const std::string path = variant(partners, "client_856.edi", {{"REF*BM*BOL-1002~", "REF*BM*BOL-1001~"}});
  const IntakeReport report = intake.receive(path);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find("message 2 (856 0002)") != std::string::npos);
  BOOST_TEST(report.summary.find("duplicate_reference") != std::string::npos);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 0);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_line") == 0);
  InterchangeStore store(partners.database());
  BOOST_TEST(store.find(report.interchangeId)->status == InterchangeStatus::failed);
}

BOOST_AUTO_TEST_CASE(an_interchange_cut_short_after_keeping_is_taken_up_when_received_again) {
  Partners partners;
  // As if the process died right after keeping the file: kept, status received, nothing else.
  InterchangeStore store(partners.database());
  const KeepOutcome kept = store.keepFile(Direction::inbound, std::nullopt, fixture("client_856.edi"), "client_856.edi");
  BOOST_REQUIRE(!kept.duplicate);
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("client_856.edi"));
  BOOST_TEST(report.interchangeId == kept.id);
  BOOST_TEST(report.status == InterchangeStatus::applied);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 2);
}

BOOST_AUTO_TEST_CASE(two_processes_taking_up_the_same_file_at_once_apply_it_once) {
  Partners partners;
  // Two watchers on one inbox, or two replays: both find the file and both process it.
  std::vector<std::thread> workers;
  std::vector<IntakeReport> reports(2);
  std::vector<std::string> failures(2);
  for (std::size_t i = 0; i < 2; ++i) {
    workers.emplace_back([&partners, &reports, &failures, i] {
      try {
        Intake intake(partners.database(), catalog());
        reports[i] = intake.receive(fixture("carrier_214.edi"));
      } catch (const Poco::Exception& e) {
        failures[i] = e.displayText();
      }
    });
  }
  for (auto& worker : workers) worker.join();
  BOOST_TEST(failures[0] == "");
  BOOST_TEST(failures[1] == "");
  BOOST_TEST(reports[0].interchangeId == reports[1].interchangeId);
  BOOST_TEST((reports[0].status == InterchangeStatus::applied && reports[1].status == InterchangeStatus::applied));
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event") == 2);  // the report's two events, once
  BOOST_TEST(partners.count("SELECT count(*) FROM interchange WHERE direction = 'inbound'") == 1);
  BOOST_TEST(partners.count("SELECT count(*) FROM interchange WHERE status = 'applied'") == 1);
}

BOOST_AUTO_TEST_CASE(an_interchange_applied_before_inside_another_file_is_not_applied_again) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  BOOST_REQUIRE(intake.receive(fixture("client_856.edi")).status == InterchangeStatus::applied);
  // A new interchange, then the one applied above again, in one file.
  const IntakeReport both = intake.receive(
      written(partners, "two.edi", otherShipNotices() + readFile(fixture("client_856.edi"))));
  BOOST_TEST_MESSAGE(both.summary);
  BOOST_REQUIRE(both.status == InterchangeStatus::applied);
  BOOST_TEST(both.skippedMessages == 2u);
  BOOST_TEST(both.summary.find("interchange 000000501 from ZZ:ACMEPARTS was applied before") != std::string::npos,
             both.summary);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 4);
}

BOOST_AUTO_TEST_CASE(an_interchange_applied_inside_another_file_is_not_applied_again_alone) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport both = intake.receive(
      written(partners, "two.edi", otherShipNotices() + readFile(fixture("client_856.edi"))));
  BOOST_REQUIRE_MESSAGE(both.status == InterchangeStatus::applied, both.summary);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 4);
  // Its second interchange alone: a new file by its first envelope, applied before all the same.
  const IntakeReport alone = intake.receive(fixture("client_856.edi"));
  BOOST_TEST_MESSAGE(alone.summary);
  BOOST_TEST(alone.status == InterchangeStatus::applied);
  BOOST_TEST(alone.skippedMessages == 2u);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 4);
}

BOOST_AUTO_TEST_CASE(the_same_interchange_twice_in_one_file_is_applied_once) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  const std::string notices = readFile(fixture("client_856.edi"));
  const IntakeReport report = intake.receive(written(partners, "twice.edi", notices + notices));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_REQUIRE_MESSAGE(report.status == InterchangeStatus::applied, report.summary);
  BOOST_TEST(report.skippedMessages == 2u);
  BOOST_TEST(report.summary.find("interchange 000000501 from ZZ:ACMEPARTS is in this file twice") != std::string::npos,
             report.summary);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
