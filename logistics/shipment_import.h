// Many shipments written at once, for file imports: the batch counterpart of
// ShipmentBook::record. With record(), this is the one place that writes shipments, and so the
// place where report rollups will be kept current (the reports module will add them here too).
#pragma once

#include "logistics/problem.h"
#include "logistics/shipment.h"
#include "store/bulk_inserter.h"
#include "store/transaction.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <set>

namespace logistics {

// Set-based, in the caller's transaction: rows are checked in memory as they are added and
// loaded into a temporary staging table with store::BulkInserter; apply() then writes the
// shipments with one INSERT ... SELECT, refuses taken references with ON CONFLICT DO NOTHING and
// an anti-join (never a failing statement, which would abort a PostgreSQL transaction), and
// links the status events waiting for them. No statement runs per row.
class ShipmentImport {
 public:
  // Shipments are recorded as coming from `importRunId` (shipment.source_import_run_id) with the
  // line each was added with; that pair is how apply() tells applied rows from refused ones.
  ShipmentImport(store::Transaction& transaction, std::int64_t importRunId);
  ~ShipmentImport();

  ShipmentImport(const ShipmentImport&) = delete;
  ShipmentImport& operator=(const ShipmentImport&) = delete;

  // Checks the shipment as record() does without the database (checkShipment), and stages it.
  // Lines must increase from one call to the next. A shipment carries at most one line here.
  // Party ids are checked once per distinct id in apply().
  Result<Done> add(std::int64_t line, const Shipment& shipment);

  // Writes the staged shipments whose references are free, in line order (of two rows with one
  // reference the first wins), with their lines; links waiting status events and brings those
  // shipments' status up to date. Calls `refused` for each staged row not written, in line
  // order (unknown_party, role_not_held, duplicate_reference). Returns the number written.
  std::uint64_t apply(const std::function<void(std::int64_t line, const Problem&)>& refused);

 private:
  void refuseBadParties(const std::function<void(std::int64_t, const Problem&)>& refused);
  void reportTakenReferences(const std::function<void(std::int64_t, const Problem&)>& refused);

  store::Transaction& transaction_;
  Poco::Data::Session& session_;
  std::int64_t runId_;
  std::unique_ptr<store::BulkInserter> staging_;
  std::int64_t lastLine_ = 0;
  std::uint64_t staged_ = 0;
  bool withLines_ = false;
  std::set<std::int64_t> clients_, carriers_, others_, products_;
};

}  // namespace logistics
