// Many shipments written at once, for file imports: the batch counterpart of
// ShipmentBook::record. With record(), this is the one place that writes shipments, and so the
// place where the report rollups are kept current for them.
#pragma once

#include "logistics/problem.h"
#include "logistics/shipment.h"
#include "store/bulk_inserter.h"
#include "store/row_inserter.h"
#include "store/sqlite_statement.h"
#include "store/transaction.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace logistics {

// In the caller's transaction, never a failing statement (which would abort a PostgreSQL
// transaction): rows are checked in memory, their parties and product once per distinct id, and
// taken references are refused by INSERT ... ON CONFLICT DO NOTHING.
// - SQLite: each row is written as it is added, by one prepared statement bound straight from
//   the shipment's fields; a refused row is known at once, and only then are its references
//   looked up to say which one is taken.
// - PostgreSQL: rows go straight into shipment in chunks of INSERT ... SELECT FROM unnest(...)
//   ON CONFLICT DO NOTHING (store::BulkInserter); flush() finds the rows a taken reference kept
//   out by their (run, line) missing from shipment, and names the reference set-based.
class ShipmentImport {
 public:
  // Shipments are recorded as coming from `importRunId` (shipment.source_import_run_id) with the
  // line each was added with.
  ShipmentImport(store::Transaction& transaction, std::int64_t importRunId);
  ~ShipmentImport();

  ShipmentImport(const ShipmentImport&) = delete;
  ShipmentImport& operator=(const ShipmentImport&) = delete;

  // Checks the shipment as record() does (checkShipment, parties, product) and writes or stages
  // it. Lines must increase from one call to the next (of two rows with one reference the first
  // wins). A shipment carries at most one line here.
  Result<Done> add(std::int64_t line, const Shipment& shipment);

  // Rows added whose fate is not told yet (PostgreSQL): the next flush() tells it, so the
  // caller keeps what it needs to report them until then. Always 0 on SQLite.
  std::size_t staged() const { return pending_.size(); }

  // Writes the rows added since the last flush, and calls `refused` for each one not written
  // because a reference is taken (duplicate_reference), in line order.
  void flush(const std::function<void(std::int64_t line, const Problem&)>& refused);

  // After the last flush(): links the status events waiting for the shipments written, brings
  // those shipments' status up to date and adds them to the report rollups. Returns how many
  // shipments the run wrote.
  std::uint64_t finish();

 private:
  // What a refused row is reported by: its line and the references it is unique by.
  struct References {
    std::int64_t line = 0;
    std::int64_t clientId = 0;
    std::optional<std::int64_t> carrierId;
    std::optional<std::string> billOfLading, proNumber, shipNoticeId;
  };

  std::optional<Problem> checkParties(const Shipment& shipment);
  Problem takenReference(const References& row);
  void reportTakenReferences(const std::vector<References>& rows,
                             const std::function<void(std::int64_t, const Problem&)>& refused);

  Poco::Data::Session& session_;
  std::int64_t runId_;
  std::string stamp_;
  bool sqlite_;
  std::unique_ptr<store::RowInserter> shipments_, lines_;  // SQLite
  // SQLite: who holds a reference, one lookup per scope (the order of kScopes), prepared when first needed.
  std::array<std::unique_ptr<store::SqliteStatement>, 4> referenceLookups_;
  std::unique_ptr<store::BulkInserter> direct_, items_;    // PostgreSQL
  std::vector<References> pending_;                        // PostgreSQL: added since the last flush
  std::int64_t lastLine_ = 0;
  bool stagedItems_ = false;
  std::uint64_t written_ = 0;
  // What each party or product id checked so far came to: no problem, or the problem.
  std::map<std::pair<int, std::int64_t>, std::optional<Problem>> checked_;
};

}  // namespace logistics
