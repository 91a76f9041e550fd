// Fuzzes pos_import::parseCsvMapping, the reader of a vendor's mapping file (seeds:
// corpus/csv_mapping, dictionary csv_mapping.dict). A mapping it accepts must work: it then
// reads a small export with header and one without through readCsv.
#include "memory_file.h"
#include "pos_import/csv_mapping.h"
#include "pos_import/csv_reader.h"
#include "sale_sink_check.h"

namespace {

// Both layouts the mapping may expect; a mapping naming other columns rejects the header.
const std::string kExport =
    "store,business_day,register,receipt,time,sku,description,qty,amount,currency,type\n"
    "S-1,2026-03-01,2,R-1,2026-03-01 09:30:00,WM-800,\"Washer, 8 kg\",1,499.00,EUR,SALE\n"
    "S-1,2026-03-01,2,R-1,2026-03-01 09:30:00,FLT-20,Filter,2,\"25,00\",EUR,RETURN\n"
    "S-1;01.03.2026;1;4711;09:15;DRY-300;Dryer;1,5;1.299,00;V\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static afterflow_fuzz::MemoryFile file;
  static const std::string& path = file.hold(kExport);
  const pos_import::MappingLoad load =
      pos_import::parseCsvMapping(std::string(reinterpret_cast<const char*>(data), size), "fuzz.ini");
  std::uint64_t sum = 0;
  for (const std::string& problem : load.problems) {
    if (problem.rfind("fuzz.ini:", 0) != 0) afterflow_fuzz::fail("a mapping problem that does not name the file");
    sum += afterflow_fuzz::touch(problem);
  }
  if (load.mapping.has_value() == !load.problems.empty()) afterflow_fuzz::fail("a mapping both loaded and refused");
  if (load.mapping) {
    afterflow_fuzz::CheckingSaleSink sink(kExport.size(), true);
    pos_import::readCsv(path, *load.mapping, sink);
    sum += sink.sum;
  }
  afterflow_fuzz::sink = sum;
  return 0;
}
