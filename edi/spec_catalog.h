// Finds and loads message definitions from schemas/edi/<standard>/<version>/ (a dictionary.xml
// and one file per message). Every file is validated against schemas/xsd/edi-spec.xsd with
// Xerces-C before it is used, so adding a message is adding a file: no code changes.
#pragma once

#include "edi/diagnostic.h"
#include "edi/message_spec.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace edi {

class DirectoryLoader;

class SpecCatalog {
 public:
  // `schemasRoot` holds edi/ and xsd/ (the repository's schemas/ folder).
  explicit SpecCatalog(std::string schemasRoot);
  ~SpecCatalog();

  // The definitions of one standard and version ("004010", "D96A", "syntax4"), loaded on first
  // use; nullptr when there is no such directory or it failed to load (see diagnostics()).
  const SpecDirectory* directory(Standard standard, std::string_view version);

  // What went wrong while loading: file, line and reason.
  const Diagnostics& diagnostics() const { return diagnostics_; }
  const std::string& schemasRoot() const { return root_; }

  // The folder the build found schemas/ in, unless AFTERFLOW_SCHEMAS names another.
  static std::string defaultSchemasRoot();

 private:
  std::unique_ptr<SpecDirectory> load(Standard standard, const std::string& version);

  std::string root_;
  Diagnostics diagnostics_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<SpecDirectory>, std::less<>> loaded_;  // null: tried, failed
  // One parser with the definition schema's grammar for every directory loaded: building the
  // grammar again cost ~4.5M instructions per directory.
  std::unique_ptr<DirectoryLoader> loader_;
};

}  // namespace edi
