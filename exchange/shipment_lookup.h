// Finding the shipment a partner's document is about, from the references it gives (bill of
// lading, PRO number, ship notice id), tried in the order the document's mapping ranks them.
// Receipts, tender responses and freight invoices all answer a shipment recorded before.
#pragma once

#include "logistics/problem.h"
#include "logistics/shipment.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exchange {

struct ShipmentReference {
  logistics::ReferenceKind kind;
  std::string value;
  std::string source;  // where the document gives it, for messages: "W1705", "REF*BM"
};

struct ShipmentLookup {
  std::vector<ShipmentReference> references;  // most telling first; empty values are skipped
  std::optional<std::int64_t> carrierId;      // narrows PRO numbers, which carriers number
  std::optional<std::int64_t> clientId;       // narrows a reference that names several shipments
  // A purchase order the document gives: afterflow keeps none on shipments, so it is named in
  // the refusal when nothing else found the shipment, rather than silently ignored.
  std::optional<std::string> purchaseOrder;
};

// The shipment the first reference that names exactly one finds. unknown_shipment when none
// names any, ambiguous_reference when the best one names several; both say what was tried.
logistics::Result<std::int64_t> findShipment(Poco::Data::Session& session, const ShipmentLookup& lookup);

}  // namespace exchange
