// Fuzzes exchange::readDisposalReport, our XML disposal report (libxml2, validated against
// schemas/xsd/disposal-report.xsd, then read; seeds: corpus/disposal_report, dictionary
// disposal_report.dict). It may throw only when its own schema cannot be loaded.
#include "disposal_check.h"
#include "exchange/disposal_report_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  edi::Diagnostics diagnostics;
  const exchange::DisposalDocument document = exchange::readDisposalReport(
      std::string_view(reinterpret_cast<const char*>(data), size), AFTERFLOW_SOURCE_DIR "/schemas", diagnostics);
  afterflow_fuzz::sink = afterflow_fuzz::touchDisposal(document, diagnostics);
  return 0;
}
