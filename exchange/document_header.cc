#include "exchange/document_header.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <libxml/xmlreader.h>

#include <memory>

namespace exchange {
namespace {

std::string_view content(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const auto first = head.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view() : head.substr(first);
}

std::string attribute(xmlTextReaderPtr reader, const char* name) {
  xmlChar* value = xmlTextReaderGetAttribute(reader, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

}  // namespace

bool looksLikeXml(std::string_view head) { return content(head).substr(0, 1) == "<"; }
bool looksLikeJson(std::string_view head) {
  const std::string_view text = content(head);
  return !text.empty() && (text.front() == '{' || text.front() == '[');
}

InterchangeHeader readXmlHeader(std::string_view bytes) {
  InterchangeHeader header;
  header.standard = "xml";
  const std::unique_ptr<xmlTextReader, void (*)(xmlTextReaderPtr)> reader(
      xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeTextReader);
  if (!reader) return header;
  // The root and the recycler element come first; a truncated head still has them.
  int elements = 0;
  while (xmlTextReaderRead(reader.get()) == 1 && elements < 8) {
    if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) continue;
    const std::string name(reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader.get())));
    if (++elements == 1) {
      if (name != "disposalReport") return header;
      header.version = std::string(kDisposalReportFormat);
      header.controlNumber = attribute(reader.get(), "number");
    } else if (name == "recycler") {
      const std::string code = attribute(reader.get(), "code");
      if (!code.empty()) header.senderId = "party:" + code;
      break;
    }
  }
  return header;
}

InterchangeHeader readJsonHeader(std::string_view bytes) {
  InterchangeHeader header;
  header.standard = "json";
  try {
    Poco::JSON::Parser parser;
    const Poco::Dynamic::Var parsed = parser.parse(std::string(bytes));
    const auto manifest = parsed.extract<Poco::JSON::Object::Ptr>();
    if (!manifest || !manifest->has("wastes")) return header;
    header.version = std::string(kEmanifestFormat);
    header.controlNumber = manifest->optValue<std::string>("manifestTrackingNumber", "");
    if (const auto facility = manifest->getObject("designatedFacility")) {
      const std::string site = facility->optValue<std::string>("epaSiteId", "");
      if (!site.empty()) header.senderId = "epa:" + site;
    }
  } catch (const Poco::Exception&) {
    // Not JSON, or not an object: the header says only "json"; validation reports the reason.
  }
  return header;
}

}  // namespace exchange
