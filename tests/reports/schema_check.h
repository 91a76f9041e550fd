// Validation of a rendered XML report against schemas/xsd/service-report.xsd, shared by the
// renderer tests and the database tests of the report sections.
#pragma once

#include <cstdarg>
#include <cstdio>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <string>

namespace reports_test {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using Document = std::unique_ptr<xmlDoc, Deleter<xmlDoc, xmlFreeDoc>>;

inline Document parseXml(const std::string& text) {
  return Document(xmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

inline void collectError(void* context, const char* format, ...) {
  char buffer[1024];
  va_list arguments;
  va_start(arguments, format);
  std::vsnprintf(buffer, sizeof buffer, format, arguments);
  va_end(arguments);
  *static_cast<std::string*>(context) += buffer;
}

// The schema's complaints about the document, or "" when it is valid.
inline std::string schemaErrors(const std::string& text) {
  const Document document = parseXml(text);
  if (!document) return "not well-formed XML";
  const std::string schemaPath = std::string(AFTERFLOW_SCHEMAS_DIR) + "/xsd/service-report.xsd";
  using SchemaParser = std::unique_ptr<xmlSchemaParserCtxt, Deleter<xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt>>;
  using Schema = std::unique_ptr<xmlSchema, Deleter<xmlSchema, xmlSchemaFree>>;
  using Validator = std::unique_ptr<xmlSchemaValidCtxt, Deleter<xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt>>;
  const SchemaParser parser(xmlSchemaNewParserCtxt(schemaPath.c_str()));
  const Schema schema(xmlSchemaParse(parser.get()));
  if (!schema) return "cannot read " + schemaPath;
  const Validator validator(xmlSchemaNewValidCtxt(schema.get()));
  std::string errors;
  xmlSchemaSetValidErrors(validator.get(), collectError, collectError, &errors);
  if (xmlSchemaValidateDoc(validator.get(), document.get()) != 0 && errors.empty()) errors = "invalid";
  return errors;
}

}  // namespace reports_test
