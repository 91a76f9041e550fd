// Reads one message definition file (schemas/edi/...) into a small element tree with libxml2. It
// only reads: whether the file follows schemas/xsd/edi-spec.xsd is decided beforehand, by
// edi/definition_schema_check.h or a stamp from an earlier check (edi/definition_stamps.h).
#pragma once

#include "edi/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edi {

// An element of a definition file: local name, attributes, child elements (the files hold no
// text). Attribute values are as schema validation gives them: the whitespace of every attribute
// but the free texts `name` and `value` collapsed, as the schema's token, list and number types do.
struct DefinitionElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<DefinitionElement> children;

  // The attribute's value, empty when it is absent.
  const std::string& attribute(std::string_view key) const;
};

// The root element of `bytes`, the content of `file`; nullopt, with `file:line:column: reason` in
// `diagnostics` (code spec.invalid), when they are not well-formed XML.
std::optional<DefinitionElement> readDefinition(const std::string& file, std::string_view bytes,
                                                Diagnostics& diagnostics);

}  // namespace edi
