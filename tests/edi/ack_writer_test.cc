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

BOOST_AUTO_TEST_CASE(functional_groups_get_a_ucf_each_with_their_messages_below_it) {
  // Syntax 4: GRP1 holds a valid message and one with a bad quantity; GRP2, whose UNG names no
  // application sender or recipient, has a UNE with the wrong reference.
  const std::string ack = acknowledge(readFile(kFixtures + "/validate/edifact_groups_syntax4.edi"));
  const std::string group1 = "UCF+GRP1+SENDAPP:ZZ+RECVAPP:ZZ+7'UCM+1+DESADV:D:96A:UN+7'UCM+2+DESADV:D:96A:UN+4'";
  BOOST_TEST(ack.find("UCI+REF8+SENDER:14+RECEIVER:14+7'" + group1) != std::string::npos, ack);
  // QTY's second component (6060) of element C186, the tag counting as position 1.
  BOOST_TEST(ack.find("UCS+9'UCD+21+2:2'") != std::string::npos, ack);
  BOOST_TEST(ack.find("UCD+21+2:2'UCF+GRP2+++4+28+UNE+3'UCM+3+DESADV:D:96A:UN+7'UNT+") != std::string::npos, ack);
  BOOST_TEST(ack.find("UNT+10+1'") != std::string::npos, ack);
  const Diagnostics diagnostics = validateBytes(ack);
  for (const Diagnostic& d : diagnostics.items()) BOOST_TEST_MESSAGE(formatDiagnostic(d, "ack"));
  BOOST_TEST(!diagnostics.hasErrors());

  // Syntax 3 wants S006 and S007; the first of GRP2's two trailer errors is the count (0060).
  const std::string ack3 = acknowledge(readFile(kFixtures + "/validate/edifact_groups_syntax3.edi"));
  BOOST_TEST(ack3.find("UCF+GRP2+SENDAPP:ZZ+RECVAPP:ZZ+4+29+UNE+2'UCM+3+DESADV:D:96A:UN+7'") != std::string::npos,
             ack3);
  BOOST_TEST(ack3.find("UCM+2+DESADV:D:96A:UN+4'UCS+2'UCD+12+4'") != std::string::npos, ack3);
  BOOST_TEST(!validateBytes(ack3).hasErrors());
}

BOOST_AUTO_TEST_CASE(messages_outside_groups_come_before_the_groups_in_contrl) {
  // Groups and lone messages mixed: segment group 1 (UCM) must precede segment group 3 (UCF),
  // or the lone message's UCM would read as part of the group before it.
  const std::string bytes =
      "UNB+UNOC:3+S:14+R:14+261101:1200+MIX'UNG+DESADV+A+B+261101:1200+G1+UN+D:96A'UNH+1+DESADV:D:96A:UN'"
      "BGM+351+D1+9'UNT+3+1'UNE+1+G1'UNH+2+DESADV:D:96A:UN'BGM+351+D2+9'UNT+3+2'UNZ+2+MIX'";
  const std::string ack = acknowledge(bytes);
  BOOST_TEST(ack.find("UCM+2+DESADV:D:96A:UN+7'UCF+G1+A+B+7'UCM+1+DESADV:D:96A:UN+7'UNT+6+1'") != std::string::npos,
             ack);
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

BOOST_AUTO_TEST_CASE(a_large_edifact_group_keeps_its_messages_below_its_ucf_through_the_spool_files) {
  const int messages = 200000;  // the group's UCMs pass the 4 MiB kept in memory
  std::string bytes = "UNB+UNOC:3+S:14+R:14+261101:1200+BIG'UNG+DESADV+A+B+261101:1200+G1+UN+D:96A'";
  for (int i = 1; i <= messages; ++i) {
    const std::string n = std::to_string(i);
    bytes += "UNH+" + n + "+DESADV:D:96A:UN'BGM+351+D" + n + "+9'UNT+3+" + n + "'";
  }
  bytes += "UNE+" + std::to_string(messages) + "+G1'UNZ+1+BIG'";
  const std::string ack = acknowledge(bytes);
  BOOST_TEST(ack.size() > (4u << 20));
  const std::size_t ucf = ack.find("UCF+G1+A+B+7'UCM+1+DESADV:D:96A:UN+7'");
  BOOST_TEST(ucf != std::string::npos);
  BOOST_TEST(ack.find("UCM+") > ucf);
  BOOST_TEST(ack.find("'UCM+" + std::to_string(messages) + "+DESADV:D:96A:UN+7'UNT+" + std::to_string(messages + 4) +
                      "+1'UNZ+1+1'") != std::string::npos);
  BOOST_TEST(static_cast<int>(std::count(ack.begin(), ack.end(), '\'')) == messages + 6);  // UNB UNH UCI UCF UNT UNZ
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
