#include "exchange/interchange_header.h"

#include "edi/diagnostic.h"
#include "edi/reader.h"
#include "edi/segment.h"

namespace exchange {
namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last + 1 - first));
}

}  // namespace

std::string envelopeParty(const edi::Segment& header, const edi::Delimiters& delimiters, bool receiver) {
  if (header.tag() == "ISA") {
    const std::size_t at = receiver ? 7 : 5;
    return trimmed(header.element(at)) + ":" + trimmed(header.element(at + 1));
  }
  // UNB S002 / S003: id, then qualifier.
  const std::string_view composite = header.element(receiver ? 3 : 2);
  const auto split = composite.find(delimiters.component);
  if (split == std::string_view::npos) return ":" + std::string(composite);
  std::string_view qualifier = composite.substr(split + 1);
  qualifier = qualifier.substr(0, qualifier.find(delimiters.component));
  return std::string(qualifier) + ":" + std::string(composite.substr(0, split));
}

InterchangeHeader readInterchangeHeader(edi::ByteSource& source) {
  InterchangeHeader header;
  edi::Diagnostics diagnostics(64);
  edi::ReaderOptions options;
  options.bufferBytes = 64 * 1024;
  edi::Reader reader(source, diagnostics, options);
  edi::Segment segment;
  while (reader.next(segment)) {
    if (segment.isServiceStringAdvice()) continue;
    if (segment.tag() == "ISA") {
      header.standard = "x12";
      header.senderId = envelopeParty(segment, reader.delimiters());
      header.receiverId = envelopeParty(segment, reader.delimiters(), true);
      header.version = trimmed(segment.element(12));
      header.controlNumber = trimmed(segment.element(13));
    } else if (segment.tag() == "UNB") {
      header.standard = "edifact";
      header.version = std::string(segment.element(1));
      header.senderId = envelopeParty(segment, reader.delimiters());
      header.receiverId = envelopeParty(segment, reader.delimiters(), true);
      header.controlNumber = std::string(segment.element(5));
    }
    break;  // the first segment of an interchange decides
  }
  return header;
}

}  // namespace exchange
