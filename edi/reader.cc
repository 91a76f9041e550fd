#include "edi/reader.h"

#include <Poco/Exception.h>

#include <emmintrin.h>
#include <iconv.h>

#include <algorithm>
#include <cstring>

namespace edi {
namespace {

// Bytes past end_ that SIMD loads may touch; never read as data. Segments handed out end at or
// before end_, so this also keeps the promise of Segment::kReadablePastEnd.
constexpr std::size_t kPadding = 64;
static_assert(kPadding >= Segment::kReadablePastEnd);
// An ISA is 106 bytes; with overlong fields we still look this far, and no further, whatever the
// buffer size, so that a file reads the same however its bytes arrive.
constexpr std::size_t kMaxIsaBytes = 4096;
// Fixed ISA field widths, ISA01..ISA16.
constexpr int kIsaWidths[16] = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};

bool isWhitespace(char c) { return c == '\r' || c == '\n' || c == ' ' || c == '\t'; }

std::size_t utf8Length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

std::string describeByte(unsigned char c) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string text = "0x";
  text += kHex[c >> 4];
  text += kHex[c & 15];
  if (c >= 0x20 && c < 0x7F) text += std::string(" '") + static_cast<char>(c) + "'";
  return text;
}

// IBM037 (EBCDIC, US/Canada) to ISO-8859-1, built once through iconv.
std::array<unsigned char, 256> ebcdicToLatin1() {
  std::array<unsigned char, 256> table{};
  iconv_t converter = iconv_open("ISO-8859-1", "IBM037");
  if (converter == reinterpret_cast<iconv_t>(-1)) throw Poco::SystemException("iconv has no IBM037 converter");
  for (int i = 0; i < 256; ++i) {
    char in = static_cast<char>(i);
    char out = '?';
    char* inPtr = &in;
    char* outPtr = &out;
    std::size_t inLeft = 1, outLeft = 1;
    iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft);
    table[static_cast<std::size_t>(i)] = static_cast<unsigned char>(out);
  }
  iconv_close(converter);
  return table;
}

bool startsWith(const char* p, const char* text) { return std::memcmp(p, text, std::strlen(text)) == 0; }

}  // namespace

Reader::Reader(ByteSource& source, Diagnostics& diagnostics, ReaderOptions options)
    : source_(source), diagnostics_(diagnostics), options_(options) {
  buffer_.resize(options_.bufferBytes + kPadding);
}

void Reader::reportSegmentTooLong() {
  diagnostics_.error("syntax.segment-too-long",
                     "no segment terminator within " + std::to_string(options_.maxSegmentBytes) +
                         " bytes; the delimiters may be wrong",
                     here());
}

Location Reader::here() const {
  Location where;
  where.offset = bufferOffset_ + begin_;
  where.line = line_;
  where.interchange = interchange_;
  return where;
}

void Reader::deviation(Deviation kind, const char* code, const std::string& message) {
  auto& reported = reported_[static_cast<std::size_t>(kind)];
  reported = true;
  if (options_.strict) {
    diagnostics_.error(code, message, here());
  } else {
    diagnostics_.warning(code, message + " (tolerated)", here());
  }
}

bool Reader::fill(std::size_t need) {
  if (end_ - begin_ >= need) return true;
  while (end_ - begin_ < need && !eof_) {
    if (begin_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
      bufferOffset_ += begin_;
      end_ -= begin_;
      begin_ = 0;
    }
    const std::size_t capacity = buffer_.size() - kPadding;
    if (end_ == capacity) {
      if (capacity >= options_.maxSegmentBytes) return false;
      buffer_.resize(std::min(capacity * 2, options_.maxSegmentBytes) + kPadding);
    }
    const std::size_t n = source_.read(buffer_.data() + end_, buffer_.size() - kPadding - end_);
    if (n == 0) {
      eof_ = true;
      break;
    }
    if (ebcdic_) {
      for (std::size_t i = end_; i < end_ + n; ++i) {
        buffer_[i] = static_cast<char>(ebcdicTable_[static_cast<unsigned char>(buffer_[i])]);
      }
    }
    end_ += n;
  }
  std::memset(buffer_.data() + end_, 0, kPadding);
  return end_ - begin_ >= need;
}

