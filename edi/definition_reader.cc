#include "edi/definition_reader.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>

namespace edi {
namespace {

std::string_view view(const xmlChar* text) { return reinterpret_cast<const char*>(text); }

// What xs:token, lists and numbers make of a value: no leading, trailing or repeated whitespace.
std::string collapsed(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  bool space = false;
  for (const char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// SAX2 events into the tree; libxml2 reports the first well-formedness error and stops.
class TreeBuilder {
 public:
  TreeBuilder(const std::string& file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  static void start(void* self, const xmlChar* localName, const xmlChar*, const xmlChar*, int, const xmlChar**,
                    int attributeCount, int, const xmlChar** attributes) {
    static_cast<TreeBuilder*>(self)->startElement(localName, attributeCount, attributes);
  }
  static void end(void* self, const xmlChar*, const xmlChar*, const xmlChar*) {
    static_cast<TreeBuilder*>(self)->open_.pop_back();
  }
  static void error(void* self, xmlErrorPtr error) { static_cast<TreeBuilder*>(self)->record(*error); }

  DefinitionElement& root() { return root_; }
  bool failed() const { return failed_; }

 private:
  void startElement(const xmlChar* localName, int attributeCount, const xmlChar** attributes) {
    // A parent's children grow only while it is the innermost open element, so the pointers to
    // the elements still open stay valid.
    DefinitionElement& element = open_.empty() ? root_ : open_.back()->children.emplace_back();
    element.name = view(localName);
    element.attributes.reserve(static_cast<std::size_t>(attributeCount));
    // Five pointers per attribute: local name, prefix, namespace, value start, value end.
    for (int i = 0; i < attributeCount; ++i) {
      const xmlChar* const* at = attributes + 5 * i;
      const std::string_view name = view(at[0]);
      const std::string_view value(reinterpret_cast<const char*>(at[3]), static_cast<std::size_t>(at[4] - at[3]));
      // The free texts are xs:string (kept as written); every other attribute is a token, a list
      // or a number, whose whitespace schema validation collapses.
      element.attributes.emplace_back(name, name == "name" || name == "value" ? std::string(value) : collapsed(value));
    }
    open_.push_back(&element);
  }

  void record(const xmlError& error) {
    if (error.level < XML_ERR_ERROR) return;
    failed_ = true;
    Location where;
    where.line = static_cast<std::uint32_t>(error.line);
    const std::string reason = error.message != nullptr ? error.message : "not well-formed";
    // libxml2's messages end with a line break.
    diagnostics_.error("spec.invalid",
                       file_ + ":" + std::to_string(error.line) + ":" + std::to_string(error.int2) + ": " +
                           reason.substr(0, reason.find_last_not_of('\n') + 1),
                       where);
  }

  const std::string& file_;
  Diagnostics& diagnostics_;
  DefinitionElement root_;
  std::vector<DefinitionElement*> open_;
  bool failed_ = false;
};

}  // namespace

const std::string& DefinitionElement::attribute(std::string_view key) const {
  static const std::string none;
  for (const auto& [name, value] : attributes) {
    if (name == key) return value;
  }
  return none;
}

std::optional<DefinitionElement> readDefinition(const std::string& file, std::string_view bytes,
                                                Diagnostics& diagnostics) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    diagnostics.error("spec.invalid", file + ": too large for a definition", {});
    return std::nullopt;
  }
  TreeBuilder builder(file, diagnostics);
  xmlSAXHandler handler;
  std::memset(&handler, 0, sizeof handler);
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = &TreeBuilder::start;
  handler.endElementNs = &TreeBuilder::end;
  handler.serror = &TreeBuilder::error;
  // A push parser given the whole file as its one chunk: it takes our SAX2 handler as it is (no
  // libxml2 tree is built). Entities are replaced, so that `&amp;` reads as `&` as schema
  // validation gave it; nothing is fetched from the network.
  xmlParserCtxtPtr context = xmlCreatePushParserCtxt(&handler, &builder, nullptr, 0, file.c_str());
  if (context == nullptr) {
    diagnostics.error("spec.invalid", file + ": libxml2 cannot start a parser", {});
    return std::nullopt;
  }
  xmlCtxtUseOptions(context, XML_PARSE_NOENT | XML_PARSE_NONET);
  xmlParseChunk(context, bytes.data(), static_cast<int>(bytes.size()), 1);
  const bool wellFormed = context->wellFormed != 0;
  xmlFreeParserCtxt(context);
  if (!wellFormed || builder.failed()) {
    if (!builder.failed()) diagnostics.error("spec.invalid", file + ": not well-formed XML", {});
    return std::nullopt;
  }
  return std::move(builder.root());
}

}  // namespace edi
