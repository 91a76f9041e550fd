// A streaming RFC 4180 CSV reader: quoted fields, doubled quotes, separators and line breaks
// inside quotes, CRLF or LF, a UTF-8 byte order mark. It reads through a bounded buffer, so a
// file of any size takes memory in proportion to its longest record, not its length.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csv {

// One record and where it came from, so a refusal can name the line and quote the raw text.
struct Record {
  std::uint64_t line = 0;    // 1-based line on which the record starts
  std::uint64_t offset = 0;  // byte offset of its first byte in the input
  std::string_view raw;      // its bytes as they stand in the input, without the line break
  // The unquoted values. Views into the reader's buffer: valid until the next call to next().
  std::vector<std::string_view> fields;
  // Set when the record breaks the format (a quote left open, text after a closing quote);
  // fields then hold what could be read.
  std::optional<std::string> error;
};

class Reader {
 public:
  // Records longer than maxRecordBytes are refused (the reader cannot hold an unbounded one).
  explicit Reader(std::istream& in, std::size_t maxRecordBytes = 64u << 20);

  // The next record; false at the end of the input. Empty lines are skipped: exporters leave
  // them at the end of files, and a record of one empty value means nothing to an importer.
  bool next(Record& record);

  // Set when reading stopped early: a record past maxRecordBytes. Then next() returns false.
  const std::optional<std::string>& fatalError() const { return fatal_; }
  std::uint64_t bytesRead() const { return consumedBase_ + position_; }

 private:
  enum class Parse { complete, needMore };
  Parse parse(Record& record, bool atEnd);
  bool fill();

  std::istream& in_;
  std::size_t maxRecordBytes_;
  std::vector<char> buffer_;
  std::size_t position_ = 0;  // start of the next record in buffer_
  std::size_t end_ = 0;       // bytes of buffer_ in use
  std::uint64_t consumedBase_ = 0;  // input offset of buffer_[0]
  std::uint64_t line_ = 1;
  bool eof_ = false;
  bool started_ = false;
  std::optional<std::string> fatal_;
  // Values that needed unescaping ("" inside quotes) are copied here; spans point into it or buffer_.
  std::string unescaped_;
  struct Span {
    bool copied;
    std::size_t start, size;
  };
  std::vector<Span> spans_;
};

}  // namespace csv
