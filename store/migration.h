// Versioned schema migrations: SQL files named NNNN_name.sql under schemas/sql/, compiled into
// the binary. A file is written once for both dialects; where they differ it uses a placeholder:
//   {{IDENTITY}}  an auto-numbered BIGINT primary key     {{BYTES}}  a binary column
#pragma once

#include "store/dialect.h"

#include <string>
#include <vector>

namespace store {

struct EmbeddedFile {
  std::string name;
  std::string content;
};

// Generated at build time from schemas/sql/*.sql (cmake/embed_files.cmake).
std::vector<EmbeddedFile> builtInMigrationFiles();

struct Migration {
  int version = 0;
  std::string name;      // file name without ".sql", e.g. "0001_foundation"
  std::string script;    // as written, placeholders not yet expanded
  std::string checksum;  // SHA-256 of script: an applied migration must never change

  // The script for one dialect. Throws Poco::DataFormatException on an unknown placeholder.
  std::string scriptFor(Dialect dialect) const;
};

// Orders the files by version. Throws Poco::DataFormatException on a name that is not
// NNNN_name.sql, a repeated version, or a gap in the numbering.
std::vector<Migration> migrationsFromFiles(const std::vector<EmbeddedFile>& files);

std::vector<Migration> builtInMigrations();

}  // namespace store
