// Validates message definition files against their XSD through the definition check plugin
// (Xerces-C in a module of its own, dlopen'ed on first use), so that the edi library itself
// does not link Xerces-C and a process whose definitions are all stamped never maps it.
#pragma once

#include "edi/diagnostic.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace edi {

class DefinitionSchemaCheck {
 public:
  // Loads the plugin and the grammar of `xsd` (the bytes of the file `xsdPath`). Returns null,
  // with the reason in `diagnostics` (spec.xsd), when the schema does not load; throws
  // Poco::LibraryLoadException when the plugin cannot be found or loaded (see pluginCandidates).
  static std::unique_ptr<DefinitionSchemaCheck> open(const std::string& xsdPath, std::string_view xsd,
                                                     Diagnostics& diagnostics);
  ~DefinitionSchemaCheck();
  DefinitionSchemaCheck(const DefinitionSchemaCheck&) = delete;
  DefinitionSchemaCheck& operator=(const DefinitionSchemaCheck&) = delete;

  // Whether `bytes`, the content of `file`, follow the schema; each problem goes to `diagnostics`
  // as `file:line:column: reason` (spec.invalid).
  bool check(const std::string& file, std::string_view bytes, Diagnostics& diagnostics);

  // Where the plugin is looked for, in order: AFTERFLOW_EDI_DEFINITION_CHECK alone when set;
  // else the build tree's copy, then the one beside the running executable.
  static std::vector<std::string> pluginCandidates();

 private:
  explicit DefinitionSchemaCheck(void* checker);
  void* checker_;
};

}  // namespace edi
