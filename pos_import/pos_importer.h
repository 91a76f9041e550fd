// `afterflow import pos` as a library call: one file per run, read by the reader its format
// needs, recorded through crm::SalesLedger in batches within one transaction, its rejects
// kept in pos_import_rejects with where and why, and the run's counts in pos_import_run.
#pragma once

#include "pos_import/pos_format.h"
#include "store/database.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pos_import {

struct ImportProgress {
  std::uint64_t bytesRead = 0, bytesTotal = 0;
  std::uint64_t rows = 0;  // item lines (CSV rows) and rejected rows or elements so far
  double seconds = 0;
};

struct ImportOptions {
  std::optional<PosFormat> format;         // guessed from the content when empty
  std::optional<std::string> mappingPath;  // CSV: the column mapping (required)
  std::string schemasRoot;                 // edi definitions; empty: the build's schemas/
  std::size_t batchSize = 50000;           // transactions recorded per ledger call
  // SQLite: a file expected to bring at least this many sales, and at least as many as the
  // database holds, is written without the plain indexes of sale and installed_unit, which are
  // built again (sorted) before the commit.
  std::uint64_t rebuildIndexesFrom = 20000;
  std::function<void(const ImportProgress&)> progress;  // called at most ~5 times a second
};

struct ImportSummary {
  std::string file;
  std::optional<PosFormat> format;
  std::int64_t runId = 0;
  std::uint64_t transactions = 0;  // read: recorded, known, or skipped (not the rejected ones)
  std::uint64_t imported = 0, alreadyKnown = 0, rejected = 0, skipped = 0;
  std::uint64_t rows = 0;          // item lines read, plus rejected rows or elements
  std::uint64_t customersCreated = 0, unitsInstalled = 0, unitsReturned = 0;
  double seconds = 0;
  // Why the file was not imported at all (unknown format, a broken mapping): no run is recorded.
  std::vector<std::string> problems;

  bool ok() const { return problems.empty(); }
  double rowsPerSecond() const { return seconds > 0 ? static_cast<double>(rows) / seconds : 0; }
};

// Throws on infrastructure failures (I/O, database); the run is then marked failed and nothing
// of the file is kept.
ImportSummary importPosFile(store::Database& database, const std::string& path, const ImportOptions& options = {});

}  // namespace pos_import
