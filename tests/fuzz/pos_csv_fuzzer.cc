// Fuzzes pos_import::readCsv, the POS CSV reader behind a column mapping (seeds: corpus/pos_csv,
// dictionary pos_csv.dict). The first input byte (which stays part of the file) picks the
// mapping: its two low bits 3 vendor-a.ini ('s' of "store,"), 2 vendor-b.ini ('F' of "Filiale;"),
// 1 vendor-a-with-cost.ini, 0 the mapping below: no header, columns by position, a time of day.
#include "memory_file.h"
#include "pos_import/csv_mapping.h"
#include "pos_import/csv_reader.h"
#include "sale_sink_check.h"

#include <array>

namespace {

const char* const kPositional = R"([format]
delimiter = |
encoding = auto
decimal = comma
header = no
date = %Y%m%d
timestamp = %H:%M:%S
currency = USD
[columns]
store = #1
business_day = #2
transaction = #3
timestamp = #4
sku = #5
quantity = #6
amount = #7
unit_price = #8
kind = #9
customer_name = #10
return_reason = #11
[kinds]
sale = S, sale
return = R
)";

pos_import::CsvMapping load(const pos_import::MappingLoad& load) {
  if (!load.mapping) afterflow_fuzz::fail("a mapping of the harness does not load");
  return *load.mapping;
}

const std::array<pos_import::CsvMapping, 4>& mappings() {
  static const std::array<pos_import::CsvMapping, 4> all{
      load(pos_import::parseCsvMapping(kPositional, "positional.ini")),
      load(pos_import::loadCsvMapping(AFTERFLOW_SOURCE_DIR "/schemas/pos-mappings/vendor-a-with-cost.ini")),
      load(pos_import::loadCsvMapping(AFTERFLOW_SOURCE_DIR "/schemas/pos-mappings/vendor-b.ini")),
      load(pos_import::loadCsvMapping(AFTERFLOW_SOURCE_DIR "/schemas/pos-mappings/vendor-a.ini"))};
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static afterflow_fuzz::MemoryFile file;
  const pos_import::CsvMapping& mapping = mappings()[size > 0 ? data[0] & 3 : 0];
  afterflow_fuzz::CheckingSaleSink sink(size, true);
  pos_import::readCsv(file.hold(std::string_view(reinterpret_cast<const char*>(data), size)), mapping, sink);
  afterflow_fuzz::sink = sink.sum;
  return 0;
}
