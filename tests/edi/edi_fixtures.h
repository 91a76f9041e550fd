// What the edi test suites share: the fixture files and one catalog of the shipped definitions.
#pragma once

#include "edi/byte_source.h"
#include "edi/file_check.h"
#include "edi/spec_catalog.h"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

#include <string>
#include <vector>

namespace edi_fixtures {

// tests/edi/fixtures, set by CMake.
inline const std::string kFixtures = AFTERFLOW_EDI_FIXTURES;

inline std::string readFile(const std::string& path) {
  Poco::FileInputStream in(path);
  std::string content;
  Poco::StreamCopier::copyToString(in, content);
  return content;
}

// The definitions under schemas/, loaded once for all tests.
inline edi::SpecCatalog& catalog() {
  static edi::SpecCatalog instance(edi::SpecCatalog::defaultSchemasRoot());
  return instance;
}

// Reads and validates `bytes`, returning the diagnostics' codes.
inline std::vector<std::string> codesOf(const std::string& bytes) {
  edi::MemoryByteSource source(bytes);
  edi::Diagnostics diagnostics;
  edi::checkInterchanges(source, catalog(), diagnostics);
  std::vector<std::string> codes;
  for (const edi::Diagnostic& d : diagnostics.items()) codes.push_back(d.code);
  return codes;
}

}  // namespace edi_fixtures
