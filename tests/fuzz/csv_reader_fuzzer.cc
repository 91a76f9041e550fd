// Fuzzes csv::Reader, the RFC 4180 reader of shipment exports and survey files (seeds:
// corpus/csv_reader, dictionary csv.dict): every record is checked against the input it came
// from and, when well-formed, against a plain reading of its raw text (csv_record_check.h).
#include "csv/reader.h"
#include "csv/utf8.h"
#include "csv_record_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  afterflow_fuzz::CheckedCsvReader reader(data, size);
  csv::Record record;
  std::uint64_t sum = 0;
  while (reader.next(record)) {
    // What the importers do with a record's text: check it, escape it for a reject.
    for (std::string_view field : record.fields) {
      const std::size_t valid = csv::validUtf8TextPrefix(field);
      if (valid > field.size()) afterflow_fuzz::fail("a valid UTF-8 prefix longer than the text");
      if (csv::isValidUtf8Text(field) != (valid == field.size())) {
        afterflow_fuzz::fail("isValidUtf8Text and validUtf8TextPrefix disagree");
      }
      const std::string escaped = csv::escapeInvalidUtf8(field);
      if (!csv::isValidUtf8Text(escaped)) afterflow_fuzz::fail("escapeInvalidUtf8 left text that is not UTF-8");
      if (valid == field.size() && escaped != field) afterflow_fuzz::fail("escapeInvalidUtf8 changed valid text");
      sum += afterflow_fuzz::touch(escaped);
    }
  }
  if (reader.reader().fatalError()) sum += afterflow_fuzz::touch(*reader.reader().fatalError());
  if (reader.reader().bytesRead() > size) afterflow_fuzz::fail("bytesRead past the end of the input");
  afterflow_fuzz::sink = sum + reader.sum;
  return 0;
}
