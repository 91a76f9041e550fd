#include "edi/file_check.h"
#include "edi/reader.h"
#include "edi/spec_catalog.h"
#include "edi/validator.h"
#include "edi/value_check.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include "tests/edi/edi_fixtures.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>

using namespace edi;
using edi_fixtures::catalog;
using edi_fixtures::codesOf;
using edi_fixtures::readFile;

namespace {

const std::string kFixtures = std::string(AFTERFLOW_EDI_FIXTURES) + "/validate";



// Writes what acknowledgments would be built from, as text.
class RecordingListener : public ValidationListener {
 public:
  std::ostringstream out;
  void messageEnded(const InterchangeReport& i, const GroupReport* g, const MessageReport& m) override {
    out << "  message " << i.index << "." << (g ? g->index : 0) << "." << m.index << " " << m.type << " "
        << m.controlNumber << (m.accepted() ? " accepted" : " rejected");
    for (const auto& code : m.messageErrors) out << " [" << code << "]";
    out << "\n";
    for (const SegmentError& s : m.segmentErrors) {
      out << "    segment " << s.tag << " at " << s.positionInMessage << " loop '" << s.loopId << "' [" << s.code << "]\n";
      for (const ElementError& e : s.elements) {
        out << "      element " << e.position << "." << e.component << "." << e.repetition << " ref " << e.elementId
            << " [" << e.code << "] '" << e.badValue << "'\n";
      }
    }
  }
  void groupEnded(const InterchangeReport& i, const GroupReport& g) override {
    out << "  group " << i.index << "." << g.index << " " << g.functionalId << " " << g.controlNumber << " received "
        << g.messagesReceived << " accepted " << g.messagesAccepted;
    for (const auto& code : g.groupErrors) out << " [" << code << "]";
    out << "\n";
  }
  void interchangeEnded(const InterchangeReport& i) override {
    out << "  interchange " << i.index << " " << i.controlNumber << " from " << i.senderQualifier << ":" << i.sender
        << " to " << i.receiverQualifier << ":" << i.receiver << " version " << i.version << " groups " << i.groups
        << " messages " << i.messages << (i.acknowledgmentRequested ? " ack-requested" : "");
    for (const auto& code : i.interchangeErrors) out << " [" << code << "]";
    out << "\n";
  }
};

std::string validate(const std::string& bytes, bool strict, bool fastPath = true) {
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  ReaderOptions readerOptions;
  readerOptions.strict = strict;
  Reader reader(source, diagnostics, readerOptions);
  ValidatorOptions options;
  options.strict = strict;
  options.cleanSegmentFastPath = fastPath;
  Validator validator(catalog(), diagnostics, options);
  RecordingListener listener;
  validator.setListener(&listener);
  Segment segment;
  while (reader.next(segment)) validator.segment(segment, reader);
  validator.finish();
  std::string out = "reports:\n" + listener.out.str() + "diagnostics:\n";
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.code == "layout.line-breaks") continue;  // every fixture has them; the reader tests cover it
    out += formatDiagnostic(d, "FILE") + "\n";
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validator)