// Bit i set: buffer_[at + i] is a delimiter, a release character or a line break. The buffer's
// padding makes the 16-byte load safe near end_; callers ignore bits at or past end_.
__attribute__((always_inline)) inline unsigned Reader::specialMask(std::size_t at) const {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buffer_.data() + at));
  const __m128i hits =
      _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, specials_[0]), _mm_cmpeq_epi8(block, specials_[1])),
                                _mm_or_si128(_mm_cmpeq_epi8(block, specials_[2]), _mm_cmpeq_epi8(block, specials_[3]))),
                   _mm_cmpeq_epi8(block, specials_[4]));
  return static_cast<unsigned>(_mm_movemask_epi8(hits));
}

__attribute__((always_inline)) inline unsigned Reader::unusualMask(std::size_t at) const {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buffer_.data() + at));
  // Signed, bytes from 0x80 on are negative: one compare finds them and the control bytes.
  const __m128i unusual = _mm_or_si128(_mm_cmplt_epi8(block, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(block, _mm_set1_epi8(0x7F)));
  return static_cast<unsigned>(_mm_movemask_epi8(unusual));
}

// The rare paths of next() live out of line, so that the common one needs no large stack frame.
__attribute__((noinline)) void Reader::reportTruncated() {
  diagnostics_.error("syntax.truncated",
                     std::string("the file ends inside the interchange: no ") +
                         (standard_ == Standard::x12 ? "IEA" : "UNZ") + " segment closes it",
                     here());
}

__attribute__((noinline)) void Reader::takeSyntaxVersion(const Segment& unb) {
  const auto s001 = splitValue(unb.element(1), delimiters_.component, delimiters_.release);
  const bool syntax4 = s001.size() > 1 && s001[1] == "4";
  if (!syntax4) {
    delimiters_.repetition = 0;
  } else if (unb.index() == 1) {
    delimiters_.repetition = '*';  // no UNA came before
  }
}

bool Reader::next(Segment& segment) {
  while (state_ != State::finished) {
    if (state_ == State::betweenInterchanges) {
      if (!startInterchange(segment)) {
        state_ = State::finished;
        return false;
      }
      if (segment.isServiceStringAdvice()) return true;
      continue;
    }
    // The common layout, a line break after each terminator, costs two comparisons once known.
    if (fastLineBreaks_ && begin_ + 1 < end_) {
      if (buffer_[begin_] == '\r' && buffer_[begin_ + 1] == '\n') {
        begin_ += 2;
        ++line_;
      } else if (buffer_[begin_] == '\n') {
        ++begin_;
        ++line_;
      }
    }
    if (begin_ >= end_ || isWhitespace(buffer_[begin_])) {
      skipWhitespace();
    } else if (segmentIndex_ > 0) {
      suffixKnown_ = true;
    }
    if (begin_ >= end_ && !fill(1)) {
      reportTruncated();
      state_ = State::finished;
      return false;
    }
    if (!scanSegment(segment)) {
      state_ = State::finished;
      return false;
    }
    // UNB tells the syntax version: only syntax 4 has a repetition separator ('*' without UNA).
    const std::string_view text = segment.text();
    if (standard_ == Standard::edifact && text.size() >= 3 && text[0] == 'U' && segment.tag() == "UNB") {
      takeSyntaxVersion(segment);
    }
    // IEA or UNZ ends the interchange.
    if (text.size() >= 3 && (text[0] == 'I' || text[0] == 'U') && segment.tag() == (standard_ == Standard::x12 ? "IEA" : "UNZ")) {
      state_ = State::betweenInterchanges;
      afterTrailer_.clear();
    }
    return true;
  }
  return false;
}

void Reader::skipWhitespace() {
  if (begin_ < end_ && !isWhitespace(buffer_[begin_])) {
    if (segmentIndex_ > 0) suffixKnown_ = true;
    return;
  }
  const char terminator = delimiters_.segment.front();
  while (true) {
    if (begin_ == end_ && !fill(1)) break;
    const char c = buffer_[begin_];
    if (!isWhitespace(c) || c == terminator) break;
    if (c == '\r' || c == '\n') {
      if (!suffixKnown_ && segmentIndex_ > 0) suffix_ += c;
      if (!reported(Deviation::lineBreaks)) deviation(Deviation::lineBreaks, "layout.line-breaks", "line breaks between segments");
      if (c == '\n') ++line_;
    } else if (!reported(Deviation::indentation)) {
      deviation(Deviation::indentation, "layout.indentation", "spaces or tabs between segments");
    }
    ++begin_;
  }
  if (segmentIndex_ > 0) suffixKnown_ = true;
  fastLineBreaks_ = suffixKnown_ && reported(Deviation::lineBreaks) && terminator != '\n' && terminator != '\r';
}

