#include "edi/reader.h"
#include "edi/spec_catalog.h"
#include "edi/xml_form.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include "tests/edi/edi_fixtures.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <sstream>

using namespace edi;
using edi_fixtures::catalog;
using edi_fixtures::readFile;

namespace {

const std::string kFixtures = AFTERFLOW_EDI_FIXTURES;
const std::string kXsd = SpecCatalog::defaultSchemasRoot() + "/xsd/edi-xml.xsd";


std::string toXml(const std::string& bytes) {
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  std::ostringstream out;
  writeXml(source, out, diagnostics);
  return out.str();
}

// XML text -> EDI bytes, validating against the XSD; `ok` says whether it succeeded.
std::string fromXml(const std::string& xml, bool& ok, Diagnostics& diagnostics, FromXmlOptions options = {}) {
  Poco::TemporaryFile file;
  Poco::FileOutputStream(file.path()) << xml;
  options.xsdPath = kXsd;
  std::ostringstream out;
  ok = readXml(file.path(), out, diagnostics, options);
  return out.str();
}

std::string roundTrip(const std::string& bytes, FromXmlOptions options = {}) {
  Diagnostics diagnostics;
  bool ok = false;
  const std::string result = fromXml(toXml(bytes), ok, diagnostics, options);
  for (const Diagnostic& d : diagnostics.items()) BOOST_TEST_MESSAGE(formatDiagnostic(d, "xml"));
  BOOST_TEST(ok);
  return result;
}

// Segments as tag and unescaped element values: what a reader sees, whatever the delimiters.
std::vector<std::vector<std::string>> segmentsOf(const std::string& bytes) {
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  Reader reader(source, diagnostics);
  Segment segment;
  std::vector<std::vector<std::string>> out;
  while (reader.next(segment)) {
    if (segment.isServiceStringAdvice()) continue;
    std::vector<std::string> values;
    for (std::size_t i = 0; i <= segment.elementCount(); ++i) {
      std::string value;
      for (const auto& part : splitValue(segment.element(i), reader.delimiters().component, reader.delimiters().release)) {
        std::string unescaped;
        for (std::size_t k = 0; k < part.size(); ++k) {
          if (reader.delimiters().release && part[k] == reader.delimiters().release && k + 1 < part.size()) ++k;
          unescaped += part[k];
        }
        value += (value.empty() ? "" : "|") + unescaped;
      }
      values.push_back(value);
    }
    if (segment.tag() == "ISA") values.pop_back();  // ISA16 is the component separator itself
    out.push_back(values);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xml_form)

BOOST_AUTO_TEST_CASE(every_well_formed_fixture_comes_back_byte_for_byte) {
  // These are messy on purpose; they come back in clean form (next test).
  const std::set<std::string> messy{"x12_bom.edi", "x12_ebcdic.edi", "x12_indented.edi", "x12_junk_between.edi",
                                    "x12_truncated.edi", "x12_wrapped_80.edi", "not_edi.txt"};
  int checked = 0;
  for (const std::string folder : {"reader", "validate"}) {
    for (Poco::DirectoryIterator it(kFixtures + "/" + folder), end; it != end; ++it) {
      const std::string name = it.name();
      if (Poco::Path(name).getExtension() != "edi" || messy.count(name)) continue;
      const std::string bytes = readFile(it->path());
      BOOST_TEST(roundTrip(bytes) == bytes, name);
      ++checked;
    }
  }
  BOOST_TEST(checked >= 20);
}

BOOST_AUTO_TEST_CASE(a_file_ends_as_it_did_with_or_without_a_final_line_break) {
  const std::string crlf = readFile(kFixtures + "/reader/x12_line_breaks.edi");
  const std::string crlfOpen = readFile(kFixtures + "/reader/x12_crlf_no_final_newline.edi");
  const std::string lfOpen = readFile(kFixtures + "/reader/edifact_lf_no_final_newline.edi");
  BOOST_REQUIRE(crlfOpen.back() == '~');
  BOOST_REQUIRE(lfOpen.back() == '\'');
  for (const std::string& bytes : {crlfOpen, lfOpen}) {
    BOOST_TEST(roundTrip(bytes) == bytes);
    BOOST_TEST(toXml(bytes).find("suffix=\"\"") != std::string::npos);  // the trailer's own: nothing
  }
  // A final line break as the other segments have one needs no word; one where they have none does.
  BOOST_TEST(toXml(crlf).find("<segment tag=\"IEA\" suffix") == std::string::npos);
  const std::string oneLine = readFile(kFixtures + "/reader/edifact_defaults.edi") + "\n";
  BOOST_TEST(toXml(oneLine).find("<segment tag=\"UNZ\" suffix=\"0A\"") != std::string::npos);
  BOOST_TEST(roundTrip(oneLine) == oneLine);
  // Only the last of several interchanges lacks it; and blank lines after the last are kept.
  for (const std::string& bytes : {crlf + crlfOpen, crlfOpen + "\r\n" + crlfOpen, lfOpen + "\n\n\n", crlf + lfOpen}) {
    BOOST_TEST(roundTrip(bytes) == bytes);
  }
  // Written with other delimiters, the file still ends as it did.
  FromXmlOptions options;
  options.delimiters = parseDelimiters("|^ !", Standard::x12);
  const std::string redelimited = roundTrip(crlfOpen, options);
  BOOST_TEST(redelimited.substr(redelimited.size() - 3) == "01!");
}

BOOST_AUTO_TEST_CASE(a_messy_file_comes_back_clean_with_the_same_segments) {
  for (const char* name : {"x12_bom.edi", "x12_ebcdic.edi", "x12_wrapped_80.edi", "x12_junk_between.edi"}) {
    const std::string bytes = readFile(kFixtures + "/reader/" + name);
    const std::string clean = roundTrip(bytes);
    BOOST_TEST(segmentsOf(clean) == segmentsOf(bytes), name);
    MemoryByteSource source(clean);
    Diagnostics diagnostics;
    Reader reader(source, diagnostics);
    Segment segment;
    while (reader.next(segment)) {
    }
    for (const Diagnostic& d : diagnostics.items()) {
      BOOST_TEST((d.code == "layout.line-breaks"), name << ": " << d.code);
    }
  }
}

BOOST_AUTO_TEST_CASE(re_delimiting_keeps_every_value_and_escapes_what_needs_it) {
  const std::string x12 = readFile(kFixtures + "/validate/x12_856_valid.edi");
  FromXmlOptions options;
  options.delimiters = parseDelimiters("|^ \x1d", Standard::x12);
  const std::string redelimited = roundTrip(x12, options);
  BOOST_TEST(redelimited.find("ISA|00|") == 0u);
  BOOST_TEST(redelimited.find("|P|^\x1d") != std::string::npos);  // ISA16 is the new component separator
  BOOST_TEST(segmentsOf(redelimited) == segmentsOf(x12));

  const std::string edifact = readFile(kFixtures + "/reader/edifact_una_release.edi");
  options.delimiters = parseDelimiters("|#*!/", Standard::edifact);
  const std::string moved = roundTrip(edifact, options);
  BOOST_TEST(moved.find("UNA#|./*!") == 0u, moved.substr(0, 20));
  BOOST_TEST(segmentsOf(moved) == segmentsOf(edifact));
}

BOOST_AUTO_TEST_CASE(x12_values_that_hold_a_new_delimiter_are_refused_not_corrupted) {
  const std::string x12 = readFile(kFixtures + "/validate/x12_856_valid.edi");
  Diagnostics diagnostics;
  bool ok = true;
  FromXmlOptions options;
  options.delimiters = parseDelimiters("*>^ ", Standard::x12);  // a space terminator: values hold spaces
  fromXml(toXml(x12), ok, diagnostics, options);
  BOOST_TEST(!ok);
  BOOST_TEST(diagnostics.items().front().message.find("X12 has no release character") != std::string::npos);
  BOOST_CHECK_THROW(parseDelimiters("*>~", Standard::x12), Poco::InvalidArgumentException);
}

BOOST_AUTO_TEST_CASE(values_are_utf8_in_xml_and_their_declared_set_in_edifact) {
  const std::string latin1 =
      "UNB+UNOC:3+S:14+R:14+261101:1200+1'UNH+1+DESADV:D:96A:UN'FTX+AAI+++Caf\xe9 M\xfcller'UNT+3+1'UNZ+1+1'";
  const std::string xml = toXml(latin1);
  BOOST_TEST(xml.find("Caf\xc3\xa9 M\xc3\xbcller") != std::string::npos);
  BOOST_TEST(roundTrip(latin1) == latin1);
}

BOOST_AUTO_TEST_CASE(syntax_4_without_una_repeats_with_star_and_round_trips) {
  const std::string bytes =
      "UNB+UNOY:4+S+R+20261101:1200+1'UNH+1+IFTSTA:D:01B:UN'BGM+23+A*B+C?*D'UNT+3+1'UNZ+1+1'";
  const std::string xml = toXml(bytes);
  BOOST_TEST(xml.find("repetition-separator=\"2A\"") != std::string::npos);
  BOOST_TEST(xml.find("<e>C*D</e>") != std::string::npos);  // the escaped star is data
  BOOST_TEST(roundTrip(bytes) == bytes);
}

BOOST_AUTO_TEST_CASE(xml_that_breaks_the_schema_is_refused_with_its_line) {
  Diagnostics diagnostics;
  bool ok = true;
  fromXml("<edi xmlns=\"urn:afterflow:edi-xml:1\">\n  <interchange standard=\"x12\">\n"
          "    <segment tag=\"st\"/>\n  </interchange>\n</edi>\n",
          ok, diagnostics);
  BOOST_TEST(!ok);
  BOOST_REQUIRE(!diagnostics.items().empty());
  BOOST_TEST(diagnostics.items().front().where.line >= 2u);
  BOOST_TEST(diagnostics.items().front().code == "xml.invalid");
}

BOOST_AUTO_TEST_SUITE_END()
