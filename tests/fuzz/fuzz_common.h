// Helpers shared by the EDI fuzz targets: reader options chosen from the first input byte, a byte
// source that hands out short reads, and code that reads every byte of what the engine returns.
#pragma once

#include "fuzz_check.h"

#include "edi/byte_source.h"
#include "edi/diagnostic.h"
#include "edi/reader.h"
#include "edi/segment.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace afterflow_fuzz {

// Like MemoryByteSource, but each read returns at most `chunk` bytes, as a pipe or socket would.
class TrickleByteSource : public edi::ByteSource {
 public:
  TrickleByteSource(std::string_view bytes, std::size_t chunk) : bytes_(bytes), chunk_(chunk) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    std::size_t n = bytes_.size() - position_;
    if (n > capacity) n = capacity;
    if (n > chunk_) n = chunk_;
    std::memcpy(buffer, bytes_.data() + position_, n);
    position_ += n;
    return n;
  }

 private:
  std::string_view bytes_;
  std::size_t chunk_;
  std::size_t position_ = 0;
};

// How one run reads its input, from the first byte (which stays part of the input: EDI files
// start with 'I' or 'U', both odd, so plain files run with the defaults).
//   odd:  default ReaderOptions but a 64 KiB buffer, MemoryByteSource. (The default 1 MiB buffer
//         is allocated and zeroed by every Reader: under ASan that is a fresh mmap and 256 page
//         faults per run, 10 ms, for no difference: inputs are shorter than -max_len <= 64 KiB,
//         so either buffer takes the whole input in one read.)
//   even: strict, a tiny buffer (16, 1, 3 or 64 bytes: bits 2-3), reads of at most 1..8 bytes when
//         bit 4 is set, and a 300-byte segment cap when bit 5 is set.
struct RunMode {
  edi::ReaderOptions reader;
  std::size_t trickle = 0;  // 0: MemoryByteSource
};

inline RunMode chooseMode(const std::uint8_t* data, std::size_t size) {
  RunMode mode;
  mode.reader.bufferBytes = std::size_t(64) << 10;
  if (size == 0 || (data[0] & 1) != 0) return mode;
  static constexpr std::size_t kBuffers[4] = {16, 1, 3, 64};
  const std::uint8_t b = data[0];
  mode.reader.strict = true;
  mode.reader.bufferBytes = kBuffers[(b >> 2) & 3];
  if (b & 0x10) mode.trickle = 1 + ((b >> 6) & 3) * 2 + ((b >> 1) & 1);  // 1..8
  if (b & 0x20) mode.reader.maxSegmentBytes = 300;
  return mode;
}

// The segment's text must be the input's bytes at its offset, with only line breaks removed
// (a wrapped file), unless the reader translated the input from EBCDIC.
inline void checkSegmentText(const edi::Segment& segment, const edi::Reader& reader, std::string_view input) {
  if (segment.offset() > input.size()) fail("segment offset past the end of the input");
  if (reader.ebcdic()) return;
  const std::string_view text = segment.text();
  std::size_t i = static_cast<std::size_t>(segment.offset());
  for (std::size_t j = 0; j < text.size(); ++i) {
    if (i >= input.size()) fail("segment text runs past the end of the input");
    if (input[i] == text[j]) {
      ++j;
    } else if (input[i] != '\r' && input[i] != '\n') {
      fail("segment text is not the input's bytes at the segment's offset");
    }
  }
}