bool Reader::startInterchange(Segment& segment) {
  const bool first = interchange_ == 0 && bufferOffset_ + begin_ == 0;
  if (first && fill(3) && startsWith(buffer_.data() + begin_, "\xEF\xBB\xBF")) {
    reported_ = {};
    deviation(Deviation::bom, "layout.bom", "the file starts with a UTF-8 byte order mark");
    begin_ += 3;
  }
  // Between interchanges: whitespace is fine, anything else is junk up to the next header.
  std::uint64_t junk = 0;  // bytes from the first to the last non-blank junk byte
  Location junkAt;
  while (true) {
    while (fill(1) && isWhitespace(buffer_[begin_])) {
      if (buffer_[begin_] == '\n') ++line_;
      if (junk == 0 && interchange_ > 0 && afterTrailer_.size() < kMaxBlanksKept) afterTrailer_ += buffer_[begin_];
      ++begin_;
    }
    if (!fill(3)) {
      if (end_ > begin_) {
        if (junk == 0) junkAt = here();
        junk = bufferOffset_ + end_ - junkAt.offset;
      }
      if (junk > 0 || interchange_ == 0) break;
      return false;
    }
    const char* p = buffer_.data() + begin_;
    if (startsWith(p, "ISA") || startsWith(p, "UNA") || startsWith(p, "UNB")) break;
    const bool ebcdicHeader = startsWith(p, "\xC9\xE2\xC1") || startsWith(p, "\xE4\xD5\xC1") ||
                              startsWith(p, "\xE4\xD5\xC2");
    if (ebcdicHeader && !ebcdic_) {
      ebcdic_ = true;
      ebcdicTable_ = ebcdicToLatin1();
      for (std::size_t i = begin_; i < end_; ++i) {
        buffer_[i] = static_cast<char>(ebcdicTable_[static_cast<unsigned char>(buffer_[i])]);
      }
      continue;
    }
    if (junk == 0) junkAt = here();
    junk = bufferOffset_ + begin_ + 1 - junkAt.offset;
    ++begin_;
  }
  if (junk > 0) {
    junkAt.interchange = 0;
    const std::string what = std::to_string(junk) + " bytes that are not part of any interchange";
    if (!fill(3)) {
      // Nothing follows: either the file holds no interchange at all, or junk trails the last.
      diagnostics_.error(interchange_ == 0 ? "syntax.no-interchange" : "layout.junk",
                         interchange_ == 0 ? "no X12 (ISA) or EDIFACT (UNA/UNB) interchange found"
                                           : what + " after the last interchange",
                         junkAt);
      return false;
    }
    if (options_.strict) {
      diagnostics_.error("layout.junk", what + " before this interchange", junkAt);
    } else {
      diagnostics_.warning("layout.junk", what + " before this interchange, skipped (tolerated)", junkAt);
    }
  }

  ++interchange_;
  segmentIndex_ = 0;
  reported_ = {};
  fastLineBreaks_ = false;
  suffix_.clear();
  suffixKnown_ = false;
  if (ebcdic_) deviation(Deviation::ebcdic, "charset.ebcdic", "the interchange is in EBCDIC (IBM037), read as ASCII");
  state_ = State::inInterchange;

  const char* p = buffer_.data() + begin_;
  if (startsWith(p, "ISA")) {
    standard_ = Standard::x12;
    if (!parseIsa()) return false;
    setSpecials();
    return true;
  }
  standard_ = Standard::edifact;
  if (startsWith(p, "UNA")) return parseUna(segment);
  delimiters_ = Delimiters::edifactDefaults();
  setSpecials();
  return true;
}

