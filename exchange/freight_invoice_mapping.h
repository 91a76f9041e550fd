// Carriers' freight invoices: X12 210. B3 gives the invoice number, the shipment and the net
// amount due, C3 its currency, N9 (and L11 in 005010) the shipment's references, L3 the total
// charges; the amount becomes the shipment's freight cost through the logistics library.
#pragma once

#include "exchange/document_mapping.h"
#include "exchange/shipment_lookup.h"
#include "logistics/freight_invoice.h"

namespace exchange {

// What a 210 says, before its shipment is looked up (shipmentId is 0).
struct InvoicedFreight {
  ShipmentLookup lookup;
  logistics::FreightInvoice invoice;
};

logistics::Result<InvoicedFreight> freightInvoiceFromDocument(const MessageDocument& document,
                                                              const MappingContext& context);

logistics::Result<logistics::Done> applyFreightInvoice(store::Transaction& transaction,
                                                       const MessageDocument& document,
                                                       const MappingContext& context);

}  // namespace exchange
