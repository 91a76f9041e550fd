// Measures the EDI engine on one file: MB/s and peak RSS, one core.
// Usage: edi_bench FILE [--mode read|validate|ack] [--show N]
//   read: every segment and element tokenized (Reader), nothing kept.
//   validate: read + envelopes, structure and elements against the definitions in schemas/.
//   ack: validate + the acknowledgment (997/999/CONTRL) written to a discarding stream.
#include "edi/ack_writer.h"
#include "edi/byte_source.h"
#include "edi/reader.h"
#include "edi/spec_catalog.h"
#include "edi/validator.h"

#include <Poco/Exception.h>

#include <chrono>
#include <cstdio>
#include <ostream>
#include <streambuf>
#include <string>

#include <sys/resource.h>
#include <sys/stat.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: edi_bench FILE [--mode read]\n");
    return 2;
  }
  const std::string path = argv[1];
  std::string mode = "read";
  int show = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--mode") mode = argv[i + 1];
    if (std::string(argv[i]) == "--show") show = std::stoi(argv[i + 1]);
  }
  struct stat info{};
  if (::stat(path.c_str(), &info) != 0) {
    std::perror(path.c_str());
    return 2;
  }
  try {
    const auto start = std::chrono::steady_clock::now();
    edi::FileByteSource source(path);
    edi::Diagnostics diagnostics;
    edi::Reader reader(source, diagnostics);
    edi::Segment segment;
    std::uint64_t segments = 0, elements = 0;
    edi::SpecCatalog catalog(edi::SpecCatalog::defaultSchemasRoot());
    edi::Validator validator(catalog, diagnostics);
    // The acknowledgment is written and thrown away: what is measured is producing it.
    struct Discard : std::streambuf {
      int overflow(int c) override { return c; }
      std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
    } discard;
    std::ostream sink(&discard);
    edi::AckWriter ack(sink);
    if (mode == "ack") validator.setListener(&ack);
    const bool validate = mode == "validate" || mode == "ack";
    while (reader.next(segment)) {
      ++segments;
      elements += segment.elementCount();
      if (validate) validator.segment(segment, reader);
    }
    if (validate) validator.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("afterflow %-10s %8.1f MB/s %7.3f s %6.1f MB RSS  %llu segments %llu elements %zu errors %zu warnings\n",
                mode.c_str(), static_cast<double>(info.st_size) / 1e6 / seconds, seconds,
                static_cast<double>(usage.ru_maxrss) / 1024.0, static_cast<unsigned long long>(segments),
                static_cast<unsigned long long>(elements), diagnostics.errorCount(), diagnostics.warningCount());
    for (int i = 0; i < show && i < static_cast<int>(diagnostics.items().size()); ++i) {
      std::printf("%s\n", edi::formatDiagnostic(diagnostics.items()[static_cast<std::size_t>(i)], path).c_str());
    }
  } catch (const Poco::Exception& e) {
    std::fprintf(stderr, "edi_bench: %s\n", e.displayText().c_str());
    return 2;
  }
  return 0;
}
