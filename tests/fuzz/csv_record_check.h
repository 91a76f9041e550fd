// Checks what csv::Reader promises about each record against the input it read from memory, by
// an independent reading of the record's raw text: the targets that read CSV through it share it.
#pragma once

#include "csv/reader.h"
#include "fuzz_check.h"

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace afterflow_fuzz {

// The values of one record's raw text (no line break at its end) by RFC 4180, written plainly:
// a value that opens with a quote runs to the quote that is not doubled; any other to the comma.
// Only for records the reader found well-formed.
inline std::vector<std::string> csvValues(std::string_view raw) {
  std::vector<std::string> values;
  std::size_t i = 0;
  for (;;) {
    std::string value;
    if (i < raw.size() && raw[i] == '"') {
      for (++i; i < raw.size(); ++i) {
        if (raw[i] == '"') {
          if (i + 1 < raw.size() && raw[i + 1] == '"') {
            value += '"';
            ++i;
          } else {
            ++i;
            break;
          }
        } else {
          value += raw[i];
        }
      }
    } else {
      while (i < raw.size() && raw[i] != ',') value += raw[i++];
    }
    values.push_back(std::move(value));
    if (i >= raw.size()) return values;
    ++i;  // the comma
  }
}

// Follows the records of one input in order.
class CsvRecordCheck {
 public:
  explicit CsvRecordCheck(std::string_view input) : input_(input) {}

  std::uint64_t check(const csv::Record& record) {
    if (record.offset < nextOffset_) fail("a record starts before the end of the one before it");
    if (record.offset > input_.size() || record.raw.size() > input_.size() - record.offset) {
      fail("a record's raw text runs past the end of the input");
    }
    if (input_.substr(record.offset, record.raw.size()) != record.raw) {
      fail("a record's raw text is not the input's bytes at its offset");
    }
    const auto newlinesBefore =
        static_cast<std::uint64_t>(std::count(input_.begin(), input_.begin() + static_cast<std::ptrdiff_t>(record.offset), '\n'));
    if (record.line != 1 + newlinesBefore) fail("a record's line is not 1 + the line breaks before it");
    if (record.raw.empty() && !record.error) fail("an empty record was not skipped");
    if (record.fields.empty()) fail("a record without values");
    std::uint64_t sum = record.line + touch(record.raw) + touchOptional(record.error);
    for (std::string_view field : record.fields) sum += touch(field);
    if (!record.error) {
      const std::vector<std::string> expected = csvValues(record.raw);
      if (expected.size() != record.fields.size() ||
          !std::equal(expected.begin(), expected.end(), record.fields.begin())) {
        fail("a well-formed record's values differ from an RFC 4180 reading of its raw text");
      }
    }
    nextOffset_ = record.offset + record.raw.size();
    return sum;
  }

 private:
  std::string_view input_;
  std::uint64_t nextOffset_ = 0;
};

// csv::Reader on a fuzz input, each record checked as it comes; `sum` holds what was touched.
class CheckedCsvReader {
 public:
  CheckedCsvReader(const std::uint8_t* data, std::size_t size)
      : input_(reinterpret_cast<const char*>(data), size), in_(input_), reader_(in_), check_(input_) {}

  bool next(csv::Record& record) {
    if (!reader_.next(record)) return false;
    sum += check_.check(record);
    return true;
  }
  const csv::Reader& reader() const { return reader_; }

  std::uint64_t sum = 0;

 private:
  std::string input_;
  std::istringstream in_;
  csv::Reader reader_;
  CsvRecordCheck check_;
};

}  // namespace afterflow_fuzz
