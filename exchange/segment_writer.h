// Writes the segments of the documents we send, in X12 or EDIFACT, with our delimiters
// (X12 * : ^ ~, EDIFACT UNA:+.? '), one segment a line. Values are made safe for the syntax:
// EDIFACT escapes delimiters with the release character; X12 has none, so a delimiter inside
// a value becomes a space rather than breaking the segment.
#pragma once

#include "edi/delimiters.h"

#include <cstdint>
#include <string>
#include <vector>

namespace exchange {

class SegmentWriter {
 public:
  explicit SegmentWriter(edi::Standard standard) : standard_(standard) {}

  // One segment: the tag, then data elements, each a list of components. Trailing empty
  // components and elements are left out, as the syntaxes require.
  void add(const std::string& tag, const std::vector<std::vector<std::string>>& elements);
  // Text written as it is, with the terminator added (ISA, UNA: fixed layouts of delimiters).
  void addRaw(const std::string& text);

  // Counting for SE01 / UNT 0074: from the segment after this call (ST / UNH) onwards.
  void startMessage() { messageStart_ = segments_; }
  std::uint32_t messageSegments() const { return segments_ - messageStart_; }

  const std::string& text() const { return text_; }

 private:
  std::string value(const std::string& raw) const;

  edi::Standard standard_;
  std::string text_;
  std::uint32_t segments_ = 0, messageStart_ = 0;
};

}  // namespace exchange
