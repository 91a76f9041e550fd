#include "exchange/emanifest_json.h"
#include "exchange/intake.h"
#include "exchange/interchange_store.h"
#include "logistics/disposal_book.h"
#include "tests/exchange/outbound_fixture.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/String.h>

#include <boost/test/unit_test.hpp>

using namespace exchange;
using exchange_test::catalog;
using exchange_test::fileText;
using exchange_test::fixture;
using exchange_test::OutboundPartners;

namespace {

// A variant of a fixture file, next to the test's outbox so it goes away with it.
std::string variant(OutboundPartners& partners, const std::string& name, const std::string& from, const std::string& to) {
  std::string content = fileText(fixture(name));
  BOOST_REQUIRE_MESSAGE(content.find(from) != std::string::npos, from);
  Poco::replaceInPlace(content, from, to);
  Poco::File(partners.outbox).createDirectories();
  const std::string path = partners.outbox + "/variant-" + std::to_string(std::hash<std::string>{}(from + to)) + "-" + name;
  Poco::FileOutputStream(path) << content;
  return path;
}

std::vector<logistics::DisposalRecord> disposals(OutboundPartners& partners) {
  Poco::Data::Session session = partners.database().session();
  return logistics::DisposalBook(session).forRma(partners.rma);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(disposal_intake)

BOOST_AUTO_TEST_CASE(an_xml_disposal_report_is_validated_and_applied_as_disposal_records_without_an_ack) {
  OutboundPartners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("recycler_disposal_report.xml"));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::applied);
  BOOST_TEST(report.messages == 2u);
  BOOST_TEST(!report.acknowledgmentPath.has_value());
  BOOST_TEST(!Poco::File(partners.outbox + "/" + std::to_string(partners.greencycle)).exists());

  InterchangeStore store(partners.database());
  const auto kept = store.find(report.interchangeId);
  BOOST_TEST(kept->header.standard == "xml");
  BOOST_TEST(kept->header.controlNumber == "DR-2026-0042");
  BOOST_TEST(kept->partnerId.value_or(0) == partners.greencycle);

  const auto records = disposals(partners);
  BOOST_REQUIRE(records.size() == 2u);
  const logistics::DisposalRecord& first = records[0].certificateNumber == "CERT-9001" ? records[0] : records[1];
  const logistics::DisposalRecord& second = &first == &records[0] ? records[1] : records[0];
  BOOST_TEST(first.recyclerId == partners.greencycle);
  BOOST_TEST(first.ewcCode == "160213");
  BOOST_TEST(first.hazardous);
  BOOST_TEST(first.quantity == 18.4);
  BOOST_TEST(first.unit == logistics::DisposalUnit::kg);
  BOOST_TEST(first.basis == logistics::QuantityBasis::measured);
  BOOST_TEST(first.operationCode == "R4");
  BOOST_TEST(first.permitNumber == "DE-BY-ABF-2031");               // the recycler's
  BOOST_TEST(first.certificateIssuedAt.value_or("") == "2026-11-19T15:00:00.000Z");  // +01:00 in UTC
  BOOST_TEST(first.treatedAt.value_or("") == "2026-11-18T14:00:00.000Z");
  BOOST_TEST(first.serialNumbers == (std::vector<std::string>{"SN-A1", "SN-A2"}));
  BOOST_TEST(first.sourceInterchangeId.value_or(0) == report.interchangeId);
  BOOST_TEST(second.permitNumber == "DE-BY-ABF-2031-T");            // the record's own
  BOOST_TEST(second.unit == logistics::DisposalUnit::units);
  BOOST_TEST(second.basis == logistics::QuantityBasis::estimated);
  BOOST_TEST(second.operationCode == "D10");
  BOOST_TEST(!second.hazardous);

