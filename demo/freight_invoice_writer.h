// The road carrier's freight invoice for a delivered shipment: an X12 210 naming it by bill of
// lading and PRO number, its net amount due equal to its total charges
// (exchange/freight_invoice_mapping reads it; tests/exchange/fixtures/carrier_210.edi).
#pragma once

#include "demo/interchange_batch.h"
#include "demo/year_plan.h"

namespace demo {

// Each road shipment with an invoice (invoicedAt set).
void writeFreightInvoice210(InterchangeBatch& batch, const PlannedShipment& shipment);

}  // namespace demo
