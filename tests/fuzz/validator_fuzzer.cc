// Fuzzes the whole check path: edi::Reader + edi::Validator against the repository's schemas (one static
// SpecCatalog) with a listener reading every report, then edi::showInterchanges (1 input in 4) into a null stream.
#include "edi/clean_segment.h"
#include "edi/file_check.h"
#include "edi/segment_program_cache.h"
#include "edi/spec_catalog.h"
#include "edi/validator.h"
#include "fuzz_common.h"

#include <ostream>
#include <streambuf>

namespace {

using afterflow_fuzz::touch;

// A stream buffer that keeps nothing but reads every byte written to it.
class ChecksumBuffer : public std::streambuf {
 public:
  std::uint64_t sum = 0;

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) sum = sum * 31 + static_cast<unsigned char>(c);
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    sum += touch(std::string_view(s, static_cast<std::size_t>(n)));
    return n;
  }
};

// Reads every field of every report, as an acknowledgment writer would.
class TouchingListener : public edi::ValidationListener {
 public:
  std::uint64_t sum = 0;

  void interchangeStarted(const edi::InterchangeReport& i) override { interchange(i); }
  void groupStarted(const edi::InterchangeReport& i, const edi::GroupReport& g) override {
    interchange(i);
    group(g);
  }
  void messageEnded(const edi::InterchangeReport& i, const edi::GroupReport* g, const edi::MessageReport& m) override {
    interchange(i);
    if (g) group(*g);
    sum += m.index + touch(m.type) + touch(m.controlNumber) + touch(m.implementation) + touch(m.version) +
           m.segmentErrorsDropped + m.accepted();
    for (const edi::SegmentError& s : m.segmentErrors) {
      sum += touch(s.tag) + s.positionInMessage + touch(s.loopId) + touch(s.code);
      if (s.code.empty()) afterflow_fuzz::fail("segment error without a code");
      for (const edi::ElementError& e : s.elements) {
        sum += e.position + e.component + e.repetition + touch(e.elementId) + touch(e.code) + touch(e.badValue);
        if (e.badValue.size() > 99) afterflow_fuzz::fail("element error value longer than 99 characters");
      }
    }
    for (const std::string& code : m.messageErrors) sum += touch(code);
  }
  void groupEnded(const edi::InterchangeReport& i, const edi::GroupReport& g) override {
    interchange(i);
    group(g);
  }
  void interchangeEnded(const edi::InterchangeReport& i) override { interchange(i); }

 private:
  void interchange(const edi::InterchangeReport& i) {
    sum += i.index + static_cast<std::uint64_t>(i.standard) + touch(i.delimiters.segment) + touch(i.controlNumber) +
           touch(i.senderQualifier) + touch(i.sender) + touch(i.receiverQualifier) + touch(i.receiver) +
           touch(i.date) + touch(i.time) + touch(i.version) + touch(i.syntaxId) + i.acknowledgmentRequested +
           i.test + i.groups + i.messages;
    for (const std::string& code : i.interchangeErrors) sum += touch(code);
  }
  void group(const edi::GroupReport& g) {
    sum += g.index + touch(g.functionalId) + touch(g.controlNumber) + touch(g.version) + touch(g.sender) +
           touch(g.receiver) + g.messagesReceived + g.messagesAccepted;
    for (const std::string& code : g.groupErrors) sum += touch(code);
  }
};

// FNV-1a.
std::uint64_t inputHash(std::string_view input) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : input) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return hash;
}

edi::SpecCatalog& catalog() {
  static edi::SpecCatalog instance(edi::SpecCatalog::defaultSchemasRoot());
  return instance;
}

