#include "logistics/shipment_progress.h"

#include "store/dialect.h"
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

void linkWaitingEventsOfImport(Poco::Data::Session& session, std::int64_t importRunId) {
  std::vector<std::int64_t> anyWaiting;
  session << "SELECT event_id FROM shipment_event WHERE shipment_id IS NULL LIMIT 1", into(anyWaiting), now;
  if (anyWaiting.empty()) return;
  const bool sqlite = store::sessionDialect(session) == store::Dialect::sqlite;
  const std::string drop = std::string("DROP TABLE IF EXISTS ") + (sqlite ? "temp." : "pg_temp.") + "import_links";
  session << drop, now;
  session << std::string("CREATE TEMP TABLE import_links (event_id BIGINT PRIMARY KEY, shipment_id BIGINT NOT NULL)") +
                 (sqlite ? "" : " ON COMMIT DROP"),
      now;
  const std::string run = std::to_string(importRunId);
  for (ReferenceKind kind : {ReferenceKind::bill_of_lading, ReferenceKind::pro_number, ReferenceKind::ship_notice_id}) {
    const std::string column = referenceColumn(kind);
    // The waiting events drive the join (the partial index shipment_event_unlinked); each finds
    // its shipments through the unique index that leads with the reference.
    session << "INSERT INTO import_links (event_id, shipment_id) SELECT e.event_id, min(x.shipment_id) "
               "FROM shipment_event e JOIN shipment x ON x." + column + " = e.reference "
               "WHERE e.shipment_id IS NULL AND e.reference_kind = '" + column + "' AND x.source_import_run_id = " +
                   run + " AND (x.carrier_id IS NULL OR e.carrier_id IS NULL OR e.carrier_id = x.carrier_id) "
                   "GROUP BY e.event_id HAVING count(*) = 1",  // an ambiguous reference stays waiting, as record() refuses it
        now;
  }
  session << "UPDATE shipment_event SET shipment_id = (SELECT l.shipment_id FROM import_links l "
             "WHERE l.event_id = shipment_event.event_id) WHERE event_id IN (SELECT event_id FROM import_links)",
      now;
  session << "UPDATE shipment SET status = (SELECT e.normalized_status FROM shipment_event e "
             "WHERE e.shipment_id = shipment.shipment_id ORDER BY e.event_time DESC, e.event_id DESC LIMIT 1), "
             "ship_date = COALESCE(ship_date, (SELECT min(e.event_time) FROM shipment_event e "
             "WHERE e.shipment_id = shipment.shipment_id AND e.normalized_status = 'picked_up')), "
             "actual_delivery = COALESCE(actual_delivery, (SELECT min(e.event_time) FROM shipment_event e "
             "WHERE e.shipment_id = shipment.shipment_id AND e.normalized_status = 'delivered')), updated_at = ? "
             "WHERE shipment_id IN (SELECT shipment_id FROM import_links)",
      bind(store::currentTimestamp()), now;
  session << drop, now;
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
