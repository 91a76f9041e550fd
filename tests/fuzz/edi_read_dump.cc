// Triage tool for reader findings (not a fuzzer): prints the segments and diagnostics edi::Reader gives for
// a file with chosen options. Usage: edi_read_dump FILE [bufferBytes [maxSegmentBytes [readChunk [strict]]]]
#include "edi/byte_source.h"
#include "edi/reader.h"
#include "fuzz_common.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: edi_read_dump FILE [bufferBytes [maxSegmentBytes [readChunk [strict]]]]\n"
                 "  readChunk: at most this many bytes per read (0: the whole file at once)\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  const std::string data = content.str();
  edi::ReaderOptions options;
  if (argc > 2) options.bufferBytes = std::strtoul(argv[2], nullptr, 10);
  if (argc > 3) options.maxSegmentBytes = std::strtoul(argv[3], nullptr, 10);
  const std::size_t chunk = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 0;
  options.strict = argc > 5;
  edi::MemoryByteSource memory(data);
  afterflow_fuzz::TrickleByteSource trickle(data, chunk);
  edi::ByteSource& source = chunk ? static_cast<edi::ByteSource&>(trickle) : memory;
  edi::Diagnostics diagnostics;
  edi::Reader reader(source, diagnostics, options);
  edi::Segment segment;
  std::string described;
  while (reader.next(segment)) afterflow_fuzz::describeSegment(described, segment);
  std::cout << described;
  for (const edi::Diagnostic& diagnostic : diagnostics.items()) {
    std::cout << edi::formatDiagnostic(diagnostic, argv[1]) << " [offset " << diagnostic.where.offset << "]\n";
  }
  return 0;
}