bool Reader::parseIsa() {
  const Location at = here();
  // Up to ISA16 the header is read without line breaks, so that a file wrapped at a fixed column
  // still reads; the byte after ISA16 is the terminator, whatever it is (it may be a line break).
  std::string isa;
  std::size_t raw = 0;
  int separators = 0;
  char separator = 0;
  // No further than a segment may go either: the buffer could not hold more.
  const std::size_t limit = std::min(kMaxIsaBytes, options_.maxSegmentBytes);
  while (separators < 16 && raw < limit && fill(raw + 1)) {
    const char c = buffer_[begin_ + raw++];
    if (c == '\r' || c == '\n') continue;
    isa += c;
    if (isa.size() == 4) separator = c;
    if (isa.size() >= 4 && c == separator) ++separators;
  }
  if (separators < 16) {
    diagnostics_.error("syntax.isa", "the ISA segment has fewer than 16 elements or is cut short", at);
    return false;
  }
  // ISA16, the component separator, then the terminator (up to 4 bytes when multi-byte).
  while (raw < limit && fill(raw + 1) && (buffer_[begin_ + raw] == '\r' || buffer_[begin_ + raw] == '\n')) ++raw;
  // ISA16 and at least the first byte of the terminator must lie within the limit; a multi-byte
  // terminator is read as far as the limit allows, whatever the buffer holds beyond it.
  if (raw + 2 > limit || !fill(raw + 2)) {
    diagnostics_.error("syntax.isa", "the ISA segment ends before its segment terminator", at);
    return false;
  }
  fill(std::min(raw + 5, limit));
  const std::size_t available = std::min(end_ - begin_, limit);
  isa += buffer_[begin_ + raw];
  const char* p = isa.data();
  std::size_t fieldStart[16];
  std::size_t field = 0;
  for (std::size_t i = 3; i < isa.size() && field < 16; ++i) {
    if (p[i] == separator) fieldStart[field++] = i + 1;
  }
  const std::size_t componentAt = fieldStart[15];
  for (std::size_t f = 0; f < 15; ++f) {
    const std::size_t width = fieldStart[f + 1] - 1 - fieldStart[f];
    if (width != static_cast<std::size_t>(kIsaWidths[f]) && !reported(Deviation::isaWidth)) {
      deviation(Deviation::isaWidth, "isa.field-width",
                "ISA" + std::string(f < 9 ? "0" : "") + std::to_string(f + 1) + " is " + std::to_string(width) +
                    " characters wide, not the fixed " + std::to_string(kIsaWidths[f]));
    }
  }
  if (std::any_of(isa.begin(), isa.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) &&
      !reported(Deviation::isaNonAscii)) {
    deviation(Deviation::isaNonAscii, "isa.non-ascii", "the ISA segment holds bytes outside ASCII");
  }
  Delimiters delimiters;
  delimiters.element = separator;
  delimiters.component = p[componentAt];
  const char* terminator = buffer_.data() + begin_ + raw + 1;
  const unsigned char lead = static_cast<unsigned char>(*terminator);
  const std::size_t terminatorLength = lead >= 0xC0 ? utf8Length(lead) : 1;
  delimiters.segment.assign(terminator, std::min(terminatorLength, available - raw - 1));
  // From 005010 on, ISA11 is the repetition separator (before, the standards identifier 'U').
  const std::string_view version(p + fieldStart[11], fieldStart[12] - 1 - fieldStart[11]);
  const char isa11 = p[fieldStart[10]];
  if (version >= "00501" && !std::isalnum(static_cast<unsigned char>(isa11))) delimiters.repetition = isa11;
  delimiters_ = delimiters;

  const unsigned char t = static_cast<unsigned char>(delimiters_.segment.front());
  if (delimiters_.segment.size() > 1) {
    deviation(Deviation::terminator, "delimiter.multi-byte",
              "the segment terminator is a multi-byte character (" + std::to_string(delimiters_.segment.size()) +
                  " bytes)");
  } else if (t == '.' || t == '\\' || (t < 0x20 && t != '\r' && t != '\n')) {
    deviation(Deviation::terminator, "delimiter.unusual", "the segment terminator is " + describeByte(t));
  }
  return true;
}

