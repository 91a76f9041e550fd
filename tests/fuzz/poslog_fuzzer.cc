// Fuzzes pos_import::readPosLog, the ARTS POSLog reader (libxml2's text reader; V6 and the NCR
// dialect; seeds: corpus/poslog, dictionary poslog.dict), with a sink that reads every sale.
#include "memory_file.h"
#include "pos_import/poslog_reader.h"
#include "sale_sink_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static afterflow_fuzz::MemoryFile file;
  afterflow_fuzz::CheckingSaleSink sink(size, false);
  pos_import::readPosLog(file.hold(std::string_view(reinterpret_cast<const char*>(data), size)), sink);
  afterflow_fuzz::sink = sink.sum;
  return 0;
}
