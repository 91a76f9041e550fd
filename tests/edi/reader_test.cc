#include "edi/reader.h"

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

const std::string kFixtures = std::string(AFTERFLOW_EDI_FIXTURES) + "/reader";


std::string printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c < 0x20 || c >= 0x7F) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Everything the reader reports about a file, as text: interchanges with their delimiters,
// segments with their elements and positions, then the diagnostics.
std::string dump(const std::string& bytes, ReaderOptions options) {
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  Reader reader(source, diagnostics, options);
  Segment segment;
  std::ostringstream out;
  std::uint32_t interchange = 0;
  while (reader.next(segment)) {
    if (segment.interchange() != interchange) {
      interchange = segment.interchange();
      const Delimiters& d = reader.delimiters();
      out << "interchange " << interchange << (reader.standard() == Standard::x12 ? " x12" : " edifact")
          << " element=" << printable(std::string(1, d.element)) << " component="
          << printable(std::string(1, d.component)) << " repetition="
          << (d.repetition ? printable(std::string(1, d.repetition)) : "none") << " release="
          << (d.release ? printable(std::string(1, d.release)) : "none") << " segment=" << printable(d.segment)
          << (reader.ebcdic() ? " ebcdic" : "") << "\n";
    }
    out << "  " << segment.index() << " @" << segment.offset() << " line " << segment.line() << ": "
        << (segment.isServiceStringAdvice() ? "[service string advice] " : "");
    for (std::size_t i = 0; i <= segment.elementCount(); ++i) out << (i ? "|" : "") << printable(segment.element(i));
    out << "\n";
  }
  out << "suffix " << printable(reader.segmentSuffix()) << "\n";
  for (const Diagnostic& d : diagnostics.items()) out << formatDiagnostic(d, "FILE") << "\n";
  return out.str();
}

std::string fullReport(const std::string& bytes) {
  ReaderOptions strict;
  strict.strict = true;
  std::string strictDiagnostics;
  std::istringstream lines(dump(bytes, strict));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("FILE", 0) == 0) strictDiagnostics += line + "\n";
  }
  return "lenient:\n" + dump(bytes, {}) + "strict:\n" + strictDiagnostics;
}

