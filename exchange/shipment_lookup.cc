#include "exchange/shipment_lookup.h"

#include "logistics/shipment_book.h"

#include <algorithm>

namespace exchange {

logistics::Result<std::int64_t> findShipment(Poco::Data::Session& session, const ShipmentLookup& lookup) {
  logistics::ShipmentBook book(session);
  std::string tried;
  std::optional<logistics::Problem> ambiguous;
  for (const ShipmentReference& reference : lookup.references) {
    if (reference.value.empty()) continue;
    const bool carriersNumber = reference.kind == logistics::ReferenceKind::pro_number;
    std::vector<std::int64_t> ids =
        book.idsByReference(reference.kind, reference.value, carriersNumber ? lookup.carrierId : std::nullopt);
    if (ids.size() > 1 && lookup.clientId) {
      std::erase_if(ids, [&](std::int64_t id) {
        const auto shipment = book.find(id);
        return !shipment || shipment->clientId != *lookup.clientId;
      });
    }
    tried += (tried.empty() ? "" : ", ") + std::string(logistics::referenceKindName(reference.kind)) + " '" +
             reference.value + "' (" + reference.source + ")";
    if (ids.size() == 1) return ids.front();
    if (ids.size() > 1 && !ambiguous) {
      ambiguous = logistics::Problem{logistics::ProblemCode::ambiguous_reference, reference.source,
                                     std::string(logistics::referenceKindName(reference.kind)) + " '" +
                                         reference.value + "' names " + std::to_string(ids.size()) + " shipments"};
    }
  }
  if (ambiguous) return *ambiguous;
  if (tried.empty()) {
    return logistics::Problem{logistics::ProblemCode::missing_field, "references",
                              "the document names no shipment by bill of lading, PRO number or ship notice id" +
                                  (lookup.purchaseOrder ? " (purchase order '" + *lookup.purchaseOrder +
                                                              "' alone does not: afterflow keeps no purchase "
                                                              "orders on shipments)"
                                                        : std::string())};
  }
  return logistics::Problem{logistics::ProblemCode::unknown_shipment, "references",
                            "no shipment recorded for " + tried};
}

}  // namespace exchange
