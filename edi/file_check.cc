#include "edi/file_check.h"

#include "edi/reader.h"
#include "edi/structure_walker.h"
#include "edi/validator.h"

#include <ostream>

namespace edi {

CheckSummary checkInterchanges(ByteSource& source, SpecCatalog& catalog, Diagnostics& diagnostics,
                               const CheckOptions& options, ValidationListener* listener) {
  ReaderOptions readerOptions;
  readerOptions.strict = options.strict;
  Reader reader(source, diagnostics, readerOptions);
  ValidatorOptions validatorOptions;
  validatorOptions.strict = options.strict;
  Validator validator(catalog, diagnostics, validatorOptions);
  validator.setListener(listener);
  CheckSummary summary;
  Segment segment;
  while (reader.next(segment)) {
    ++summary.segments;
    validator.segment(segment, reader);
  }
  validator.finish();
  summary.interchanges = reader.interchange();
  summary.messages = validator.messages();
  summary.messagesAccepted = validator.messagesAccepted();
  return summary;
}

namespace {

// Prints one segment: its tag and name, then each present element with its reference and name.
void printSegment(std::ostream& out, const Segment& segment, const SegmentDefinition* definition,
                  const std::string& indent) {
  out << indent << segment.tag();
  if (definition) out << "  " << definition->name;
  out << "\n";
  for (std::size_t p = 1; p <= segment.elementCount(); ++p) {
    const std::string_view value = segment.element(p);
    if (value.empty()) continue;
    out << indent << "    " << segment.tag() << (p < 10 ? "0" : "") << p;
    if (definition && p <= definition->elements.size()) {
      const ElementUse& use = definition->elements[p - 1];
      out << " " << use.displayName();
    }
    out << " = " << value << "\n";
  }
}

// "syntax4" for UNB+UNOC:4..., else "syntax3": the service segment definitions to use.
std::string syntaxVersion(const Segment& unb, const Delimiters& delimiters) {
  const auto s001 = splitValue(unb.element(1), delimiters.component, delimiters.release);
  return s001.size() > 1 && s001[1] == "4" ? "syntax4" : "syntax3";
}

}  // namespace

void showInterchanges(ByteSource& source, SpecCatalog& catalog, std::ostream& out, Diagnostics& diagnostics) {
  Reader reader(source, diagnostics);
  Segment segment;
  StructureWalker walker;
  const SpecDirectory* directory = nullptr;     // the message's definitions
  const SpecDirectory* envelope = nullptr;      // ISA/GS or UNB/UNH definitions
  const MessageDefinition* message = nullptr;
  std::string groupVersion;
  bool inMessage = false;
  // The tree shows what is there; validate tells what is wrong.
  class Ignore : public StructureReport {
    void structureError(const std::string&, const std::string&, const std::string&) override {}
  } ignore;
  while (reader.next(segment)) {
    if (segment.isServiceStringAdvice()) continue;
    const std::string tag(segment.tag());
    const bool x12 = segment.standard() == Standard::x12;
    if (tag == "ISA" || tag == "UNB") {
      const std::string version = x12 ? std::string(segment.element(12)).substr(0, 5) + "0"
                                      : syntaxVersion(segment, reader.delimiters());
      envelope = catalog.directory(segment.standard(), version);
      out << "interchange " << segment.interchange() << (x12 ? " (X12)" : " (EDIFACT)") << "\n";
      printSegment(out, segment, envelope ? envelope->segment(tag) : nullptr, "  ");
      continue;
    }
    if (tag == "GS" || tag == "UNG") {
      groupVersion = std::string(segment.element(8)).substr(0, 6);
      out << "  group\n";
      printSegment(out, segment, envelope ? envelope->segment(tag) : nullptr, "    ");
      continue;
    }
    if (tag == "ST" || tag == "UNH") {
      std::string version = groupVersion;
      if (!x12) {
        const auto parts = splitValue(segment.element(2), reader.delimiters().component, reader.delimiters().release);
        version = (parts.size() > 2 ? std::string(parts[1]) + std::string(parts[2]) : std::string());
      }
      directory = catalog.directory(segment.standard(), version);
      const std::string type =
          x12 ? std::string(segment.element(1))
              : std::string(splitValue(segment.element(2), reader.delimiters().component, reader.delimiters().release)[0]);
      message = directory ? directory->message(type) : nullptr;
      out << "    message " << type << (message ? " " + message->name : std::string(" (no definition)")) << "\n";
      inMessage = true;
      if (message) walker.start(*message, *directory);
    }
    if (inMessage) {
      const SegmentDefinition* definition = message ? walker.place(tag, ignore) : nullptr;
      if (definition == nullptr && directory) definition = directory->segment(tag);
      const std::size_t depth = message ? walker.loopDepth() : 0;
      const std::string indent = "      " + std::string(depth * 2, ' ');
      if (message && walker.startedLoop()) out << std::string(indent.size() - 2, ' ') << "loop " << walker.currentLoop() << "\n";
      printSegment(out, segment, definition, indent);
      if (tag == "SE" || tag == "UNT") inMessage = false;
      continue;
    }
    const int depth = (tag == "GE" || tag == "UNE") ? 4 : 2;
    printSegment(out, segment, envelope ? envelope->segment(tag) : nullptr, std::string(static_cast<std::size_t>(depth), ' '));
  }
}

}  // namespace edi
