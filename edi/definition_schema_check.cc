#include "edi/definition_schema_check.h"

#include "edi/definition_check_abi.h"

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/SharedLibrary.h>

#include <mutex>

#include <limits.h>
#include <unistd.h>

namespace edi {
namespace {

// The running executable's folder, where an installed plugin sits beside it.
std::string executableFolder() {
  char path[PATH_MAX];
  const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path);
  if (length <= 0 || static_cast<std::size_t>(length) >= sizeof path) return {};
  const std::string executable(path, static_cast<std::size_t>(length));
  return executable.substr(0, executable.rfind('/'));
}

// The plugin's interface, loaded once for the process and never unloaded (Xerces-C stays
// initialized in it); a failed attempt is not remembered, so a later one may succeed.
const afterflow_definition_check_api& pluginApi() {
  static std::mutex mutex;
  static const afterflow_definition_check_api* api = nullptr;
  std::lock_guard<std::mutex> lock(mutex);
  if (api != nullptr) return *api;
  std::string tried;
  for (const std::string& candidate : DefinitionSchemaCheck::pluginCandidates()) {
    Poco::SharedLibrary library;
    try {
      library.load(candidate, Poco::SharedLibrary::SHLIB_LOCAL);
    } catch (const Poco::LibraryLoadException& e) {
      tried += "\n  " + candidate + ": " + e.message();
      continue;
    }
    if (!library.hasSymbol(kAfterflowDefinitionCheckSymbol)) {
      tried += "\n  " + candidate + ": no symbol " + kAfterflowDefinitionCheckSymbol;
      continue;
    }
    const auto entry = reinterpret_cast<const afterflow_definition_check_api* (*)()>(
        library.getSymbol(kAfterflowDefinitionCheckSymbol));
    const afterflow_definition_check_api* found = entry();
    if (found == nullptr || found->version != kAfterflowDefinitionCheckVersion) {
      tried += "\n  " + candidate + ": a plugin of another version";
      continue;
    }
    api = found;
    return *api;
  }
  throw Poco::LibraryLoadException(
      "the EDI definitions need checking against their schema, but the definition check plugin (Xerces-C) "
      "could not be loaded; set AFTERFLOW_EDI_DEFINITION_CHECK to its path. Tried:" + tried);
}

// Collects the plugin's problems as diagnostics of one file.
struct ProblemSink {
  const std::string& file;
  const char* code;
  Diagnostics& diagnostics;

  static void report(void* self, unsigned long long line, unsigned long long column, const char* reason) {
    auto& sink = *static_cast<ProblemSink*>(self);
    Location where;
    where.line = static_cast<std::uint32_t>(line);
    sink.diagnostics.error(
        sink.code, sink.file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + reason, where);
  }
};

}  // namespace

std::vector<std::string> DefinitionSchemaCheck::pluginCandidates() {
  const std::string chosen = Poco::Environment::get("AFTERFLOW_EDI_DEFINITION_CHECK", "");
  if (!chosen.empty()) return {chosen};
  std::vector<std::string> candidates{AFTERFLOW_EDI_DEFINITION_CHECK_BUILT};
  const std::string folder = executableFolder();
  if (!folder.empty()) candidates.push_back(folder + "/" + AFTERFLOW_EDI_DEFINITION_CHECK_NAME);
  return candidates;
}

std::unique_ptr<DefinitionSchemaCheck> DefinitionSchemaCheck::open(const std::string& xsdPath, std::string_view xsd,
                                                                   Diagnostics& diagnostics) {
  const afterflow_definition_check_api& api = pluginApi();
  ProblemSink sink{xsdPath, "spec.xsd", diagnostics};
  void* checker = api.open(xsdPath.c_str(), xsd.data(), xsd.size(), &ProblemSink::report, &sink);
  if (checker == nullptr) {
    diagnostics.error("spec.xsd", "cannot load the definition schema " + xsdPath, {});
    return nullptr;
  }
  return std::unique_ptr<DefinitionSchemaCheck>(new DefinitionSchemaCheck(checker));
}

DefinitionSchemaCheck::DefinitionSchemaCheck(void* checker) : checker_(checker) {}

DefinitionSchemaCheck::~DefinitionSchemaCheck() { pluginApi().close(checker_); }

bool DefinitionSchemaCheck::check(const std::string& file, std::string_view bytes, Diagnostics& diagnostics) {
  ProblemSink sink{file, "spec.invalid", diagnostics};
  return pluginApi().check(checker_, file.c_str(), bytes.data(), bytes.size(), &ProblemSink::report, &sink) == 0;
}

}  // namespace edi
