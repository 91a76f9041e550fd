// What the edi test suites share: the fixture files and one catalog of the shipped definitions.
#pragma once

#include "edi/spec_catalog.h"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

#include <string>

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

}  // namespace edi_fixtures