bool Reader::parseUna(Segment& segment) {
  if (!fill(9)) {
    diagnostics_.error("syntax.una", "the UNA service string advice is shorter than its 9 characters", here());
    return false;
  }
  const char* p = buffer_.data() + begin_;
  Delimiters delimiters;
  delimiters.component = p[3];
  delimiters.element = p[4];
  delimiters.decimal = p[5];
  delimiters.release = p[6] == ' ' ? 0 : p[6];
  delimiters.repetition = p[7] == ' ' ? 0 : p[7];  // reserved in syntax 3; kept if set, checked at UNB
  delimiters.segment.assign(1, p[8]);
  delimiters_ = delimiters;
  setSpecials();

  segment.text_ = std::string_view(p, 8);
  segment.clearStarts();
  segment.addStart(0);
  segment.addStart(4);
  segment.serviceStringAdvice_ = true;
  segment.printableAscii_ = false;
  segment.standard_ = Standard::edifact;
  segment.offset_ = bufferOffset_ + begin_;
  segment.line_ = line_;
  segment.interchange_ = interchange_;
  segment.index_ = ++segmentIndex_;
  begin_ += 9;
  return true;
}

void Reader::setSpecials() {
  const char terminator = delimiters_.segment.front();
  // An unused slot repeats a real special, so the comparison set stays five wide.
  const char release = delimiters_.release ? delimiters_.release : terminator;
  const char bytes[5] = {delimiters_.element, terminator, release, '\r', '\n'};
  for (std::size_t i = 0; i < 5; ++i) specials_[i] = _mm_set1_epi8(bytes[i]);
  const char element = delimiters_.element;
  const auto lineBreak = [](char c) { return c == '\r' || c == '\n'; };
  shortScanUsable_ = options_.shortSegmentScan && delimiters_.segment.size() == 1 && element != terminator &&
                     !lineBreak(element) && !lineBreak(terminator) &&
                     (delimiters_.release == 0 || (release != element && release != terminator && !lineBreak(release)));
}

namespace {

// What the short-segment scan needs of 16 bytes, one bit per byte.
struct BlockBits {
  unsigned element, terminator, other, unusual;  // other: release character, CR, LF
};

__attribute__((always_inline)) inline BlockBits blockBits(const char* at, const __m128i* specials) {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const __m128i other = _mm_or_si128(_mm_cmpeq_epi8(block, specials[2]),
                                     _mm_or_si128(_mm_cmpeq_epi8(block, specials[3]), _mm_cmpeq_epi8(block, specials[4])));
  // Signed compare: bytes from 0x80 on are negative, so one compare finds them and the controls.
  const __m128i unusual = _mm_or_si128(_mm_cmplt_epi8(block, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(block, _mm_set1_epi8(0x7F)));
  return {static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, specials[0]))),
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, specials[1]))),
          static_cast<unsigned>(_mm_movemask_epi8(other)), static_cast<unsigned>(_mm_movemask_epi8(unusual))};
}

}  // namespace

// Nearly every segment is short and holds only element separators before its terminator: then
// the masks of its bytes say where its elements start, without a branch per separator. Anything
// else (no terminator among the first 64 bytes buffered, a release character or a line break
// before it, a segment cap below it) is left to the byte-wise scan, which sees the same bytes.
__attribute__((always_inline)) inline bool Reader::scanShort(Segment& segment, std::size_t& consumed) {
  const char* p = buffer_.data() + begin_;
  const std::size_t have = end_ - begin_;
  // Loads run up to 63 bytes past begin_ < end_: within the buffer's padding.
  std::uint64_t element = 0, terminator = 0, other = 0, unusual = 0;
  for (std::size_t at = 0; at < 64; at += 32) {
    const BlockBits low = blockBits(p + at, specials_);
    const BlockBits high = blockBits(p + at + 16, specials_);
    element |= (static_cast<std::uint64_t>(low.element) | static_cast<std::uint64_t>(high.element) << 16) << at;
    terminator |= (static_cast<std::uint64_t>(low.terminator) | static_cast<std::uint64_t>(high.terminator) << 16) << at;
    other |= (static_cast<std::uint64_t>(low.other) | static_cast<std::uint64_t>(high.other) << 16) << at;
    unusual |= (static_cast<std::uint64_t>(low.unusual) | static_cast<std::uint64_t>(high.unusual) << 16) << at;
    if (have < 64) terminator &= (std::uint64_t(1) << have) - 1;
    if (terminator != 0) break;
  }
  if (terminator == 0) return false;
  const std::size_t end = static_cast<std::size_t>(__builtin_ctzll(terminator));
  const std::uint64_t inside = (std::uint64_t(1) << end) - 1;
  if ((other & inside) != 0 || end >= options_.maxSegmentBytes) return false;
  segment.clearStarts();
  segment.addStart(0);
  for (std::uint64_t starts = element & inside; starts != 0; starts &= starts - 1) {
    segment.addStart(static_cast<std::uint32_t>(__builtin_ctzll(starts)) + 1);
  }
  segment.addStart(static_cast<std::uint32_t>(end + 1));
  segment.text_ = std::string_view(p, end);
  segment.hasRelease_ = false;
  segment.printableAscii_ = (unusual & inside) == 0;
  consumed = end + 1;
  return true;
}

