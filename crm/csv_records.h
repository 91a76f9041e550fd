// Records of an RFC 4180 CSV text (quoted fields, doubled quotes, line breaks inside quotes,
// CRLF or LF), each with the line it starts on, so a refused row can be named by its line.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct CsvRecord {
  int line = 0;  // 1-based line the record starts on
  std::vector<std::string> fields;
};

class CsvRecords {
 public:
  explicit CsvRecords(std::istream& in) : in_(in) {}

  // The next record; empty at the end. An unterminated quote ends at the end of the input and
  // is reported by `error()` with the line it started on.
  std::optional<CsvRecord> next();
  const std::optional<std::string>& error() const { return error_; }

 private:
  std::istream& in_;
  int line_ = 1;
  std::optional<std::string> error_;
};

}  // namespace crm
