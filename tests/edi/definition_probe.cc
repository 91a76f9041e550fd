// A process of its own for the definition loading tests: loads one directory of definitions as
// every program does (schemas and cache from the environment) and says whether Xerces-C got
// mapped into it, which the test process itself, having loaded the plugin, cannot say.
// Usage: edi_definition_probe x12|edifact VERSION
#include "edi/spec_catalog.h"

#include <Poco/Exception.h>

#include <fstream>
#include <iostream>
#include <string>

namespace {

bool xercesMapped() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    if (line.find("libxerces") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: edi_definition_probe x12|edifact VERSION\n";
    return 2;
  }
  const edi::Standard standard = std::string(argv[1]) == "x12" ? edi::Standard::x12 : edi::Standard::edifact;
  try {
    edi::SpecCatalog catalog(edi::SpecCatalog::defaultSchemasRoot());
    const edi::SpecDirectory* directory = catalog.directory(standard, argv[2]);
    if (directory != nullptr) {
      std::cout << "loaded " << directory->messages.size() << " messages\n";
    } else {
      for (const edi::Diagnostic& diagnostic : catalog.diagnostics().items()) std::cout << "refused " << diagnostic.message << "\n";
    }
  } catch (const Poco::Exception& e) {
    std::cout << "exception " << e.displayText() << "\n";
    std::cout << "xerces " << (xercesMapped() ? "mapped" : "not mapped") << "\n";
    return 3;
  }
  std::cout << "xerces " << (xercesMapped() ? "mapped" : "not mapped") << "\n";
  return 0;
}
