// Keeps the report rollups (shipment_fact and the rollups of migrations 0005 and 0012) current:
// every write that changes what a shipment counts for in a report asks for its refresh in its
// own transaction, so a report over millions of shipments reads sums instead of scanning.
// The KPI rules here must agree exactly with reports/shipment_figures.cc, which computes the
// same figures from the raw tables: tests/reports compares the two.
#pragma once

#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <vector>

namespace logistics {

// Replaces what these shipments contribute to the rollups by what they contribute now (their
// row, lines, receipts and events). Set-based: a batch of any size costs a few statements per
// 500 shipments. Call it inside the transaction that made the change.
void refreshShipmentRollups(Poco::Data::Session& session, std::vector<std::int64_t> shipmentIds);

// What the write entry points call: the shipment's refresh waits for the end of the transaction
// and is then done once, set-based, for every shipment the transaction touched (an interchange
// of 20,000 ship notices: one pass, not 20,000). Until the commit, the rollups read inside the
// transaction lack its changes; runDeferred() on the transaction brings them in early.
void refreshShipmentRollupsAtCommit(store::Transaction& transaction, std::int64_t shipmentId);

// The same for the shipments a CSV import run has just written (logistics/shipment_import.h),
// in a few set-based statements whatever their number.
void addImportedShipmentsToRollups(Poco::Data::Session& session, std::int64_t importRunId);

// Throws away every fact and rollup and builds them again from the raw tables, set-based: for
// shipments written before migration 0005 made rollups, or to check them. Other writers of
// rollups wait for it on PostgreSQL. Returns the number of shipments now counted.
std::int64_t rebuildShipmentRollups(store::Transaction& transaction);

}  // namespace logistics
