// One segment as the reader found it: its tag and data elements as views into the reader's
// buffer (valid until the reader moves on), with where it was in the file.
#pragma once

#include "edi/delimiters.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace edi {

class Segment {
 public:
  // The segment's text, without its terminator. Release characters are kept as written.
  std::string_view text() const { return text_; }
  // At least this many bytes after the end of text() may be read (whatever they hold), so that
  // 16-byte SIMD loads can run to the end of any value inside it without a bounds check.
  static constexpr std::size_t kReadablePastEnd = 16;
  std::string_view tag() const { return element(0); }
  // Data elements after the tag, as present in the text (trailing empty ones included).
  std::size_t elementCount() const { return starts_.size() < 2 ? 0 : starts_.size() - 2; }
  // Element at 1-based position (0 is the tag); empty when beyond the last one.
  std::string_view element(std::size_t position) const {
    if (position + 1 >= starts_.size()) return {};
    return elementWithin(position);
  }

  // The same for 1 <= position <= elementCount() only, without the range check: for hot loops
  // that already know the count.
  std::string_view elementWithin(std::size_t position) const {
    // The reader guarantees starts are in range: no second bounds check here.
    return std::string_view(text_.data() + starts_[position], starts_[position + 1] - 1 - starts_[position]);
  }

  // EDIFACT's UNA is not a segment but a header of fixed layout; the reader yields it as one so
  // that nothing of the input is lost, with this flag set and no elements.
  bool isServiceStringAdvice() const { return serviceStringAdvice_; }
  // Whether the segment holds a release character at all: when not, values need no unescaping.
  bool hasRelease() const { return hasRelease_; }
  // Whether every byte of text() is printable ASCII (0x20..0x7E), as the reader found while it
  // looked for the delimiters: such a segment needs no character-set check in any set but UNOA.
  // False also when the reader did not look (wrapped segments).
  bool printableAscii() const { return printableAscii_; }

  Standard standard() const { return standard_; }
  std::uint64_t offset() const { return offset_; }       // of the first byte of the tag
  std::uint32_t line() const { return line_; }           // 1-based
  std::uint32_t interchange() const { return interchange_; }
  std::uint64_t index() const { return index_; }         // 1-based, within the interchange

 private:
  friend class Reader;

  void clearStarts() { starts_.clear(); }
  void addStart(std::uint32_t start) { starts_.push_back(start); }

  std::string_view text_;
  std::vector<std::uint32_t> starts_;  // start of each element (tag first), then text size + 1
  bool serviceStringAdvice_ = false;
  bool hasRelease_ = false;
  bool printableAscii_ = false;
  Standard standard_ = Standard::x12;
  std::uint64_t offset_ = 0;
  std::uint32_t line_ = 0;
  std::uint32_t interchange_ = 0;
  std::uint64_t index_ = 0;
};

// The parts of a raw value between separators, one at a time, honouring the release character;
// for hot loops that must not allocate.
class PartCursor {
 public:
  PartCursor(std::string_view value, char separator, char release)
      : value_(value), separator_(separator), release_(release) {}
  bool done() const { return done_; }
  // The next part; empty (and done()) once the value is used up.
  std::string_view next() {
    if (done_) return {};
    std::size_t i = start_;
    for (; i < value_.size(); ++i) {
      if (value_[i] == separator_) break;
      if (release_ && value_[i] == release_) ++i;
    }
    const std::string_view part = value_.substr(start_, std::min(i, value_.size()) - start_);
    if (i >= value_.size()) {
      done_ = true;
    } else {
      start_ = i + 1;
    }
    return part;
  }

 private:
  std::string_view value_;
  std::size_t start_ = 0;
  char separator_, release_;
  bool done_ = false;
};

// Splits a raw element value at `separator`, honouring the release character (0: none).
// Parts are raw too: release characters stay in them.
std::vector<std::string_view> splitValue(std::string_view value, char separator, char release);
// The same into a vector the caller reuses (no allocation once it has grown).
void splitValueInto(std::string_view value, char separator, char release, std::vector<std::string_view>& parts);

}  // namespace edi
