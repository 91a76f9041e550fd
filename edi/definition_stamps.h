// Remembers which definition files passed their schema check, so that later processes read them
// without loading Xerces-C. A stamp names exact bytes: the SHA-256 of the schema and of the
// definition; any change to either is checked again. The cache is only ever an optimization:
// one that cannot be read or written means checking every time, never a failure.
#pragma once

#include <string>
#include <string_view>

namespace edi {

class DefinitionStamps {
 public:
  // Stamps under `cacheDir`/edi-definitions for definitions checked against `xsd` (its bytes).
  DefinitionStamps(std::string cacheDir, std::string_view xsd);

  // Whether these exact bytes were stamped as following the schema.
  bool holds(std::string_view definition) const;
  // Records that these bytes follow the schema; silently nothing when the cache is not writable.
  void add(std::string_view definition) const;

  // AFTERFLOW_CACHE_DIR, else $XDG_CACHE_HOME/afterflow, else $HOME/.cache/afterflow; empty
  // (no cache) when none of them is set.
  static std::string defaultCacheDir();

  // The file that stamps `definition`, whether it exists or not.
  std::string stampPath(std::string_view definition) const;

 private:
  std::string folder_;
  std::string schemaDigest_;  // hex SHA-256 of the schema
};

}  // namespace edi