BOOST_AUTO_TEST_CASE(the_shipped_definitions_all_load_and_validate_against_their_schema) {
  for (const auto& [standard, version] : std::vector<std::pair<Standard, std::string>>{
           {Standard::x12, "004010"}, {Standard::x12, "005010"}, {Standard::edifact, "D96A"},
           {Standard::edifact, "D01B"}, {Standard::edifact, "syntax3"}, {Standard::edifact, "syntax4"}}) {
    BOOST_TEST(catalog().directory(standard, version) != nullptr, version);
  }
  for (const Diagnostic& d : catalog().diagnostics().items()) BOOST_TEST_MESSAGE(d.message);
  BOOST_TEST(catalog().diagnostics().items().empty());
  const auto* x12 = catalog().directory(Standard::x12, "004010");
  for (const char* id : {"204", "990", "214", "210", "856", "944", "861", "180", "852", "997"}) {
    BOOST_TEST(x12->message(id) != nullptr, id);
  }
  const auto* x12v5 = catalog().directory(Standard::x12, "005010");
  for (const char* id : {"204", "990", "214", "210", "856", "944", "861", "180", "852", "997", "999"}) {
    BOOST_TEST(x12v5->message(id) != nullptr, id);
  }
  for (const char* id : {"IFTMIN", "IFTSTA", "IFTMAN", "DESADV", "RECADV", "SLSRPT", "INVRPT", "APERAK"}) {
    BOOST_TEST(catalog().directory(Standard::edifact, "D96A")->message(id) != nullptr, id);
  }
  for (const char* id : {"RETANN", "RETINS"}) {
    BOOST_TEST(catalog().directory(Standard::edifact, "D01B")->message(id) != nullptr, id);
  }
  BOOST_TEST(catalog().directory(Standard::edifact, "syntax4")->message("CONTRL") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_definition_that_breaks_the_schema_is_refused_with_file_and_line) {
  const std::string root = Poco::Path::temp() + "afterflow-spec-test-" + std::to_string(::getpid());
  Poco::File(root + "/edi/x12/009990").createDirectories();
  Poco::File(root + "/xsd").createDirectories();
  Poco::File(catalog().schemasRoot() + "/xsd/edi-spec.xsd").copyTo(root + "/xsd/edi-spec.xsd");
  Poco::FileOutputStream(root + "/edi/x12/009990/dictionary.xml")
      << "<dictionary xmlns=\"urn:afterflow:edi-spec:1\" standard=\"x12\" version=\"009990\">\n"
         "  <element id=\"1\" name=\"One\" type=\"QQ\" min=\"1\" max=\"2\"/>\n</dictionary>\n";
  SpecCatalog broken(root);
  BOOST_TEST(broken.directory(Standard::x12, "009990") == nullptr);
  BOOST_REQUIRE(!broken.diagnostics().items().empty());
  const std::string message = broken.diagnostics().items().front().message;
  BOOST_TEST(message.find("dictionary.xml:2:") != std::string::npos, message);
  Poco::File(root).remove(true);
}

BOOST_AUTO_TEST_CASE(a_definition_that_is_not_well_formed_xml_is_refused_with_file_and_line) {
  const std::string root = Poco::Path::temp() + "afterflow-spec-xml-test-" + std::to_string(::getpid());
  Poco::File(root + "/edi/x12/009990").createDirectories();
  Poco::File(root + "/xsd").createDirectories();
  Poco::File(catalog().schemasRoot() + "/xsd/edi-spec.xsd").copyTo(root + "/xsd/edi-spec.xsd");
  Poco::FileOutputStream(root + "/edi/x12/009990/dictionary.xml")
      << "<dictionary xmlns=\"urn:afterflow:edi-spec:1\" standard=\"x12\" version=\"009990\">\n"
         "  <element id=\"1\" name=\"One\" type=\"AN\" min=\"1\" max=\"2\">\n</dictionary>\n";
  SpecCatalog broken(root);
  BOOST_TEST(broken.directory(Standard::x12, "009990") == nullptr);
  BOOST_REQUIRE(!broken.diagnostics().items().empty());
  const std::string message = broken.diagnostics().items().front().message;
  BOOST_TEST(message.find("dictionary.xml:3:") != std::string::npos, message);
  Poco::File(root).remove(true);
}

BOOST_AUTO_TEST_CASE(a_version_name_cannot_reach_outside_the_definitions_folder) {
  BOOST_TEST(catalog().directory(Standard::x12, "../../etc") == nullptr);
}

// Golden files: tests/edi/fixtures/validate/NAME.expected (lenient) and NAME.strict.expected.
// AFTERFLOW_UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
BOOST_AUTO_TEST_CASE(every_fixture_validates_as_its_golden_file_says) {
  const bool update = Poco::Environment::get("AFTERFLOW_UPDATE_GOLDEN", "") == "1";
  std::vector<std::string> files;
  for (Poco::DirectoryIterator it(kFixtures), end; it != end; ++it) {
    if (Poco::Path(it->path()).getExtension() == "edi") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  BOOST_REQUIRE_GE(files.size(), 7u);
  for (const std::string& file : files) {
    const std::string bytes = readFile(file);
    for (const bool strict : {false, true}) {
      const std::string actual = validate(bytes, strict);
      const std::string expectedPath = file + (strict ? ".strict.expected" : ".expected");
      if (update) {
        Poco::FileOutputStream(expectedPath) << actual;
        continue;
      }
      BOOST_REQUIRE_MESSAGE(Poco::File(expectedPath).exists(), "missing golden file " << expectedPath);
      BOOST_TEST(actual == readFile(expectedPath), Poco::Path(expectedPath).getFileName());
    }
  }
}

// The fast path for clean segments must never change a result: every fixture and every input of
// the validator's fuzz corpus (valid and broken alike) validates the same with it and without.
BOOST_AUTO_TEST_CASE(the_clean_segment_fast_path_gives_the_same_result_as_the_full_check) {
  std::vector<std::string> files;
  for (const std::string& folder : {kFixtures, std::string(AFTERFLOW_EDI_FIXTURES) + "/../../fuzz/corpus/validator"}) {
    for (Poco::DirectoryIterator it(folder), end; it != end; ++it) {
      if (it->isFile()) files.push_back(it->path());
    }
  }
  BOOST_REQUIRE_GE(files.size(), 100u);
  std::size_t differing = 0;
  for (const std::string& file : files) {
    const std::string bytes = readFile(file);
    for (const bool strict : {false, true}) {
      if (validate(bytes, strict, true) != validate(bytes, strict, false)) {
        ++differing;
        BOOST_TEST_MESSAGE("fast and full check differ on " << file << (strict ? " (strict)" : ""));
      }
    }
  }
  BOOST_TEST(differing == 0u);
}

const std::string kIsa4010 =
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*U*00401*000000101*0*P*>~"
    "GS*SH*SENDER*RECEIVER*20261101*1200*7*X*004010~";

BOOST_AUTO_TEST_CASE(an_x12_decimal_may_start_with_its_decimal_point_an_edifact_one_may_not) {
  const auto x12 = codesOf(kIsa4010 + "ST*856*0001~BSN*00*S*20261101*1200~HL*1**S~MEA*PD*WT*.5*LB~SE*5*0001~GE*1*7~"
                                      "IEA*1*000000101~");
  BOOST_TEST(std::count(x12.begin(), x12.end(), "element.invalid-character") == 0);
  ValueRules edifact{Standard::edifact, '?', '.'};
  ElementDefinition quantity{"6060", "Quantity", ElementType::decimal, 0, 1, 35, {}};
  ElementUse use;
  use.element = &quantity;
  BOOST_TEST(checkValue(".5", use, edifact) == "element.invalid-character");
  BOOST_TEST(checkValue("0.5", use, edifact).empty());
}

BOOST_AUTO_TEST_CASE(a_repetition_separator_in_an_element_that_does_not_repeat_is_an_error) {
  const auto codes = codesOf(
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*^*00501*000000201*0*P*>~"
      "GS*SH*SENDER*RECEIVER*20261101*1200*7*X*005010~ST*856*0001~BSN*00*S*20261101*1200~HL*1**S~REF*ZZ*A^B~"
      "SE*5*0001~GE*1*7~IEA*1*000000201~");
  BOOST_TEST(std::count(codes.begin(), codes.end(), "element.too-many-repetitions") == 1);
}

// The fast path decides dates, times and composites itself, reading 16 bytes at a time up to
// and past the end of a value: what it must still catch, at the edges of those blocks.
BOOST_AUTO_TEST_CASE(the_fast_path_still_catches_bad_dates_times_components_and_bytes_at_block_edges) {
  const auto x12 = codesOf(kIsa4010 + "ST*856*0001~BSN*00*S*20261101*1200~DTM*011*20260230~DTM*011*20261101*2460~"
                                      "HL*1**S~N1*ST*SERVICE CENTER 1\x01~SE*7*0001~GE*1*7~IEA*1*000000101~");
  BOOST_TEST(std::count(x12.begin(), x12.end(), "element.invalid-date") == 1);
  BOOST_TEST(std::count(x12.begin(), x12.end(), "element.invalid-time") == 1);
  BOOST_TEST(std::count(x12.begin(), x12.end(), "charset.outside") == 1);  // the last byte of a 23-byte segment
  const std::string longName(60, 'A');
  const auto edifact = codesOf(
      "UNB+UNOC:3+SENDER:14+RECEIVER:14+261101:1200+REF1'UNH+1+IFTSTA:D:96A:UN'BGM+23+STA1+9'"
      "DTM+137:2026110112000000000000000000000000000000:203'CNI+1+SHP1'STS+1+5'"
      "LOC+175+USPHX:139:6:" + longName + ":X:Y'UNT+7+1'UNZ+1+REF1'");
  BOOST_TEST(std::count(edifact.begin(), edifact.end(), "element.too-long") == 1);  // a 40-byte component
  BOOST_TEST(std::count(edifact.begin(), edifact.end(), "element.too-many-components") == 1);  // a 79-byte composite
}

BOOST_AUTO_TEST_CASE(a_byte_outside_the_character_set_is_placed_in_its_element_past_escaped_separators) {
  const std::string bytes =
      "UNB+UNOA:3+S:14+R:14+261101:1200+1'UNH+1+DESADV:D:96A:UN'FTX+AAI+++A?+B+c'UNT+3+1'UNZ+1+1'";
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  checkInterchanges(source, catalog(), diagnostics);
  bool found = false;
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.code == "charset.outside") found = d.where.element == 5 && d.where.tag == "FTX";
  }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(stray_segments_outside_messages_do_not_grow_the_report) {
  std::string bytes = kIsa4010;
  for (int i = 0; i < 20000; ++i) bytes += "N1*ST*X~";
  bytes += "GE*0*7~IEA*1*000000101~";
  struct Last : ValidationListener {
    std::size_t codes = 0;
    void interchangeEnded(const InterchangeReport& report) override { codes = report.interchangeErrors.size(); }
  } listener;
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  checkInterchanges(source, catalog(), diagnostics, {}, &listener);
  BOOST_TEST(listener.codes == 1u);
  BOOST_TEST(diagnostics.errorCount() == 20000u);
}

BOOST_AUTO_TEST_CASE(past_its_limit_a_diagnostics_list_counts_without_keeping) {
  Diagnostics diagnostics(3);
  for (int i = 0; i < 5; ++i) diagnostics.error("element.too-long", "e", {});
  diagnostics.warning("layout.bom", "w", {});
  BOOST_TEST(diagnostics.items().size() == 3u);
  BOOST_TEST(diagnostics.errorCount() == 5u);
  BOOST_TEST(diagnostics.warningCount() == 1u);
  BOOST_TEST(diagnostics.droppedCount() == 3u);
}

BOOST_AUTO_TEST_CASE(dates_and_times_are_checked_for_real_calendars_and_clocks) {
  BOOST_TEST(isValidDate("20240229"));
  BOOST_TEST(!isValidDate("20230229"));
  BOOST_TEST(isValidDate("20000229"));
  BOOST_TEST(!isValidDate("19000229"));
  BOOST_TEST(!isValidDate("20261131"));
  BOOST_TEST(isValidDate("261101"));
  BOOST_TEST(!isValidDate("2026111"));
  BOOST_TEST(isValidTime("2359"));
  BOOST_TEST(isValidTime("235959"));
  BOOST_TEST(isValidTime("23595999"));
  BOOST_TEST(!isValidTime("2460"));
  BOOST_TEST(!isValidTime("24"));
}

BOOST_AUTO_TEST_SUITE_END()
