// The shipment and shipment_line tables: the one place that writes and reads shipments.
// Recording a shipment also links the status events that arrived before it and brings its
// status up to date from them, in the caller's transaction.
#pragma once

#include "logistics/freight_invoice.h"
#include "logistics/problem.h"
#include "logistics/shipment.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <vector>

namespace logistics {

class ShipmentBook {
 public:
  // Reads run on `session`; writes on the session of the transaction they are given.
  explicit ShipmentBook(Poco::Data::Session& session) : session_(session) {}

  // The one entry point that writes shipments (reports keep their rollups current here).
  // Inserts the shipment and its lines inside the caller's transaction, links the waiting status
  // events that carry one of its references (from its carrier, or from an unnamed one), and sets
  // its status, ship date and actual delivery from them. Returns the new shipment id.
  // Refused without writing anything when a field is invalid, a party, product or interchange is
  // unknown, or a reference is taken (duplicate_reference names which); the transaction stays
  // usable on both backends.
  Result<std::int64_t> record(store::Transaction& transaction, const Shipment& shipment);

  // The one entry point for what a shipment costs: keeps the carrier's invoice and makes its
  // amount and currency the shipment's freight cost, in the caller's transaction. Refused
  // without writing when the amount is negative, the currency not ISO 4217, the invoice number
  // or date invalid, the shipment or interchange unknown, the carrier not a carrier, or the
  // carrier has sent this invoice number before (duplicate_reference).
  Result<Done> setFreightCost(store::Transaction& transaction, const FreightInvoice& invoice);
  // The shipment's invoices, oldest first.
  std::vector<FreightInvoice> freightInvoices(std::int64_t shipmentId);

  // The shipment with its lines in line order.
  std::optional<Shipment> find(std::int64_t id);
  // The shipments a reference names, as the intake resolves one: a bill of lading or ship notice
  // is unique per client and a PRO number per carrier, so a reference alone may name several.
  // carrierId narrows to shipments of that carrier or of none.
  std::vector<std::int64_t> idsByReference(ReferenceKind kind, const std::string& reference,
                                           std::optional<std::int64_t> carrierId = std::nullopt);

 private:
  Poco::Data::Session& session_;
};

// The checks record() makes that need no database.
std::vector<Problem> checkShipment(const Shipment& shipment);

}  // namespace logistics