std::vector<std::string> fixtureFiles() {
  std::vector<std::string> files;
  for (Poco::DirectoryIterator it(kFixtures), end; it != end; ++it) {
    if (Poco::Path(it->path()).getExtension() != "expected") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reader)

// Golden files: tests/edi/fixtures/reader/NAME.expected. AFTERFLOW_UPDATE_GOLDEN=1 rewrites them;
// review the diff before committing.
BOOST_AUTO_TEST_CASE(every_fixture_reads_as_its_golden_file_says) {
  const bool update = Poco::Environment::get("AFTERFLOW_UPDATE_GOLDEN", "") == "1";
  const auto files = fixtureFiles();
  BOOST_REQUIRE_GE(files.size(), 20u);
  for (const std::string& file : files) {
    const std::string actual = fullReport(readFile(file));
    const std::string expectedPath = file + ".expected";
    if (update) {
      Poco::FileOutputStream(expectedPath) << actual;
      continue;
    }
    BOOST_REQUIRE_MESSAGE(Poco::File(expectedPath).exists(), "missing golden file " << expectedPath);
    BOOST_TEST(actual == readFile(expectedPath), Poco::Path(file).getFileName());
  }
}

// Inputs the fuzzers once broke this invariant with (tests/fuzz/crashes) stay in the check.
std::vector<std::string> fuzzReproducers() {
  std::vector<std::string> files;
  const std::string folder = edi_fixtures::kFixtures + "/../../fuzz/crashes";
  if (!Poco::File(folder).exists()) return files;
  for (Poco::DirectoryIterator it(folder), end; it != end; ++it) {
    if (Poco::Path(it->path()).getExtension() != "readable") files.push_back(it->path());
  }
  return files;
}

BOOST_AUTO_TEST_CASE(results_do_not_depend_on_where_buffer_refills_fall) {
  auto files = fixtureFiles();
  const auto reproducers = fuzzReproducers();
  files.insert(files.end(), reproducers.begin(), reproducers.end());
  BOOST_TEST(reproducers.size() >= 5u);
  for (const std::string& file : files) {
    const std::string bytes = readFile(file);
    const std::string reference = dump(bytes, {});
    for (std::size_t bufferBytes : {16u, 17u, 33u, 100u}) {
      ReaderOptions options;
      options.bufferBytes = bufferBytes;
      BOOST_TEST(dump(bytes, options) == reference, Poco::Path(file).getFileName() << " buffer " << bufferBytes);
    }
  }
}

// The short-segment scan (bit masks of up to 64 bytes) must never change what is read: every
// fixture, fuzz reproducer and input of the three fuzz corpora reads the same with it and with
// the byte-wise scan alone, with buffers small enough to cut segments and the 64-byte span too.
BOOST_AUTO_TEST_CASE(the_short_segment_scan_reads_exactly_what_the_bytewise_scan_reads) {
  auto files = fixtureFiles();
  const auto reproducers = fuzzReproducers();
  files.insert(files.end(), reproducers.begin(), reproducers.end());
  for (const char* corpus : {"x12_reader", "edifact_reader", "validator"}) {
    const std::string folder = edi_fixtures::kFixtures + "/../../fuzz/corpus/" + corpus;
    for (Poco::DirectoryIterator it(folder), end; it != end; ++it) files.push_back(it->path());
  }
  BOOST_REQUIRE_GE(files.size(), 1000u);
  std::size_t differing = 0;
  for (const std::string& file : files) {
    const std::string bytes = readFile(file);
    for (const bool strict : {false, true}) {
      for (std::size_t bufferBytes : {20u, 70u, 1u << 20}) {
        ReaderOptions shortScan, bytewise;
        shortScan.strict = bytewise.strict = strict;
        shortScan.bufferBytes = bytewise.bufferBytes = bufferBytes;
        bytewise.shortSegmentScan = false;
        if (dump(bytes, shortScan) != dump(bytes, bytewise)) {
          ++differing;
          BOOST_TEST_MESSAGE("the scans differ on " << file << " buffer " << bufferBytes << (strict ? " strict" : ""));
        }
      }
    }
  }
  BOOST_TEST(differing == 0u);
}

// The short scan's own edges: segments of 1 to 70 bytes around the 16-, 32- and 64-byte marks,
// with separators, a release character or a line break at the last byte before the terminator.
BOOST_AUTO_TEST_CASE(segments_around_the_short_scan_limits_read_as_with_the_bytewise_scan) {
  std::string bytes = "UNA:+.? 'UNB+UNOC:3+S+R+261101:1200+1'\n";
  for (std::size_t size = 3; size <= 70; ++size) {
    std::string text = "FTX" + std::string(size - 3, 'A');
    for (std::size_t i = 3; i < size; i += 5) text[i] = '+';
    bytes += text + "'";
    for (const char last : {'+', '?', '\n', '\x7F'}) {
      std::string marked = text;
      marked.back() = last;
      bytes += marked + (last == '?' ? "?''" : "'");
    }
    bytes += size % 2 ? "\n" : "";
  }
  bytes += "UNZ+0+1'";
  for (std::size_t bufferBytes : {16u, 40u, 64u, 1u << 20}) {
    ReaderOptions shortScan, bytewise;
    shortScan.bufferBytes = bytewise.bufferBytes = bufferBytes;
    bytewise.shortSegmentScan = false;
    BOOST_TEST(dump(bytes, shortScan) == dump(bytes, bytewise), "buffer " << bufferBytes);
  }
}

BOOST_AUTO_TEST_CASE(what_follows_an_interchange_trailer_is_known_once_the_reader_is_past_it) {
  const std::string x12 = readFile(kFixtures + "/x12_clean.edi");
  BOOST_REQUIRE(x12.back() == '~');
  struct Case {
    std::string bytes;
    std::vector<std::string> expected;  // afterTrailer() at each later interchange's start, then at the end
  };
  const std::vector<Case> cases{{x12, {""}},
                                {x12 + "\r\n", {"\r\n"}},
                                {x12 + "\n\n" + x12, {"\n\n", ""}},
                                {x12 + x12 + " \t\r\n", {"", " \t\r\n"}}};
  for (const Case& c : cases) {
    for (std::size_t bufferBytes : {16u, 33u, 1u << 20}) {
      MemoryByteSource source(c.bytes);
      Diagnostics diagnostics;
      ReaderOptions options;
      options.bufferBytes = bufferBytes;
      Reader reader(source, diagnostics, options);
      Segment segment;
      std::vector<std::string> seen;
      while (reader.next(segment)) {
        if (segment.index() == 1 && segment.interchange() > 1) seen.push_back(reader.afterTrailer());
        if (segment.tag() == "IEA") BOOST_TEST(reader.afterTrailer().empty());  // not read yet
      }
      seen.push_back(reader.afterTrailer());
      BOOST_TEST(seen == c.expected, printable(c.bytes.substr(c.bytes.size() - 4)) << " buffer " << bufferBytes);
    }
  }
  // Blank bytes past the limit are skipped, not kept.
  const std::string blanks = x12 + std::string(10000, '\n');
  MemoryByteSource source(blanks);
  Diagnostics diagnostics;
  Reader reader(source, diagnostics);
  Segment segment;
  while (reader.next(segment)) {
  }
  BOOST_TEST(reader.afterTrailer().size() == Reader::kMaxBlanksKept);
  BOOST_TEST(diagnostics.items().empty());
}

bool allPrintableAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

// Each segment's text and printableAscii() flag, read with a buffer of `bufferBytes`.
std::vector<std::pair<std::string, bool>> printableFlags(const std::string& bytes, std::size_t bufferBytes) {
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  ReaderOptions options;
  options.bufferBytes = bufferBytes;
  Reader reader(source, diagnostics, options);
  Segment segment;
  std::vector<std::pair<std::string, bool>> flags;
  while (reader.next(segment)) flags.emplace_back(std::string(segment.text()), segment.printableAscii());
  return flags;
}

// The validator skips its character-set check on the flag's word: it must never vouch for a byte
// it did not see.
BOOST_AUTO_TEST_CASE(the_printable_ascii_flag_never_vouches_for_other_bytes) {
  auto files = fixtureFiles();
  const auto reproducers = fuzzReproducers();
  files.insert(files.end(), reproducers.begin(), reproducers.end());
  for (const std::string& file : files) {
    const std::string bytes = readFile(file);
    for (std::size_t bufferBytes : {16u, 17u, 33u, 1u << 20}) {
      for (const auto& [text, flag] : printableFlags(bytes, bufferBytes)) {
        if (flag) BOOST_TEST(allPrintableAscii(text), Poco::Path(file).getFileName() << " " << printable(text));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_segment_is_printable_ascii_unless_one_of_its_own_bytes_is_not) {
  // Segments of every length up to three SIMD blocks, some with a release character, each
  // followed by a line break (outside the segment, in the same block), then the same with one
  // odd byte inside, at every position.
  std::string bytes = "UNA:+.? 'UNB+UNOC:3+S+R+261101:1200+1'\r\n";
  std::vector<std::pair<std::string, bool>> expected = {{"UNA:+.? ", false}, {"UNB+UNOC:3+S+R+261101:1200+1", true}};
  for (std::size_t size = 4; size <= 48; ++size) {
    std::string text = "FTX+" + std::string(size - 4, 'A');
    for (std::size_t i = 5; i < size; i += 4) text[i] = i % 8 == 5 ? '+' : ':';
    if (size >= 12) text.replace(6, 2, "?:");
    bytes += text + "'\r\n";
    expected.emplace_back(text, true);
    for (const char odd : {'\x1D', '\x7F', '\xC3'}) {
      for (std::size_t at = 4; at < size; ++at) {
        std::string marked = text;
        marked[at] = odd;
        bytes += marked + "'\n";
        expected.emplace_back(marked, false);
      }
    }
  }
  bytes += "UNZ+0+1'";
  expected.emplace_back("UNZ+0+1", true);
  for (std::size_t bufferBytes : {16u, 17u, 33u, 1u << 20}) {
    const auto flags = printableFlags(bytes, bufferBytes);
    BOOST_REQUIRE_EQUAL(flags.size(), expected.size());
    for (std::size_t i = 0; i < flags.size(); ++i) {
      BOOST_TEST(flags[i].first == expected[i].first, "segment " << i << " buffer " << bufferBytes);
      BOOST_TEST(flags[i].second == expected[i].second, printable(flags[i].first) << " buffer " << bufferBytes);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_release_character_keeps_separators_as_data) {
  const std::string bytes = "UNA:+.? 'UNB+UNOA:3+S+R+261101:1200+1'FTX+A?+B+C??+D?''UNZ+0+1'";
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  Reader reader(source, diagnostics);
  Segment segment;
  std::vector<std::string> ftx;
  while (reader.next(segment)) {
    if (segment.tag() == "FTX") {
      for (std::size_t i = 1; i <= segment.elementCount(); ++i) ftx.emplace_back(segment.element(i));
    }
  }
  BOOST_TEST(diagnostics.items().empty());
  BOOST_REQUIRE_EQUAL(ftx.size(), 3u);
  BOOST_TEST(ftx[0] == "A?+B");  // escaped separator
  BOOST_TEST(ftx[1] == "C??");   // escaped release character, then a real separator
  BOOST_TEST(ftx[2] == "D?'");   // escaped terminator
}

BOOST_AUTO_TEST_CASE(a_segment_without_terminator_within_the_limit_is_an_error_not_a_hang) {
  std::string bytes = "UNB+UNOA:3+S+R+261101:1200+1'UNH+1+X'FTX+";
  bytes += std::string(5000, 'A');
  MemoryByteSource source(bytes);
  Diagnostics diagnostics;
  ReaderOptions options;
  options.bufferBytes = 64;
  options.maxSegmentBytes = 1024;
  Reader reader(source, diagnostics, options);
  Segment segment;
  int segments = 0;
  while (reader.next(segment)) ++segments;
  BOOST_TEST(segments == 2);
  BOOST_REQUIRE(diagnostics.hasErrors());
  BOOST_TEST(diagnostics.items().back().code == "syntax.segment-too-long");
}

BOOST_AUTO_TEST_SUITE_END()
