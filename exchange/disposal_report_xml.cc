#include "exchange/disposal_report_xml.h"

#include "exchange/document_header.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <memory>

namespace exchange {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using Document = std::unique_ptr<xmlDoc, Deleter<xmlDoc, xmlFreeDoc>>;
using ParserContext = std::unique_ptr<xmlParserCtxt, Deleter<xmlParserCtxt, xmlFreeParserCtxt>>;
using SchemaParser = std::unique_ptr<xmlSchemaParserCtxt, Deleter<xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt>>;
using Schema = std::unique_ptr<xmlSchema, Deleter<xmlSchema, xmlSchemaFree>>;
using SchemaValidator = std::unique_ptr<xmlSchemaValidCtxt, Deleter<xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt>>;

edi::Location at(int line) {
  edi::Location where;
  where.line = line > 0 ? static_cast<std::uint32_t>(line) : 0;
  return where;
}

std::string trimmedMessage(const char* message) {
  std::string text = message ? message : "unknown error";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

extern "C" void collectSchemaError(void* context, xmlErrorPtr error) {
  auto* diagnostics = static_cast<edi::Diagnostics*>(context);
  diagnostics->error("xml.schema", trimmedMessage(error->message), at(error->line));
}

std::string name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string attribute(const xmlNode* node, const char* attributeName) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(attributeName));
  if (!value) return "";
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

std::string text(const xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  if (!value) return "";
  std::string content(reinterpret_cast<const char*>(value));
  xmlFree(value);
  const auto first = content.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return content.substr(first, content.find_last_not_of(" \t\r\n") + 1 - first);
}

std::vector<const xmlNode*> children(const xmlNode* node) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) out.push_back(child);
  }
  return out;
}

}  // namespace

DisposalDocument readDisposalReport(std::string_view bytes, const std::string& schemasRoot,
                                    edi::Diagnostics& diagnostics) {
  DisposalDocument report;
  report.format = std::string(kDisposalReportFormat);
  const ParserContext parser(xmlNewParserCtxt());
  if (!parser) throw std::bad_alloc();
  const Document document(xmlCtxtReadMemory(parser.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                            nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!document) {
    const xmlError* error = xmlCtxtGetLastError(parser.get());
    diagnostics.error("xml.syntax", error ? trimmedMessage(error->message) : "not well-formed XML",
                      at(error ? error->line : 0));
    return report;
  }

  const std::string schemaPath = Poco::Path(schemasRoot).append("xsd/disposal-report.xsd").toString();
  const SchemaParser schemaParser(xmlSchemaNewParserCtxt(schemaPath.c_str()));
  const Schema schema(schemaParser ? xmlSchemaParse(schemaParser.get()) : nullptr);
  // Our own schema missing or broken is an installation fault, not the partner's.
  if (!schema) throw Poco::FileException("cannot load the disposal report schema " + schemaPath);
  const SchemaValidator validator(xmlSchemaNewValidCtxt(schema.get()));
  xmlSchemaSetValidStructuredErrors(validator.get(), collectSchemaError, &diagnostics);
  if (xmlSchemaValidateDoc(validator.get(), document.get()) != 0 || diagnostics.hasErrors()) {
    if (!diagnostics.hasErrors()) diagnostics.error("xml.schema", "not a valid disposal report", at(0));
    return report;
  }

  // Valid: every element and attribute read below is present and well formed where required.
  const xmlNode* root = xmlDocGetRootElement(document.get());
  std::string defaultPermit;
  std::size_t index = 0;
  for (const xmlNode* child : children(root)) {
    if (name(child) == "recycler") {
      defaultPermit = attribute(child, "permit");
      continue;
    }
    DisposalEntry entry;
    logistics::DisposalRecord& record = entry.record;
    entry.label = "record " + std::to_string(++index);
    const int line = static_cast<int>(xmlGetLineNo(child));
    const auto timestamp = [&](const std::string& value, const char* what) -> std::optional<std::string> {
      const auto stored = storedTimestampFromIso(value);
      if (!stored) diagnostics.error("xml.value", entry.label + ": " + what + " '" + value + "' is not a date-time", at(line));
      return stored;
    };
    record.permitNumber = defaultPermit;
    for (const xmlNode* part : children(child)) {
      const std::string element = name(part);
      if (element == "rma") {
        entry.rmaNumber = attribute(part, "number");
        for (const xmlNode* serial : children(part)) record.serialNumbers.push_back(text(serial));
      } else if (element == "waste") {
        record.ewcCode = attribute(part, "ewc");
        const std::string hazardous = attribute(part, "hazardous");
        record.hazardous = hazardous == "true" || hazardous == "1";
      } else if (element == "quantity") {
        record.quantity = Poco::NumberParser::parseFloat(attribute(part, "value"));
        record.unit = logistics::disposalUnitFromName(attribute(part, "unit")).value_or(logistics::DisposalUnit::kg);
        record.basis =
            logistics::quantityBasisFromName(attribute(part, "basis")).value_or(logistics::QuantityBasis::measured);
      } else if (element == "operation") {
        record.operationCode = attribute(part, "code");
      } else if (element == "permit") {
        record.permitNumber = text(part);
      } else if (element == "certificate") {
        record.certificateNumber = attribute(part, "number");
        entry.label += " (certificate " + *record.certificateNumber + ")";
        if (const std::string issued = attribute(part, "issued"); !issued.empty()) {
          record.certificateIssuedAt = timestamp(issued, "certificate issued");
        }
      } else if (element == "received") {
        record.receivedAt = timestamp(text(part), "received");
      } else if (element == "treated") {
        record.treatedAt = timestamp(text(part), "treated");
      }
    }
    if (record.permitNumber.empty()) {
      diagnostics.error("xml.value", entry.label + ": no permit (give <permit> or recycler/@permit)", at(line));
    }
    report.entries.push_back(std::move(entry));
  }
  if (diagnostics.hasErrors()) report.entries.clear();
  return report;
}

}  // namespace exchange
