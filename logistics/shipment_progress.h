// What ties shipments and their status events together, used by both ShipmentBook and
// StatusEventLog so the rules live in one place. Internal to logistics/.
#pragma once

#include "logistics/shipment.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace logistics {

// The shipments `reference` names, narrowed to those of `carrierId` or of no carrier.
std::vector<std::int64_t> shipmentsByReference(Poco::Data::Session& session, ReferenceKind kind,
                                               const std::string& reference, std::optional<std::int64_t> carrierId);

// Links the unlinked events that carry one of the shipment's references to it. An event of
// another carrier than the shipment's stays unlinked: its reference means another shipment.
void linkWaitingEvents(Poco::Data::Session& session, std::int64_t shipmentId, const Shipment& shipment);

// The same for every shipment an import run wrote, set-based (ShipmentImport): each waiting
// event goes to the first of them (lowest id) that carries its reference, as if they had been
// recorded one by one in line order, and the shipments it reaches are brought up to date. Costs
// in proportion to the waiting events, not to the shipments imported.
void linkWaitingEventsOfImport(Poco::Data::Session& session, std::int64_t importRunId);

// Sets the shipment's status to that of its latest event (by event time), and its ship date and
// actual delivery, where not known yet, from its first pick-up and delivery events. A shipment
// without events keeps what it was recorded with.
void refreshShipmentProgress(Poco::Data::Session& session, std::int64_t shipmentId);

}  // namespace logistics