__attribute__((always_inline)) inline void Reader::finishSegment(Segment& segment, std::size_t consumed) {
  segment.serviceStringAdvice_ = false;
  segment.standard_ = standard_;
  segment.offset_ = bufferOffset_ + begin_;
  segment.line_ = line_;
  segment.interchange_ = interchange_;
  segment.index_ = ++segmentIndex_;
  begin_ += consumed;
}

bool Reader::scanSegment(Segment& segment) {
  std::size_t consumed = 0;
  if (shortScanUsable_ && scanShort(segment, consumed)) {
    finishSegment(segment, consumed);
    return true;
  }
  return scanBytewise(segment);
}

bool Reader::scanBytewise(Segment& segment) {
  const char element = delimiters_.element;
  const char release = delimiters_.release;
  const char terminatorByte = delimiters_.segment.front();
  const std::size_t terminatorSize = delimiters_.segment.size();
  segment.clearStarts();
  segment.addStart(0);
  segment.hasRelease_ = false;
  segment.printableAscii_ = false;

  // Walks the bits of one 16-byte block's mask at a time. Positions are relative to begin_,
  // because fill() may move the data.
  std::size_t block = 0;
  // Bytes that are no printable ASCII, from the same blocks: those of the blocks left behind
  // (all inside the segment) gathered, those of the block in hand kept apart until the
  // terminator says where the segment ends in it.
  unsigned unusualBefore = 0;
  std::size_t unusualBlock = 0;
  unsigned unusual = unusualMask(begin_);
  const auto load = [&](std::size_t at) {
    if (at != unusualBlock) {
      unusualBefore |= unusual;
      unusualBlock = at;
    }
    unusual = unusualMask(begin_ + at);
    return specialMask(begin_ + at);
  };
  unsigned bits = specialMask(begin_);
  std::size_t consumed = 0;
  while (true) {
    while (bits == 0) {
      block += 16;
      if (begin_ + block >= end_) break;
      bits = load(block);
    }
    std::size_t at = bits ? block + static_cast<std::size_t>(__builtin_ctz(bits)) : std::string::npos;
    if (at != std::string::npos && begin_ + at >= end_) at = std::string::npos;
    if (at == std::string::npos) {
      // Out of data inside a segment: read more (the segment moves to the front), carry on
      // from where the scan stopped.
      const std::size_t have = end_ - begin_;
      if (fill(have + 1)) {
        block = have & ~std::size_t(15);
        bits = load(block) & (~0u << (have - block));
        continue;
      }
      if (have >= options_.maxSegmentBytes) {
        reportSegmentTooLong();
        return false;
      }
      if (have == 0) return false;
      diagnostics_.error("syntax.missing-terminator", "the last segment has no segment terminator", here());
      segment.addStart(static_cast<std::uint32_t>(have + 1));
      segment.text_ = std::string_view(buffer_.data() + begin_, have);
      consumed = have;
      break;
    }
    bits &= bits - 1;
    if (at >= options_.maxSegmentBytes) {
      // Further than a segment may go: what lies there is never looked at, so the verdict is the
      // same whatever the buffer size.
      reportSegmentTooLong();
      return false;
    }
    const char c = buffer_[begin_ + at];
    if (c == element) {
      segment.addStart(static_cast<std::uint32_t>(at + 1));
      continue;
    }
    if (c == terminatorByte) {
      if (at + terminatorSize > options_.maxSegmentBytes) {
        reportSegmentTooLong();  // the segment and its terminator must fit within the cap
        return false;
      }
      if (terminatorSize > 1) {
        const bool complete = fill(at + terminatorSize);
        bits = load(block) & (~0u << (at + 1 - block));  // fill() may have read more
        if (!complete || std::memcmp(buffer_.data() + begin_ + at, delimiters_.segment.data(), terminatorSize) != 0) {
          continue;  // the lead byte of another character in the data
        }
      }
      segment.addStart(static_cast<std::uint32_t>(at + 1));
      segment.text_ = std::string_view(buffer_.data() + begin_, at);
      segment.printableAscii_ = (unusualBefore | (unusual & ((1u << (at - unusualBlock)) - 1))) == 0;
      consumed = at + terminatorSize;
      break;
    }
    if (release && c == release) {
      // The escaped character is data, whatever it is: drop its bit, wherever it falls.
      segment.hasRelease_ = true;
      fill(at + 2);
      const std::size_t next = at + 2;
      block = next & ~std::size_t(15);
      bits = load(block) & (next - block >= 16 ? 0u : (~0u << (next - block)));
      continue;
    }
    // A line break inside a segment: the file was wrapped at a fixed column.
    return scanWrapped(segment, 0);
  }
  finishSegment(segment, consumed);
  return true;
}

