// `afterflow import shipments FILE.csv`: a TMS shipment export into the shipment table, every
// row applied exactly once or refused with its line and reason (docs/IMPORT.md). Also the replay
// of a run's refused rows after a fix.
#pragma once

#include "exchange/import_runs.h"
#include "store/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace exchange {

struct ShipmentImportOptions {
  std::optional<std::string> clientCode;   // the client of rows without a client_code
  std::optional<std::string> rejectsPath;  // default: FILE with .csv replaced by .rejects.csv
};

struct ShipmentImportReport {
  std::int64_t runId = 0;
  bool alreadyImported = false;  // this content was applied before (by run runId): nothing applied now
  std::optional<std::string> error;  // the file could not be imported at all (header, format): nothing applied
  std::int64_t rowsRead = 0, rowsApplied = 0, rowsRejected = 0;
  int attempts = 1;  // more than one: an interrupted import of this content was taken up again
  std::map<std::string, std::int64_t> rejectsByCode;
  std::vector<ImportReject> firstRejects;  // up to 20, in line order
  std::optional<std::string> rejectsFile;  // written when rows were refused
  std::int64_t resolved = 0;               // replay: rejects of the original run now applied
};

// Keeps the run first (its own transaction), then parses the file in bounded memory and
// applies it in one transaction (logistics::ShipmentImport): a kill at any point leaves either
// nothing or everything of it, and the next import of the same content finishes the job.
// Throws only for infrastructure (the file cannot be read, the database fails).
ShipmentImportReport importShipmentsCsv(store::Database& database, const std::string& path,
                                        const ShipmentImportOptions& options = {});

// Applies the outstanding refused rows of run `runId` again (after a party was added, say), as a
// new run that names the original; rows that go in are marked resolved by it in the same
// transaction. Options: the client for rows without a code, and where to write what is still refused.
ShipmentImportReport replayImportRun(store::Database& database, std::int64_t runId,
                                     const ShipmentImportOptions& options = {});

}  // namespace exchange
