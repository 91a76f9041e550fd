// Fuzzes edi::Reader on X12-looking input (seeds: corpus/x12_reader, dictionary x12.dict): reads
// every segment and touches every element; even first bytes select strict mode, tiny buffers, short reads.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  afterflow_fuzz::sink = afterflow_fuzz::readAll(data, size);
  return 0;
}