bool Reader::scanWrapped(Segment& segment, std::size_t from) {
  if (!reported(Deviation::wrapped)) deviation(Deviation::wrapped, "layout.wrapped", "line breaks inside segments (the file is wrapped), removed");
  const char element = delimiters_.element;
  const char release = delimiters_.release;
  const std::string& terminator = delimiters_.segment;
  const std::uint64_t offset = bufferOffset_ + begin_;
  const std::uint32_t line = line_;
  scratch_.clear();
  segment.clearStarts();
  segment.addStart(0);
  segment.hasRelease_ = release != 0;
  segment.printableAscii_ = false;
  std::size_t i = from;
  bool terminated = false;
  while (true) {
    // The cap counts the bytes as they stand in the file, line breaks included, as the buffer
    // does: the same verdict whatever the buffer size.
    const bool tooLong = i >= options_.maxSegmentBytes;
    if (tooLong || (begin_ + i >= end_ && !fill(i + 1))) {
      if (!tooLong && eof_) break;  // the input ends inside the segment
      reportSegmentTooLong();
      return false;
    }
    const char c = buffer_[begin_ + i];
    if (c == terminator.front()) {
      if (i + terminator.size() > options_.maxSegmentBytes) {
        reportSegmentTooLong();  // the segment and its terminator must fit within the cap
        return false;
      }
      if (terminator.size() == 1 ||
          (fill(i + terminator.size()) &&
           std::memcmp(buffer_.data() + begin_ + i, terminator.data(), terminator.size()) == 0)) {
        terminated = true;
        i += terminator.size();
        break;
      }
    }
    if (c == '\n' || c == '\r') {
      if (c == '\n') ++line_;
      ++i;
      continue;
    }
    if (release && c == release && fill(i + 2)) {
      scratch_ += c;
      scratch_ += buffer_[begin_ + i + 1];
      i += 2;
      continue;
    }
    if (c == element) segment.addStart(static_cast<std::uint32_t>(scratch_.size() + 1));
    scratch_ += c;
    ++i;
  }
  if (!terminated) diagnostics_.error("syntax.missing-terminator", "the last segment has no segment terminator", here());
  segment.addStart(static_cast<std::uint32_t>(scratch_.size() + 1));
  // Segments in the buffer have its padding behind them; this one gets its own.
  const std::size_t size = scratch_.size();
  scratch_.append(Segment::kReadablePastEnd, '\0');
  segment.text_ = std::string_view(scratch_.data(), size);
  segment.serviceStringAdvice_ = false;
  segment.standard_ = standard_;
  segment.offset_ = offset;
  segment.line_ = line;
  segment.interchange_ = interchange_;
  segment.index_ = ++segmentIndex_;
  begin_ += i;
  return true;
}

}  // namespace edi
