// Finds and loads message definitions from schemas/edi/<standard>/<version>/ (a dictionary.xml
// and one file per message), so adding a message is adding a file: no code changes. Every file
// follows schemas/xsd/edi-spec.xsd before it is used: checked by Xerces-C (a plugin, loaded only
// then), or stamped in the cache as these exact bytes having passed that check before.
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
  // `schemasRoot` holds edi/ and xsd/ (the repository's schemas/ folder). Stamps of checked
  // definitions are kept under `cacheDir` (none when empty), by default
  // DefinitionStamps::defaultCacheDir().
  explicit SpecCatalog(std::string schemasRoot);
  SpecCatalog(std::string schemasRoot, std::string cacheDir);
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
  std::string cacheDir_;
  Diagnostics diagnostics_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<SpecDirectory>, std::less<>> loaded_;  // null: tried, failed
  // One loader for every directory loaded: it keeps the schema, its stamps and, once a file needed
  // it, the schema check with its grammar (building that again cost ~4.5M instructions).
  std::unique_ptr<DirectoryLoader> loader_;
};

}  // namespace edi