// Touches everything a segment offers: text, tag, every element (and one past the end), the
// components and repetitions of each element as a caller would split them.
inline std::uint64_t touchSegment(const edi::Segment& segment, const edi::Reader& reader,
                                  std::vector<std::string_view>& parts) {
  const edi::Delimiters& d = reader.delimiters();
  std::uint64_t sum = touch(segment.text()) + touch(segment.tag()) + touch(d.segment) + touch(reader.segmentSuffix());
  sum += segment.line() + segment.index() + segment.interchange() + static_cast<std::uint64_t>(segment.standard());
  if (segment.interchange() != reader.interchange()) fail("segment interchange differs from the reader's");
  if (segment.standard() != reader.standard()) fail("segment standard differs from the reader's");
  if (segment.index() == 0) fail("segment index is 0 (1-based)");
  const std::size_t count = segment.elementCount();
  if (segment.isServiceStringAdvice() && count != 0) fail("UNA yielded with elements");
  // "Whether the segment holds a release character at all": when it says no, there is none (unless
  // the release character doubles as a delimiter the scanner stops at first, a nonsense UNA).
  const char release = d.release;
  if (!segment.isServiceStringAdvice() && release && !segment.hasRelease() && release != d.element &&
      release != d.segment.front() && release != '\r' && release != '\n' &&
      segment.text().find(release) != std::string_view::npos) {
    fail("Segment::hasRelease() is false but the segment holds the release character");
  }
  for (std::size_t p = 0; p <= count + 1; ++p) {
    const std::string_view value = segment.element(p);
    if (p > count && !value.empty()) fail("element beyond the last one is not empty");
    if (!value.empty() && (value.data() < segment.text().data() ||
                           value.data() + value.size() > segment.text().data() + segment.text().size())) {
      fail("element view outside the segment text");
    }
    sum += touch(value);
    edi::splitValueInto(value, d.component, d.release, parts);
    for (std::string_view part : parts) sum += touch(part);
    // PartCursor, the allocation-free walk, must give the parts splitValueInto gives.
    if (d.component != d.release) {
      edi::PartCursor cursor(value, d.component, d.release);
      std::size_t k = 0;
      while (!cursor.done()) {
        const std::string_view part = cursor.next();
        if (k >= parts.size() || part != parts[k]) fail("PartCursor and splitValueInto disagree");
        ++k;
      }
      if (k != parts.size()) fail("PartCursor gives fewer parts than splitValueInto");
    }
    if (d.repetition) {
      edi::splitValueInto(value, d.repetition, d.release, parts);
      for (std::string_view part : parts) sum += part.size();
    }
  }
  return sum;
}

// Formats every diagnostic; their offsets must lie within the input.
inline std::uint64_t touchDiagnostics(const edi::Diagnostics& diagnostics, std::size_t inputSize) {
  std::uint64_t sum = diagnostics.errorCount() + diagnostics.warningCount();
  for (const edi::Diagnostic& diagnostic : diagnostics.items()) {
    if (diagnostic.code.empty()) fail("diagnostic without a code");
    if (diagnostic.where.offset > inputSize) fail("diagnostic offset past the end of the input");
    sum += touch(edi::formatDiagnostic(diagnostic, "fuzz.edi"));
  }
  return sum;
}

// Appends what a reader yields, in a form two runs can be compared by: every segment's place and
// elements, and every diagnostic's code and location (not its severity or text: strict mode turns
// tolerated deviations into errors and words them differently).
inline void describeSegment(std::string& out, const edi::Segment& segment) {
  out += "S " + std::to_string(segment.offset()) + " " + std::to_string(segment.line()) + " " +
         std::to_string(segment.interchange()) + " " + std::to_string(segment.index()) + " " +
         std::to_string(static_cast<int>(segment.standard())) + (segment.isServiceStringAdvice() ? " UNA" : "") + " [";
  for (const char c : segment.text()) {
    const unsigned char b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7F && b != '\\') {
      out += c;
    } else {
      static const char kHex[] = "0123456789abcdef";
      out += {'\\', 'x', kHex[b >> 4], kHex[b & 15]};
    }
  }
  out += "]";
  for (std::size_t p = 0; p <= segment.elementCount(); ++p) {
    out += " " + std::to_string(segment.element(p).size());
  }
  out += "\n";
}

inline void describeDiagnostics(std::string& out, const edi::Diagnostics& diagnostics) {
  for (const edi::Diagnostic& d : diagnostics.items()) {
    out += "D " + d.code + " " + std::to_string(d.where.offset) + " " + std::to_string(d.where.line) + " " +
           std::to_string(d.where.interchange) + "\n";
  }
}

