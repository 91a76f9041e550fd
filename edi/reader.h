// Streaming reader of X12 and EDIFACT interchanges: segments one at a time from any byte source,
// in bounded memory whatever the file size. Several interchanges of either standard may follow
// each other. Lenient by default: every deviation it tolerates is a warning with its location;
// strict mode reports the same deviations as errors.
#pragma once

#include "edi/byte_source.h"
#include "edi/delimiters.h"
#include "edi/diagnostic.h"
#include "edi/segment.h"

#include <emmintrin.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace edi {

struct ReaderOptions {
  bool strict = false;
  std::size_t bufferBytes = std::size_t(1) << 20;
  std::size_t maxSegmentBytes = std::size_t(16) << 20;  // a longer "segment" means a broken file
  // Segments of up to 64 bytes with nothing but element separators inside are cut from bit masks
  // of the whole span at once. Off only in the tests that prove both scans give the same result.
  bool shortSegmentScan = true;
};

class Reader {
 public:
  Reader(ByteSource& source, Diagnostics& diagnostics, ReaderOptions options = {});

  // The next segment, or false at the end of the input. Views in `segment` stay valid until the
  // next call. Problems go to the diagnostics; only I/O failures throw.
  bool next(Segment& segment);

  // The interchange the last segment belongs to.
  Standard standard() const { return standard_; }
  const Delimiters& delimiters() const { return delimiters_; }
  std::uint32_t interchange() const { return interchange_; }
  // What followed the interchange's first segment terminator ("", "\n" or "\r\n"): writers use it
  // to give back the same bytes.
  const std::string& segmentSuffix() const { return suffix_; }
  // The blanks and line breaks after the last interchange trailer (IEA / UNZ) read, up to the
  // next interchange or the end of the input: known once next() has gone past them, empty until
  // then. Writers use it to end an interchange as it ended (a file may lack a final line break).
  // At most kMaxBlanksKept bytes are kept.
  const std::string& afterTrailer() const { return afterTrailer_; }
  static constexpr std::size_t kMaxBlanksKept = 4096;
  bool ebcdic() const { return ebcdic_; }

 private:
  enum class State { betweenInterchanges, inInterchange, finished };
  enum class Deviation { bom, lineBreaks, indentation, wrapped, terminator, isaWidth, isaNonAscii, junk, ebcdic, count };

  bool fill(std::size_t need);
  bool startInterchange(Segment& segment);
  bool parseIsa();
  bool parseUna(Segment& segment);
  void skipWhitespace();
  bool scanSegment(Segment& segment);
  // The short-segment scan: true when it took the segment (then only the bookkeeping is left,
  // with the bytes it used, terminator included, in `consumed`).
  bool scanShort(Segment& segment, std::size_t& consumed);
  // Any segment, one special byte at a time; reads more input when the segment needs it.
  bool scanBytewise(Segment& segment);
  void finishSegment(Segment& segment, std::size_t consumed);
  bool scanWrapped(Segment& segment, std::size_t from);
  unsigned specialMask(std::size_t at) const;
  // Bit i set: buffer_[at + i] is no printable ASCII byte (below 0x20, 0x7F, from 0x80 on).
  unsigned unusualMask(std::size_t at) const;
  void setSpecials();
  // Reports a tolerated deviation once per interchange: the first place shows the pattern.
  bool reported(Deviation kind) const { return reported_[static_cast<std::size_t>(kind)]; }
  void deviation(Deviation kind, const char* code, const std::string& message);
  Location here() const;
  void reportSegmentTooLong();
  void reportTruncated();
  void takeSyntaxVersion(const Segment& unb);

  ByteSource& source_;
  Diagnostics& diagnostics_;
  ReaderOptions options_;

  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // first unconsumed byte
  std::size_t end_ = 0;    // one past the last valid byte
  bool eof_ = false;
  std::uint64_t bufferOffset_ = 0;  // file offset of buffer_[0]
  std::uint32_t line_ = 1;

  State state_ = State::betweenInterchanges;
  Standard standard_ = Standard::x12;
  Delimiters delimiters_;
  std::string suffix_;
  bool suffixKnown_ = false;
  std::string afterTrailer_;
  bool fastLineBreaks_ = false;  // line breaks after terminators are known and reported
  std::uint32_t interchange_ = 0;
  std::uint64_t segmentIndex_ = 0;
  bool ebcdic_ = false;
  std::array<unsigned char, 256> ebcdicTable_{};
  std::array<bool, static_cast<std::size_t>(Deviation::count)> reported_{};
  // Broadcast bytes the scanner compares 16 at a time: element separator, first terminator
  // byte, release character, CR and LF.
  __m128i specials_[5] = {};
  // The delimiters allow the short-segment scan: a one-byte terminator, and element separator,
  // terminator and release character distinct from each other and from line breaks.
  bool shortScanUsable_ = false;
  std::string scratch_;             // a wrapped segment with its line breaks removed
};

}  // namespace edi
