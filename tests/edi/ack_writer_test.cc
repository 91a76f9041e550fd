#include "edi/ack_writer.h"
#include "edi/byte_source.h"
#include "edi/file_check.h"
#include "edi/spec_catalog.h"

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
using edi_fixtures::readFile;

namespace {

const std::string kFixtures = AFTERFLOW_EDI_FIXTURES;



std::string acknowledge(const std::string& bytes, AckOptions options = {}) {
  options.date = "20261122";
  options.time = "0930";
  std::ostringstream out;
  AckWriter writer(out, options);
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  checkInterchanges(source, catalog(), diagnostics, {}, &writer);
  return out.str();
}

Diagnostics validateBytes(const std::string& bytes) {
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  checkInterchanges(source, catalog(), diagnostics);
  return diagnostics;
}

std::vector<std::string> inputs(const std::string& folder) {
  std::vector<std::string> files;
  for (Poco::DirectoryIterator it(kFixtures + "/" + folder), end; it != end; ++it) {
    if (Poco::Path(it->path()).getExtension() == "edi") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A valid X12 856 interchange with `sets` transaction sets, built in memory.
std::string manyShipNotices(int sets) {
  std::string out =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*U*00401*000000042*1*P*>~"
      "GS*SH*SENDER*RECEIVER*20261101*1200*1*X*004010~";
  for (int i = 1; i <= sets; ++i) {
    const std::string control = std::to_string(10000 + i);
    out += "ST*856*" + control + "~BSN*00*S" + control + "*20261101*1200~HL*1**S~SE*4*" + control + "~";
  }
  return out + "GE*" + std::to_string(sets) + "*1~IEA*1*000000042~";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ack_writer)

// Golden files: tests/edi/fixtures/acks/NAME.ack. AFTERFLOW_UPDATE_GOLDEN=1 rewrites them.
BOOST_AUTO_TEST_CASE(every_validation_fixture_is_acknowledged_as_its_golden_file_says) {
  const bool update = Poco::Environment::get("AFTERFLOW_UPDATE_GOLDEN", "") == "1";
  for (const std::string& file : inputs("validate")) {
    AckOptions options;
    options.alwaysTa1 = true;
    const std::string ack = acknowledge(readFile(file), options);
    const std::string expected = kFixtures + "/acks/" + Poco::Path(file).getBaseName() + ".ack";
    if (update) {
      Poco::FileOutputStream(expected) << ack;
      continue;
    }
    BOOST_TEST(ack == readFile(expected), Poco::Path(expected).getFileName());
  }
}

BOOST_AUTO_TEST_CASE(every_acknowledgment_is_itself_valid_against_the_definitions) {
  std::vector<std::string> files = inputs("validate");
  const auto more = inputs("reader");
  files.insert(files.end(), more.begin(), more.end());
  int acknowledged = 0;
  for (const std::string& file : files) {
    AckOptions options;
    options.alwaysTa1 = true;
    const std::string ack = acknowledge(readFile(file), options);
    if (ack.empty()) continue;
    ++acknowledged;
    const Diagnostics diagnostics = validateBytes(ack);
    for (const Diagnostic& d : diagnostics.items()) {
      if (d.severity == Severity::error) BOOST_TEST_MESSAGE(Poco::Path(file).getFileName() << ": " << formatDiagnostic(d, "ack"));
    }
    BOOST_TEST(!diagnostics.hasErrors(), Poco::Path(file).getFileName());
  }
  BOOST_TEST(acknowledged >= 20);
}

BOOST_AUTO_TEST_CASE(a_ta1_comes_when_the_sender_asks_for_one_or_the_caller_does) {
  const std::string asks = manyShipNotices(1);  // ISA14 = 1
  BOOST_TEST(acknowledge(asks).find("TA1*000000042*261101*1200*A*000~") != std::string::npos);
  std::string quiet = asks;
  quiet.replace(quiet.find("*000000042*1*P*"), 15, "*000000042*0*P*");
  BOOST_TEST(acknowledge(quiet).find("TA1") == std::string::npos);
  AckOptions always;
  always.alwaysTa1 = true;
  BOOST_TEST(acknowledge(quiet, always).find("TA1*000000042") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_syntax_4_interchange_gets_a_version_4_contrl) {
  const std::string bytes =
      "UNB+UNOC:4+SENDER:14+RECEIVER:14+20261101:1200+REF4'UNH+1+DESADV:D:96A:UN'BGM+351+D1+9'UNT+3+1'UNZ+1+REF4'";
  const std::string ack = acknowledge(bytes);
  BOOST_TEST(ack.find("UNB+UNOC:4+RECEIVER:14+SENDER:14+20261122:0930+1'") == 0u, ack);
  BOOST_TEST(ack.find("UNH+1+CONTRL:4:1:UN'") != std::string::npos);
  BOOST_TEST(ack.find("UCM+1+DESADV:D:96A:UN+7'") != std::string::npos);
  BOOST_TEST(!validateBytes(ack).hasErrors());
}

BOOST_AUTO_TEST_CASE(control_numbers_of_the_ack_envelopes_start_where_the_caller_says_and_advance) {
  std::ostringstream out;
  AckOptions options;
  options.interchangeControl = 77;
  options.groupControl = 500;
  AckWriter writer(out, options);
  const std::string two = manyShipNotices(1) + manyShipNotices(1);
  MemoryByteSource source(two);
  Diagnostics diagnostics;
  checkInterchanges(source, catalog(), diagnostics, {}, &writer);
  BOOST_TEST(writer.acknowledgmentsWritten() == 2u);
  BOOST_TEST(out.str().find("*000000077*0*P*>~") != std::string::npos);
  BOOST_TEST(out.str().find("*000000078*0*P*>~") != std::string::npos);
  BOOST_TEST(out.str().find("GE*1*500~") != std::string::npos);
  BOOST_TEST(out.str().find("GE*1*501~") != std::string::npos);
  BOOST_TEST(writer.nextInterchangeControl() == 79u);
}

BOOST_AUTO_TEST_CASE(a_large_group_is_acknowledged_completely_through_the_spool_file) {
  const int sets = 230000;  // the ack body passes the 4 MiB kept in memory
  const std::string ack = acknowledge(manyShipNotices(sets));
  BOOST_TEST(ack.size() > (4u << 20));
  BOOST_TEST(static_cast<int>(std::count(ack.begin(), ack.end(), '~')) == 2 * sets + 9);  // ISA TA1 GS ST AK1 AK9 SE GE IEA
  BOOST_TEST(ack.find("AK9*A*230000*230000*230000~") != std::string::npos);
  BOOST_TEST(ack.find("SE*" + std::to_string(2 * sets + 4) + "*0001~") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_element_error_names_its_position_and_never_carries_a_delimiter) {
  // 005010: an N102 too long, whose copy in IK404 would otherwise carry the component separator.
  const std::string bytes =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*^*00501*000000077*0*P*>~"
      "GS*SH*SENDER*RECEIVER*20261101*1200*1*X*005010~ST*856*0001~BSN*00*S1*20261101*1200~HL*1**S~"
      "N1*ST*A>B" + std::string(60, 'C') + "*92*XX~SE*5*0001~GE*1*1~IEA*1*000000077~";
  const std::string ack = acknowledge(bytes);
  BOOST_TEST(ack.find("IK3*N1*4*N1*8~IK4*2*93*5*A B" + std::string(60, 'C') + "~") != std::string::npos, ack);
  BOOST_TEST(ack.find("IK5*R") != std::string::npos, ack);
  BOOST_TEST(!validateBytes(ack).hasErrors(), ack);
  // The bad data is copied without the component separator that would split it.
  BOOST_TEST(ack.find("A>B") == std::string::npos, ack);
}

BOOST_AUTO_TEST_CASE(a_004010_997_for_a_composite_error_is_itself_valid) {
  // MEA04 is a composite (C001) with too many components: 004010 has no code 13 and AK402 must be
  // a number, so the ack says 6 and leaves AK402 empty.
  const std::string bytes =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*U*00401*000000101*0*P*>~"
      "GS*SH*SENDER*RECEIVER*20261101*1200*7*X*004010X214~ST*856*0001~BSN*00*SHIP1*20261101*1200~HL*1**S~"
      "MEA*PD*WT*12*LB>>>>>>>>>>>>>>>>>X~SE*5*0001~GE*1*7~IEA*1*000000101~";
  const std::string ack = acknowledge(bytes);
  BOOST_TEST(ack.find("AK4*4**6*") != std::string::npos, ack);
  BOOST_TEST(ack.find("*X*004010~ST*997") != std::string::npos, ack);  // GS08 without the guide's suffix
  const Diagnostics diagnostics = validateBytes(ack);
  for (const Diagnostic& d : diagnostics.items()) BOOST_TEST_MESSAGE(formatDiagnostic(d, "ack"));
  BOOST_TEST(!diagnostics.hasErrors());
}

BOOST_AUTO_TEST_SUITE_END()
