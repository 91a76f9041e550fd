#include "logistics/shipment_progress.h"

#include "store/timestamp.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace logistics {
namespace {

// Column names come from this table only, never from input.
const char* referenceColumn(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::bill_of_lading: return "bill_of_lading";
    case ReferenceKind::pro_number: return "pro_number";
    case ReferenceKind::ship_notice_id: return "ship_notice_id";
  }
  return "pro_number";
}

}  // namespace

std::vector<std::int64_t> shipmentsByReference(Poco::Data::Session& session, ReferenceKind kind,
                                               const std::string& reference, std::optional<std::int64_t> carrierId) {
  std::vector<std::int64_t> ids;
  Poco::Data::Statement select(session);
  select << "SELECT shipment_id FROM shipment WHERE " + std::string(referenceColumn(kind)) + " = ?" +
                (carrierId ? " AND (carrier_id IS NULL OR carrier_id = ?)" : "") + " ORDER BY shipment_id",
      bind(reference);
  if (carrierId) select, bind(*carrierId);
  select, into(ids);
  select.execute();
  return ids;
}

void linkWaitingEvents(Poco::Data::Session& session, std::int64_t shipmentId, const Shipment& shipment) {
  for (ReferenceKind kind : {ReferenceKind::bill_of_lading, ReferenceKind::pro_number, ReferenceKind::ship_notice_id}) {
    const auto& reference = shipment.reference(kind);
    if (!reference) continue;
    Poco::Data::Statement update(session);
    update << std::string("UPDATE shipment_event SET shipment_id = ? WHERE shipment_id IS NULL AND reference = ? "
                          "AND reference_kind = ?") +
                  (shipment.carrierId ? " AND (carrier_id IS NULL OR carrier_id = ?)" : ""),
        bind(shipmentId), bind(*reference), bind(std::string(referenceKindName(kind)));
    if (shipment.carrierId) update, bind(*shipment.carrierId);
    update.execute();
  }
}

void refreshShipmentProgress(Poco::Data::Session& session, std::int64_t shipmentId) {
  std::vector<std::string> latest;
  session << "SELECT normalized_status FROM shipment_event WHERE shipment_id = ? "
             "ORDER BY event_time DESC, event_id DESC LIMIT 1",
      bind(shipmentId), into(latest), now;
  if (latest.empty()) return;
  Poco::Nullable<std::string> firstPickup, firstDelivery;
  session << "SELECT min(CASE WHEN normalized_status = 'picked_up' THEN event_time END), "
             "min(CASE WHEN normalized_status = 'delivered' THEN event_time END) "
             "FROM shipment_event WHERE shipment_id = ?",
      bind(shipmentId), into(firstPickup), into(firstDelivery), now;
  session << "UPDATE shipment SET status = ?, ship_date = COALESCE(ship_date, ?), "
             "actual_delivery = COALESCE(actual_delivery, ?), updated_at = ? WHERE shipment_id = ?",
      bind(latest.front()), bind(firstPickup), bind(firstDelivery), bind(store::currentTimestamp()), bind(shipmentId),
      now;
}

}  // namespace logistics
