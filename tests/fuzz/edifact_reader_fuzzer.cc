// Fuzzes edi::Reader on EDIFACT-looking input (seeds: corpus/edifact_reader, dictionary edifact.dict):
// reads every segment and touches every element; even first bytes select strict mode, tiny buffers, short reads.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  afterflow_fuzz::sink = afterflow_fuzz::readAll(data, size);
  return 0;
}
