// Keeps the report rollups (shipment_fact, shipment_rollup, shipment_transit_rollup; migration
// 0005) current: every write that changes what a shipment counts for in a report calls this in
// its own transaction, so a report over millions of shipments reads sums instead of scanning.
// The KPI rules here must agree exactly with reports/shipment_figures.cc, which computes the
// same figures from the raw tables: tests/reports compares the two.
#pragma once

#include <Poco/Data/Session.h>

#include <cstdint>
#include <vector>

namespace logistics {

// Replaces what these shipments contribute to the rollups by what they contribute now (their
// row, lines, receipts and events). Set-based: a batch of any size costs a few statements per
// 500 shipments. Call it inside the transaction that made the change.
void refreshShipmentRollups(Poco::Data::Session& session, const std::vector<std::int64_t>& shipmentIds);

// The same for the shipments a CSV import run has just written (logistics/shipment_import.h),
// in a few set-based statements whatever their number.
void addImportedShipmentsToRollups(Poco::Data::Session& session, std::int64_t importRunId);

}  // namespace logistics
