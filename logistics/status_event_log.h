// The shipment_event table: the one place that writes and reads status events. An event is
// linked to its shipment when that is known, and otherwise waits for it (ShipmentBook::record
// links it when the shipment arrives).
#pragma once

#include "logistics/problem.h"
#include "logistics/status_event.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <vector>

namespace logistics {

struct RecordedEvent {
  std::int64_t eventId = 0;
  std::optional<std::int64_t> shipmentId;  // empty: kept unlinked until its shipment is recorded
  ShipmentStatus normalizedStatus = ShipmentStatus::in_transit;
  // The same event was recorded before (a carrier's resend): nothing was written, and eventId
  // is the one recorded then.
  bool repeated = false;
};

class StatusEventLog {
 public:
  // Reads run on `session`; writes on the session of the transaction they are given.
  explicit StatusEventLog(Poco::Data::Session& session) : session_(session) {}

  // The one entry point that writes status events (reports keep their rollups current here).
  // Normalizes the codes (logistics/status_mapping.h), finds the shipment (the given id, else
  // the one shipment its reference names for its carrier), stores the event and, when linked,
  // updates the shipment's status and dates, all in the caller's transaction. Refused without
  // writing when a field is invalid, the code has no normalized status, the carrier, shipment or
  // interchange is unknown, or the reference names several shipments (ambiguous_reference).
  // An event recorded before under the same natural key (carrier, reference as received, codes,
  // time, place: docs/EXCHANGE.md) is not written again: the result says it was repeated.
  Result<RecordedEvent> record(store::Transaction& transaction, const StatusEvent& event);

  // A shipment's events in time order.
  std::vector<StatusEvent> forShipment(std::int64_t shipmentId);
  // Events still waiting for their shipment, oldest first.
  std::vector<StatusEvent> unlinked();

 private:
  std::vector<StatusEvent> select(const std::string& where, std::optional<std::int64_t> parameter);

  Poco::Data::Session& session_;
};

}  // namespace logistics
