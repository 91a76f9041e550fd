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

// "id:qualifier" (EDIFACT composite) -> "qualifier:id", the way X12 headers are recorded too.
std::string edifactParty(std::string_view composite, char separator) {
  const auto split = composite.find(separator);
  if (split == std::string_view::npos) return std::string(composite);
  const std::string_view id = composite.substr(0, split);
  std::string_view qualifier = composite.substr(split + 1);
  qualifier = qualifier.substr(0, qualifier.find(separator));
  return std::string(qualifier) + ":" + std::string(id);
}

}  // namespace

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
      header.senderId = trimmed(segment.element(5)) + ":" + trimmed(segment.element(6));
      header.receiverId = trimmed(segment.element(7)) + ":" + trimmed(segment.element(8));
      header.version = trimmed(segment.element(12));
      header.controlNumber = trimmed(segment.element(13));
    } else if (segment.tag() == "UNB") {
      const char separator = reader.delimiters().component;
      header.standard = "edifact";
      header.version = std::string(segment.element(1));
      header.senderId = edifactParty(segment.element(2), separator);
      header.receiverId = edifactParty(segment.element(3), separator);
      header.controlNumber = std::string(segment.element(5));
    }
    break;  // the first segment of an interchange decides
  }
  return header;
}

}  // namespace exchange
