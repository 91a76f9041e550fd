#include "crm/csv_records.h"

namespace crm {

std::optional<CsvRecord> CsvRecords::next() {
  CsvRecord record;
  record.line = line_;
  std::string field;
  bool quoted = false, any = false, wasQuoted = false;
  int c;
  while ((c = in_.get()) != std::char_traits<char>::eof()) {
    any = true;
    const char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        if (in_.peek() == '"') {
          in_.get();
          field += '"';
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line_;
        field += ch;
      }
      continue;
    }
    if (ch == '"' && field.empty() && !wasQuoted) {
      quoted = wasQuoted = true;
    } else if (ch == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      wasQuoted = false;
    } else if (ch == '\r' && in_.peek() == '\n') {
      // CR of a CRLF: the LF ends the record.
    } else if (ch == '\n') {
      ++line_;
      record.fields.push_back(std::move(field));
      return record;
    } else {
      field += ch;
    }
  }
  if (quoted) error_ = "line " + std::to_string(record.line) + ": a quoted field is not closed before the end of the file";
  if (!any) return std::nullopt;
  record.fields.push_back(std::move(field));
  return record;
}

}  // namespace crm
