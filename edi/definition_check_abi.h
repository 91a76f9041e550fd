// The plain C interface between the edi library and its definition check plugin
// (edi/definition_check_plugin.cc, built as a module that links Xerces-C). C, so that the library
// and the plugin share no C++ objects, exceptions or allocators across dlopen.
#pragma once

#include <cstddef>

extern "C" {

// One problem with a file: 1-based line and column (0 when unknown) and the reason, in UTF-8.
typedef void (*afterflow_definition_problem)(void* context, unsigned long long line, unsigned long long column,
                                             const char* reason);

struct afterflow_definition_check_api {
  // kAfterflowDefinitionCheckVersion of the plugin's build; the library refuses any other.
  unsigned version;
  // A checker with the grammar of the schema `xsd` (its bytes; `xsdPath` names it in messages and
  // resolves relative includes), or null after reporting why not.
  void* (*open)(const char* xsdPath, const char* xsd, std::size_t xsdSize, afterflow_definition_problem problem,
                void* context);
  // Checks one definition file's bytes against the grammar; returns the number of problems reported.
  unsigned (*check)(void* checker, const char* path, const char* bytes, std::size_t size,
                    afterflow_definition_problem problem, void* context);
  void (*close)(void* checker);
};

// The one symbol the plugin exports.
const afterflow_definition_check_api* afterflow_definition_check(void);
}

constexpr unsigned kAfterflowDefinitionCheckVersion = 1;
constexpr const char* kAfterflowDefinitionCheckSymbol = "afterflow_definition_check";