// The compiled segment check (edi/segment_program.h) must answer as the element walk
// (edi/clean_segment.h) wherever it answers: every segment the fast path could see, against the
// definition of its tag in each directory of its standard. One cache across inputs, so that
// shapes remembered from one input decide segments of the next.
void compareCompiledCheck(const edi::Segment& segment, const edi::Reader& reader) {
  static edi::SegmentProgramCache programs(false);  // never resting: every answer is compared
  static const edi::SpecDirectory* const directories[] = {
      catalog().directory(edi::Standard::x12, "004010"),      catalog().directory(edi::Standard::x12, "005010"),
      catalog().directory(edi::Standard::edifact, "D96A"),    catalog().directory(edi::Standard::edifact, "D01B"),
      catalog().directory(edi::Standard::edifact, "syntax3"), catalog().directory(edi::Standard::edifact, "syntax4")};
  if (!segment.printableAscii() || segment.isServiceStringAdvice()) return;
  for (const edi::SpecDirectory* directory : directories) {
    if (directory == nullptr || directory->standard != segment.standard()) continue;
    const edi::SegmentDefinition* definition = directory->segment(segment.tag());
    if (definition == nullptr) continue;
    const edi::CleanVerdict verdict = programs.of(*definition).check(segment, reader.delimiters());
    if (verdict == edi::CleanVerdict::undecided) continue;
    if ((verdict == edi::CleanVerdict::clean) != edi::isCleanSegment(segment, *definition, reader.delimiters())) {
      afterflow_fuzz::fail("the compiled segment check and the element walk differ");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Load the definitions once up front, so the first inputs do not pay for it (and a broken
  // schemas folder shows at once).
  edi::SpecCatalog& specs = catalog();
  for (const char* version : {"004010", "005010"}) {
    if (specs.directory(edi::Standard::x12, version) == nullptr) afterflow_fuzz::fail("cannot load X12 definitions");
  }
  for (const char* version : {"D96A", "D01B", "syntax3", "syntax4"}) {
    if (specs.directory(edi::Standard::edifact, version) == nullptr) {
      afterflow_fuzz::fail("cannot load EDIFACT definitions");
    }
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const afterflow_fuzz::RunMode mode = afterflow_fuzz::chooseMode(data, size);
  std::uint64_t sum = 0;
  {
    edi::MemoryByteSource memory(input);
    afterflow_fuzz::TrickleByteSource trickle(input, mode.trickle);
    edi::ByteSource& source = mode.trickle ? static_cast<edi::ByteSource&>(trickle) : memory;
    edi::Diagnostics diagnostics;
    edi::Reader reader(source, diagnostics, mode.reader);
    edi::ValidatorOptions options;
    options.strict = mode.reader.strict;
    if (size > 0 && (data[0] & 0x40) && !(data[0] & 1)) options.maxSegmentErrorsPerMessage = 2;
    edi::Validator validator(catalog(), diagnostics, options);
    TouchingListener listener;
    validator.setListener(&listener);
    edi::Segment segment;
    std::vector<std::string_view> parts;
    while (reader.next(segment)) {
      sum += afterflow_fuzz::touchSegment(segment, reader, parts);
      compareCompiledCheck(segment, reader);
      validator.segment(segment, reader);
    }
    validator.finish();
    if (validator.messagesAccepted() > validator.messages()) afterflow_fuzz::fail("more messages accepted than seen");
    sum += listener.sum + validator.messages() + afterflow_fuzz::touchDiagnostics(diagnostics, size);
  }
  // showInterchanges reads with the default ReaderOptions, whose 1 MiB buffer costs a fresh mmap and
  // 256 page faults per run under ASan (three quarters of a run's time): it runs on one input in
  // four, picked by a hash of the input so that a reproducer always takes the same path.
  if (inputHash(input) % 4 == 0) {
    edi::MemoryByteSource source(input);
    edi::Diagnostics diagnostics;
    ChecksumBuffer buffer;
    std::ostream out(&buffer);
    edi::showInterchanges(source, catalog(), out, diagnostics);
    sum += buffer.sum + afterflow_fuzz::touchDiagnostics(diagnostics, size);
  }
  afterflow_fuzz::sink = sum;
  return 0;
}