  // The same report again is a duplicate: nothing recorded twice.
  const IntakeReport again = intake.receive(fixture("recycler_disposal_report.xml"));
  BOOST_TEST(again.duplicate);
  BOOST_TEST(disposals(partners).size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_disposal_report_that_breaks_its_schema_is_invalid_with_the_line_at_fault) {
  OutboundPartners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report =
      intake.receive(variant(partners, "recycler_disposal_report.xml", "ewc=\"160214\"", "ewc=\"16021\""));
  BOOST_TEST(report.status == InterchangeStatus::invalid);
  BOOST_TEST(disposals(partners).empty());
  InterchangeStore store(partners.database());
  const auto found = store.diagnostics(report.interchangeId);
  BOOST_REQUIRE(!found.empty());
  BOOST_TEST(found.front().code == "xml.schema");
  BOOST_TEST(found.front().where.line == 18u);
  BOOST_TEST(found.front().message.find("16021") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_disposal_report_that_is_not_xml_at_all_is_invalid_and_says_so) {
  OutboundPartners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report =
      intake.receive(variant(partners, "recycler_disposal_report.xml", "</disposalReport>", "</disposalRepor"));
  BOOST_TEST(report.status == InterchangeStatus::invalid);
  BOOST_TEST(report.summary.find("xml.syntax") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_record_the_book_refuses_fails_the_report_naming_it_and_a_replay_after_the_fix_applies_it) {
  OutboundPartners partners;
  Intake intake(partners.database(), catalog());
  // The second record names an RMA that is not known yet.
  const std::string path = variant(partners, "recycler_disposal_report.xml", "<rma number=\"RMA-7001\"/>",
                                   "<rma number=\"RMA-7002\"/>");
  const IntakeReport report = intake.receive(path);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find("record 2 (certificate CERT-9002): no RMA 'RMA-7002'") != std::string::npos);
  BOOST_TEST(partners.count("SELECT count(*) FROM disposal_record") == 0);  // not even record 1

  Poco::Data::Session session = partners.database().session();
  store::Transaction transaction(session);
  logistics::ReturnAuthorization rma;
  rma.rmaNumber = "RMA-7002";
  rma.requestedAt = "2026-11-01T08:00:00.000Z";
  logistics::RmaLine line;
  line.lineNo = 1;
  line.sku = "CHG-10";
  rma.lines = {line};
  BOOST_REQUIRE(logistics::ReturnBook(session).open(transaction, rma).ok());
  transaction.commit();
  const IntakeReport replayed = intake.replay(report.interchangeId);
  BOOST_TEST_MESSAGE(replayed.summary);
  BOOST_TEST(replayed.status == InterchangeStatus::applied);
  BOOST_TEST(partners.count("SELECT count(*) FROM disposal_record") == 2);
}

BOOST_AUTO_TEST_CASE(a_serial_number_not_on_the_rma_fails_the_report) {
  OutboundPartners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report =
      intake.receive(variant(partners, "recycler_disposal_report.xml", "<serial>SN-A2</serial>", "<serial>SN-Z9</serial>"));
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find("record 1 (certificate CERT-9001)") != std::string::npos);
  BOOST_TEST(report.summary.find("unknown_serial") != std::string::npos);
  BOOST_TEST(partners.count("SELECT count(*) FROM disposal_record") == 0);
}

BOOST_AUTO_TEST_CASE(an_emanifest_becomes_one_disposal_record_per_waste_line_at_the_designated_facility) {
  OutboundPartners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(fixture("recycler_emanifest.json"));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::applied);
  BOOST_TEST(report.messages == 2u);
  InterchangeStore store(partners.database());
  const auto kept = store.find(report.interchangeId);
  BOOST_TEST(kept->header.standard == "json");
  BOOST_TEST(kept->header.senderId == "epa:VAR000987654");
  BOOST_TEST(kept->partnerId.value_or(0) == partners.greencycle);

  const auto linked = disposals(partners);  // line 1 names the RMA, line 2 does not
  BOOST_REQUIRE(linked.size() == 1u);
  const logistics::DisposalRecord& lead = linked.front();
  BOOST_TEST(lead.ewcCode == "160601");
  BOOST_TEST(lead.hazardous);
  BOOST_TEST(lead.quantity == 45.359237, boost::test_tools::tolerance(1e-9));  // 100 lb
  BOOST_TEST(lead.unit == logistics::DisposalUnit::kg);
  BOOST_TEST(lead.basis == logistics::QuantityBasis::estimated);
  BOOST_TEST(lead.operationCode == "R4");  // H010 metals recovery
  BOOST_TEST(lead.permitNumber == "VAR000987654");
  BOOST_TEST(lead.certificateNumber.value_or("") == "100001234ELC-1");
  BOOST_TEST(lead.receivedAt.value_or("") == "2026-11-12T15:30:00.000Z");
  BOOST_TEST(lead.certificateIssuedAt.value_or("") == "2026-11-13T08:00:00.000Z");
  BOOST_TEST(lead.serialNumbers == (std::vector<std::string>{"SN-A1"}));

