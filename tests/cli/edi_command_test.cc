#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <boost/test/unit_test.hpp>

using test_support::ProgramResult;
using test_support::runAfterflow;

namespace {

const std::string kFixtures = std::string(AFTERFLOW_EDI_FIXTURES) + "/validate/";

}  // namespace

BOOST_AUTO_TEST_SUITE(edi_commands)

BOOST_AUTO_TEST_CASE(validate_exits_zero_for_valid_files_and_one_when_any_is_invalid) {
  const ProgramResult valid = runAfterflow({"edi", "validate", kFixtures + "x12_856_valid.edi",
                                            kFixtures + "edifact_desadv_valid.edi"});
  BOOST_TEST(valid.exitCode == 0, valid.out);
  BOOST_TEST(valid.out.find("x12_856_valid.edi: valid (1 interchanges, 2 messages, 2 accepted") != std::string::npos);
  const ProgramResult invalid = runAfterflow({"edi", "validate", kFixtures + "x12_856_valid.edi",
                                              kFixtures + "x12_856_errors.edi"});
  BOOST_TEST(invalid.exitCode == 1);
  BOOST_TEST(invalid.out.find("x12_856_errors.edi:4: error: [element.invalid-date] BSN03") != std::string::npos,
             invalid.out);
}

BOOST_AUTO_TEST_CASE(validate_exits_two_when_a_file_cannot_be_read_and_still_checks_the_others) {
  const ProgramResult result = runAfterflow({"edi", "validate", "/no/such/file.edi", kFixtures + "x12_856_valid.edi"});
  BOOST_TEST(result.exitCode == 2);
  BOOST_TEST(result.err.find("/no/such/file.edi: cannot read") != std::string::npos);
  BOOST_TEST(result.out.find("x12_856_valid.edi: valid") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(strict_mode_turns_tolerated_deviations_into_errors) {
  const std::string file = std::string(AFTERFLOW_EDI_FIXTURES) + "/reader/x12_bom.edi";
  BOOST_TEST(runAfterflow({"edi", "validate", file}).exitCode == 0);
  BOOST_TEST(runAfterflow({"edi", "validate", "--strict", file}).exitCode == 1);
}

BOOST_AUTO_TEST_CASE(json_output_carries_every_diagnostic_with_its_location) {
  const ProgramResult result = runAfterflow({"edi", "validate", "--json", kFixtures + "x12_856_errors.edi"});
  BOOST_TEST(result.exitCode == 1);
  const auto results = Poco::JSON::Parser().parse(result.out).extract<Poco::JSON::Array::Ptr>();
  BOOST_REQUIRE_EQUAL(results->size(), 1u);
  const auto file = results->getObject(0);
  BOOST_TEST(!file->getValue<bool>("valid"));
  BOOST_TEST(file->getValue<int>("messages") == 2);
  const auto diagnostics = file->getArray("diagnostics");
  bool found = false;
  for (std::size_t i = 0; i < diagnostics->size(); ++i) {
    const auto d = diagnostics->getObject(static_cast<unsigned>(i));
    if (d->getValue<std::string>("code") != "element.too-long") continue;
    const auto where = d->getObject("location");
    found = where->getValue<std::string>("tag") == "TD5" && where->getValue<int>("element") == 5 &&
            where->getValue<int>("segment_in_message") == 6 && where->getValue<int>("message") == 1;
  }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(show_prints_loops_and_element_names) {
  const ProgramResult result = runAfterflow({"edi", "show", kFixtures + "x12_856_valid.edi"});
  BOOST_TEST(result.exitCode == 0);
  BOOST_TEST(result.out.find("message 856 Ship Notice/Manifest") != std::string::npos);
  BOOST_TEST(result.out.find("loop HL") != std::string::npos);
  BOOST_TEST(result.out.find("N101 Entity Identifier Code = ST") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_ack_of_an_invalid_file_is_written_and_a_failed_from_xml_leaves_no_file) {
  test_support::TemporaryDirectory directory;
  const std::string ack = directory.file("ack.edi");
  const ProgramResult acked = runAfterflow({"edi", "ack", kFixtures + "x12_856_errors.edi", "-o", ack});
  BOOST_TEST(acked.exitCode == 1);  // the input is invalid ...
  BOOST_TEST(Poco::File(ack).exists());  // ... and its acknowledgment says so
  BOOST_TEST(!Poco::File(ack + ".part").exists());
  BOOST_TEST(runAfterflow({"edi", "validate", ack}).exitCode == 0);

  const std::string xml = directory.file("bad.xml");
  Poco::FileOutputStream(xml) << "<edi xmlns=\"urn:afterflow:edi-xml:1\"><interchange/></edi>";
  const std::string out = directory.file("out.edi");
  const ProgramResult failed = runAfterflow({"edi", "from-xml", xml, "-o", out});
  BOOST_TEST(failed.exitCode == 1);
  BOOST_TEST(!Poco::File(out).exists());
  BOOST_TEST(!Poco::File(out + ".part").exists());
}

BOOST_AUTO_TEST_SUITE_END()