// Reads all segments of `input` with `mode`, touching each and checking the invariants; returns a
// checksum, and the description of the run in `description` when not null.
inline std::uint64_t readWith(std::string_view input, const RunMode& mode, std::string* description) {
  edi::MemoryByteSource memory(input);
  TrickleByteSource trickle(input, mode.trickle);
  edi::ByteSource& source = mode.trickle ? static_cast<edi::ByteSource&>(trickle) : memory;
  edi::Diagnostics diagnostics;
  edi::Reader reader(source, diagnostics, mode.reader);
  edi::Segment segment;
  std::vector<std::string_view> parts;
  std::uint64_t sum = 0;
  std::uint64_t lastOffset = 0;
  bool first = true;
  bool lastReported = false;  // a diagnostic said the last segment was read
  std::size_t diagnosticsSeen = 0;
  while (reader.next(segment)) {
    sum += touchSegment(segment, reader, parts);
    checkSegmentText(segment, reader, input);
    if (!first && segment.offset() <= lastOffset) fail("segment offsets do not increase");
    lastOffset = segment.offset();
    first = false;
    if (segment.text().size() > mode.reader.maxSegmentBytes) fail("a segment longer than maxSegmentBytes");
    // "syntax.missing-terminator: the last segment has no segment terminator": nothing may follow
    // (crashes/x12_reader-wrapped-segment-cut broke this until it was fixed).
    if (lastReported) fail("a segment follows the one reported as the last (syntax.missing-terminator)");
    for (; diagnosticsSeen < diagnostics.items().size(); ++diagnosticsSeen) {
      if (diagnostics.items()[diagnosticsSeen].code == "syntax.missing-terminator") lastReported = true;
    }
    if (description) describeSegment(*description, segment);
  }
  if (reader.next(segment)) fail("next() yields a segment after it returned false");
  sum += touchDiagnostics(diagnostics, input.size());
  if (description) describeDiagnostics(*description, diagnostics);
  return sum;
}

// Reads all segments of the input in the run's mode. A run with a tiny buffer or short reads must
// yield exactly what one read of the whole input yields (same segments, same diagnostics): it is
// read a second time that way and the two are compared, then a third time, whole again, with the
// byte-wise scan alone.
inline std::uint64_t readAll(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const RunMode mode = chooseMode(data, size);
  if (!mode.reader.strict) return readWith(input, mode, nullptr);
  std::string streamed, whole;
  std::uint64_t sum = readWith(input, mode, &streamed);
  RunMode reference;
  reference.reader.maxSegmentBytes = mode.reader.maxSegmentBytes;
  // One large read; the cap holds whatever the buffer size (crashes/x12_reader-buffer-over-segment-limit
  // broke this until it was fixed).
  reference.reader.bufferBytes = std::size_t(64) << 10;
  sum += readWith(input, reference, &whole);
  if (streamed != whole) {
    std::size_t at = 0;
    while (at < streamed.size() && at < whole.size() && streamed[at] == whole[at]) ++at;
    const std::size_t from = streamed.rfind('\n', at) == std::string::npos ? 0 : streamed.rfind('\n', at) + 1;
    std::fprintf(stderr, "tiny buffer (%zu bytes, reads of %zu) vs one read, from the first difference:\n--- tiny:\n%s\n--- whole:\n%s\n",
                 mode.reader.bufferBytes, mode.trickle, streamed.substr(from, 2000).c_str(), whole.substr(from, 2000).c_str());
    fail("reading with a tiny buffer or short reads differs from reading the whole input at once");
  }
  // The short-segment scan (bit masks of up to 64 bytes) must read what the byte-wise scan reads.
  std::string bytewise;
  reference.reader.shortSegmentScan = false;
  sum += readWith(input, reference, &bytewise);
  if (bytewise != whole) fail("the short-segment scan and the byte-wise scan read the input differently");
  return sum;
}

}  // namespace afterflow_fuzz
