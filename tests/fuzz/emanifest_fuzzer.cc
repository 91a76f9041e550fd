// Fuzzes exchange::readEmanifest, the US EPA e-Manifest JSON adapter (Poco::JSON; seeds:
// corpus/emanifest, dictionary emanifest.dict). It throws nothing: every problem is a diagnostic.
#include "disposal_check.h"
#include "exchange/emanifest_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  edi::Diagnostics diagnostics;
  const exchange::DisposalDocument document =
      exchange::readEmanifest(std::string_view(reinterpret_cast<const char*>(data), size), diagnostics);
  afterflow_fuzz::sink = afterflow_fuzz::touchDisposal(document, diagnostics);
  return 0;
}
