#include "exchange/message_document.h"

#include "edi/diagnostic.h"
#include "edi/reader.h"
#include "edi/segment.h"
#include "edi/text_decoder.h"
#include "exchange/interchange_header.h"

namespace exchange {
namespace {

// Splits a raw element at the component separator, removing release characters.
std::vector<std::string> components(std::string_view raw, char separator, char release) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (release != 0 && c == release && i + 1 < raw.size()) {
      parts.back() += raw[++i];
    } else if (c == separator) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

}  // namespace

const std::string& DocumentSegment::value(std::size_t element, std::size_t component) const {
  static const std::string kEmpty;
  if (element == 0 || element > elements.size()) return kEmpty;
  const auto& parts = elements[element - 1];
  if (component == 0 || component > parts.size()) return kEmpty;
  return parts[component - 1];
}

const DocumentSegment* MessageDocument::find(std::string_view tag, std::size_t from) const {
  for (std::size_t i = from; i < segments.size(); ++i) {
    if (segments[i].tag == tag) return &segments[i];
  }
  return nullptr;
}

void readMessages(edi::ByteSource& source, const std::function<void(const MessageDocument&)>& handle) {
  edi::Diagnostics diagnostics(16);
  edi::Reader reader(source, diagnostics);
  edi::Segment segment;
  MessageDocument document;
  std::string interchangeControl, senderId, groupVersion;
  bool inMessage = false;
  std::uint32_t index = 0, envelope = 0;
  // Values as the mappings and the database take them: UTF-8 text (PostgreSQL refuses anything else).
  edi::TextDecoder decoder;
  while (reader.next(segment)) {
    if (segment.isServiceStringAdvice()) continue;
    const std::string_view tag = segment.tag();
    const edi::Delimiters& delimiters = reader.delimiters();
    const char release = segment.hasRelease() ? delimiters.release : '\0';
    if (tag == "ISA" || tag == "UNB") {
      const std::string_view control = segment.element(tag == "ISA" ? 13 : 5);
      interchangeControl = std::string(control.substr(0, control.find_last_not_of(' ') + 1));
      senderId = envelopeParty(segment, delimiters);
      ++envelope;
      decoder.startInterchange(segment, delimiters);
    } else if (tag == "GS") {
      groupVersion = std::string(segment.element(8)).substr(0, 6);
    }
    if (tag == "ST" || tag == "UNH") {
      document = MessageDocument();
      document.standard = segment.standard();
      document.controlNumber = tag == "ST" ? std::string(segment.element(2)) : std::string(segment.element(1));
      if (tag == "ST") {
        document.type = std::string(segment.element(1));
        document.version = groupVersion;
      } else {
        const auto identifier = components(segment.element(2), delimiters.component, release);
        document.type = identifier[0];
        document.version = (identifier.size() > 2 ? identifier[1] + identifier[2] : "");
      }
      document.interchangeControl = interchangeControl;
      document.senderId = senderId;
      document.index = ++index;
      document.envelope = envelope;
      inMessage = true;
    }
    if (!inMessage) continue;
    DocumentSegment& copy = document.segments.emplace_back();
    copy.tag = std::string(tag);
    copy.position = static_cast<std::uint32_t>(document.segments.size());
    copy.elements.reserve(segment.elementCount());
    for (std::size_t p = 1; p <= segment.elementCount(); ++p) {
      copy.elements.push_back(components(segment.element(p), delimiters.component, release));
      for (std::string& value : copy.elements.back()) decoder.decodeInPlace(value);
    }
    if (tag == "SE" || tag == "UNT") {
      inMessage = false;
      handle(document);
    }
  }
}

}  // namespace exchange
