#include "edi/byte_source.h"
#include "edi/clean_segment.h"
#include "edi/reader.h"
#include "edi/segment_program_cache.h"
#include "tests/edi/edi_fixtures.h"

#include <Poco/DirectoryIterator.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace edi;
using edi_fixtures::catalog;
using edi_fixtures::codesOf;
using edi_fixtures::readFile;

namespace {

struct Tally {
  std::size_t decided = 0, clean = 0, undecided = 0, differing = 0;
};

// Every segment of `bytes` that the fast path could see (printable ASCII), against the definition of
// its tag in each directory of its standard: the compiled check, where it answers, must answer as
// the element walk. One cache for the whole run, so that shapes remembered from earlier segments
// (of other files too) decide later ones.
void compare(const std::string& bytes, SegmentProgramCache& programs, Tally& tally, const std::string& name) {
  static const std::vector<const SpecDirectory*> directories = [] {
    std::vector<const SpecDirectory*> all;
    for (const char* version : {"004010", "005010"}) all.push_back(catalog().directory(Standard::x12, version));
    for (const char* version : {"D96A", "D01B", "syntax3", "syntax4"}) {
      all.push_back(catalog().directory(Standard::edifact, version));
    }
    return all;
  }();
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  Reader reader(source, diagnostics);
  Segment segment;
  while (reader.next(segment)) {
    if (!segment.printableAscii() || segment.isServiceStringAdvice()) continue;
    for (const SpecDirectory* directory : directories) {
      if (directory == nullptr || directory->standard != segment.standard()) continue;
      const SegmentDefinition* definition = directory->segment(segment.tag());
      if (definition == nullptr) continue;
      const CleanVerdict verdict = programs.of(*definition).check(segment, reader.delimiters());
      if (verdict == CleanVerdict::undecided) {
        ++tally.undecided;
        continue;
      }
      ++tally.decided;
      const bool clean = isCleanSegment(segment, *definition, reader.delimiters());
      if (clean) ++tally.clean;
      if (clean != (verdict == CleanVerdict::clean)) {
        ++tally.differing;
        BOOST_TEST_MESSAGE("compiled check and element walk differ on " << name << " segment " << segment.index()
                                                                         << " '" << segment.text() << "' in "
                                                                         << directory->version);
      }
    }
  }
}

std::size_t count(const std::vector<std::string>& codes, const std::string& code) {
  return static_cast<std::size_t>(std::count(codes.begin(), codes.end(), code));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(segment_program)

BOOST_AUTO_TEST_CASE(the_compiled_check_answers_as_the_element_walk_on_every_fixture_and_fuzz_input) {
  std::vector<std::string> files;
  for (const std::string& folder : {edi_fixtures::kFixtures + "/validate", edi_fixtures::kFixtures + "/reader",
                                    edi_fixtures::kFixtures + "/../../fuzz/corpus/validator"}) {
    for (Poco::DirectoryIterator it(folder), end; it != end; ++it) {
      if (it->isFile()) files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  BOOST_REQUIRE_GE(files.size(), 100u);
  SegmentProgramCache programs(false);  // never resting: every answer is compared
  Tally tally;
  for (const std::string& file : files) compare(readFile(file), programs, tally, file);
  BOOST_TEST_MESSAGE("decided " << tally.decided << " (clean " << tally.clean << "), undecided " << tally.undecided);
  BOOST_TEST(tally.differing == 0u);
  // It must decide most segments, clean and not (it leaves release characters, repetitions and
  // component separators in simple elements, frequent in fuzz inputs, to the element walk): an
  // answer of "undecided" everywhere would pass the comparison above and test nothing.
  BOOST_TEST(tally.decided > 4 * tally.undecided);
  BOOST_TEST(tally.clean > 1000u);
  BOOST_TEST(tally.decided - tally.clean > 1000u);
}

// A simple element takes a component separator as part of its value: with ISA16 '1', "0001" is one
// value of four characters, not "000" and an empty component (found by the validator's fuzzer).
BOOST_AUTO_TEST_CASE(a_component_separator_inside_a_simple_element_belongs_to_its_value) {
  const std::string bytes =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*U*00401*000000101*0*P*1~"
      "GS*SH*SENDER*RECEIVER*20261101*1200*7*X*004010~ST*856*0001~BSN*00*SHIP1*20261101*1200~HL*1**S~"
      "SE*4*0001~GE*1*7~IEA*1*000000101~";
  SegmentProgramCache programs(false);
  Tally tally;
  compare(bytes, programs, tally, "ISA16 '1'");
  BOOST_TEST(tally.differing == 0u);
  BOOST_TEST(codesOf(bytes).empty());
}

// A shape seen clean once decides the next segment of that shape, but values whose bytes matter
// (dates, times, numbers, code lists) are checked again every time.
BOOST_AUTO_TEST_CASE(a_remembered_shape_still_checks_dates_times_and_codes_of_each_segment) {
  const std::string isa =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*U*00401*000000101*0*P*>~"
      "GS*SH*SENDER*RECEIVER*20261101*1200*7*X*004010~";
  const auto codes = codesOf(isa + "ST*856*0001~BSN*00*S*20261101*1200~DTM*011*20261101*1200~DTM*011*20261131*1200~"
                                   "DTM*011*20261101*2460~DTM*011*20261101*1200~HL*1**S*1~HL*2**S*7~"
                                   "SE*10*0001~GE*1*7~IEA*1*000000101~");
  BOOST_TEST(count(codes, "element.invalid-date") == 1u);
  BOOST_TEST(count(codes, "element.invalid-time") == 1u);
  BOOST_TEST(count(codes, "element.invalid-code") == 1u);
  const auto edifact = codesOf(
      "UNB+UNOC:3+SENDER:14+RECEIVER:14+261101:1200+REF1'UNH+1+IFTSTA:D:96A:UN'BGM+23+STA1+9'BGM+23+STA1+X'"
      "DTM+137:202611011200:203'CNI+1+SHP1'STS+1+5'UNT+7+1'UNZ+1+REF1'");
  BOOST_TEST(count(edifact, "element.invalid-code") == 1u);
}

// Where a segment's shapes rarely repeat, remembering them costs more than it saves: after a
// round of mostly new shapes the program leaves the segments to the element walk for a while.
BOOST_AUTO_TEST_CASE(a_program_whose_shapes_rarely_repeat_rests_and_leaves_segments_undecided) {
  std::string bytes =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*U*00401*000000101*0*P*>~";
  for (int i = 0; i < 1100; ++i) bytes += "REF*ZZ*" + std::string(1 + i % 30, 'A') + "~";  // 30 shapes in turn
  const SegmentDefinition* ref = catalog().directory(Standard::x12, "004010")->segment("REF");
  BOOST_REQUIRE(ref != nullptr);
  for (const bool rests : {true, false}) {
    SegmentProgram program(*ref, rests);
    MemoryByteSource source(bytes);
    Diagnostics diagnostics;
    Reader reader(source, diagnostics);
    Segment segment;
    std::size_t clean = 0, undecided = 0;
    while (reader.next(segment)) {
      if (segment.tag() != "REF") continue;
      const CleanVerdict verdict = program.check(segment, reader.delimiters());
      clean += verdict == CleanVerdict::clean;
      undecided += verdict == CleanVerdict::undecided;
    }
    BOOST_TEST(clean + undecided == 1100u);
    BOOST_TEST(undecided == (rests ? 1100u - 1024u : 0u));
  }
}

BOOST_AUTO_TEST_SUITE_END()