  Poco::Data::Session session = partners.database().session();
  std::vector<std::string> operation, unit;
  std::vector<double> quantity;
  session << "SELECT operation_code, unit, quantity FROM disposal_record WHERE rma_id IS NULL",
      Poco::Data::Keywords::into(operation), Poco::Data::Keywords::into(unit), Poco::Data::Keywords::into(quantity),
      Poco::Data::Keywords::now;
  BOOST_REQUIRE(operation.size() == 1u);
  BOOST_TEST(operation.front() == "D10");  // H040 incineration
  BOOST_TEST(unit.front() == "l");
  BOOST_TEST(quantity.front() == 55 * 3.785411784, boost::test_tools::tolerance(1e-9));  // 55 US gallons
}

BOOST_AUTO_TEST_CASE(an_emanifest_line_whose_management_method_names_no_single_rd_operation_is_invalid_naming_the_line) {
  OutboundPartners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(variant(partners, "recycler_emanifest.json", "\"H040\"", "\"H141\""));
  BOOST_TEST(report.status == InterchangeStatus::invalid);
  BOOST_TEST(report.summary.find("waste line 2: management method 'H141'") != std::string::npos);
  BOOST_TEST(partners.count("SELECT count(*) FROM disposal_record") == 0);
}

BOOST_AUTO_TEST_CASE(an_emanifest_without_an_ewc_code_for_a_line_is_invalid_and_says_where_to_give_it) {
  OutboundPartners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(
      variant(partners, "recycler_emanifest.json", "{ \"label\": \"EWC\", \"description\": \"13 02 08*\" }", ""));
  BOOST_TEST(report.status == InterchangeStatus::invalid);
  BOOST_TEST(report.summary.find("waste line 2: no EWC code") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_emanifest_from_a_facility_we_do_not_know_waits_for_a_partner_profile) {
  OutboundPartners partners;
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(variant(partners, "recycler_emanifest.json", "VAR000987654", "VAR000000001"));
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find("epa:VAR000000001") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(management_methods_map_to_rd_codes_only_where_one_operation_corresponds) {
  BOOST_TEST(operationForManagementMethod("H020").value_or("") == "R2");
  BOOST_TEST(operationForManagementMethod("H050").value_or("") == "R1");
  BOOST_TEST(operationForManagementMethod("H132").value_or("") == "D5");
  BOOST_TEST(!operationForManagementMethod("H141").has_value());  // storage: R13 or D15 by what follows
  BOOST_TEST(!operationForManagementMethod("H039").has_value());
  BOOST_TEST(!operationForManagementMethod("").has_value());
}

// tests/fuzz/crashes/emanifest-offset-before-year-one: an offset carried the date out of the
// stored form's years, and "-001-12-31T-23:-59:00.000Z" went on as the received time.
BOOST_AUTO_TEST_CASE(a_date_time_whose_offset_leaves_the_four_digit_years_is_not_a_date_time) {
  BOOST_TEST(!exchange::storedTimestampFromIso("0000-01-01T00:00:00+23:59").has_value());
  BOOST_TEST(!exchange::storedTimestampFromIso("9999-12-31T23:59:59-23:59").has_value());
  BOOST_TEST(exchange::storedTimestampFromIso("2026-11-19T16:00:00+01:00").value_or("") == "2026-11-19T15:00:00.000Z");
  edi::Diagnostics diagnostics;
  const auto document = readEmanifest(
      R"({"manifestTrackingNumber": "1", "receivedDate": "0000-01-01T00:00:00+23:59",
          "designatedFacility": {"epaSiteId": "VAR000987654"},
          "wastes": [{"quantity": {"quantity": 1, "unitOfMeasurement": {"code": "K"}},
                      "managementMethod": {"code": "H010"},
                      "additionalInfo": {"comments": [{"label": "EWC", "description": "160213"}]}}]})",
      diagnostics);
  BOOST_TEST(document.entries.empty());
  BOOST_REQUIRE_EQUAL(diagnostics.items().size(), 1u);
  BOOST_TEST(diagnostics.items()[0].message ==
             "waste line 1: receivedDate '0000-01-01T00:00:00+23:59' is not a date-time");
}

BOOST_AUTO_TEST_SUITE_END()
