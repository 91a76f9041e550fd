#include "logistics/status_event_log.h"

#include "logistics/column_values.h"
#include "logistics/record_checks.h"
#include "logistics/shipment_progress.h"
#include "logistics/shipment_rollup.h"
#include "logistics/status_mapping.h"
#include "store/timestamp.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace logistics {
namespace {

// The event recorded before under `event`'s natural key (migration 0018).
std::int64_t sameEvent(Poco::Data::Session& session, const StatusEvent& event) {
  std::int64_t id = 0;
  session << "SELECT event_id FROM shipment_event WHERE COALESCE(carrier_id, 0) = ? AND reference_kind = ? "
             "AND reference = ? AND code_list = ? AND status_code = ? AND COALESCE(reason_code, '') = ? "
             "AND event_time = ? AND COALESCE(city, '') = ? AND COALESCE(region, '') = ? AND COALESCE(country, '') = ?",
      bind(event.carrierId.value_or(0)), bind(std::string(referenceKindName(event.referenceKind))),
      bind(event.reference), bind(std::string(statusCodeListName(event.codeList))), bind(event.statusCode),
      bind(event.reasonCode.value_or("")), bind(event.eventTime), bind(event.city.value_or("")),
      bind(event.region.value_or("")), bind(event.country.value_or("")), into(id), now;
  return id;
}

}  // namespace

Result<RecordedEvent> StatusEventLog::record(store::Transaction& transaction, const StatusEvent& event) {
  Poco::Data::Session& session = writeSession(transaction);
  std::vector<Problem> problems;
  RecordChecks::required(event.reference, "reference", problems);
  RecordChecks::required(event.statusCode, "status_code", problems);
  RecordChecks::timestamp(event.eventTime, true, "event_time", problems);
  std::optional<ShipmentStatus> normalized;
  if (!event.statusCode.empty()) {
    const Result<ShipmentStatus> mapped = normalizeStatus(event.codeList, event.statusCode, event.reasonCode);
    if (mapped) {
      normalized = mapped.value();
    } else {
      problems.insert(problems.end(), mapped.problems().begin(), mapped.problems().end());
    }
  }
  RecordChecks checks(session);
  checks.partyWithRole(event.carrierId, "carrier", "carrier", problems);
  checks.interchange(event.sourceInterchangeId, problems);
  if (!problems.empty()) return problems;

  std::optional<std::int64_t> shipmentId = event.shipmentId;
  if (shipmentId) {
    int known = 0;
    session << "SELECT count(*) FROM shipment WHERE shipment_id = ?", bind(*shipmentId), into(known), now;
    if (known == 0) {
      return Problem{ProblemCode::unknown_shipment, "shipment_id", "no shipment has id " + std::to_string(*shipmentId)};
    }
  } else {
    const auto candidates = shipmentsByReference(session, event.referenceKind, event.reference, event.carrierId);
    if (candidates.size() > 1) {
      return Problem{ProblemCode::ambiguous_reference, referenceKindName(event.referenceKind),
                     std::string(referenceKindName(event.referenceKind)) + " '" + event.reference + "' names " +
                         std::to_string(candidates.size()) + " shipments; the event needs its carrier or shipment"};
    }
    if (candidates.size() == 1) shipmentId = candidates.front();
  }

  // A carrier's resend reports the same event again: the natural key (migration 0018) makes it a
  // no-op, also when another transaction records it meanwhile.
  std::vector<std::int64_t> inserted;
  session << "INSERT INTO shipment_event (shipment_id, carrier_id, reference_kind, reference, event_time, city, "
             "region, country, code_list, status_code, reason_code, normalized_status, source_interchange_id, "
             "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING event_id",
      bind(nullable(shipmentId)), bind(nullable(event.carrierId)),
      bind(std::string(referenceKindName(event.referenceKind))), bind(event.reference), bind(event.eventTime),
      bind(nullable(event.city)), bind(nullable(event.region)), bind(nullable(event.country)),
      bind(std::string(statusCodeListName(event.codeList))), bind(event.statusCode), bind(nullable(event.reasonCode)),
      bind(std::string(shipmentStatusName(*normalized))), bind(nullable(event.sourceInterchangeId)),
      bind(store::currentTimestamp()), into(inserted), now;
  if (inserted.empty()) return RecordedEvent{sameEvent(session, event), shipmentId, *normalized, true};
  if (shipmentId) {
    refreshShipmentProgress(session, *shipmentId);
    refreshShipmentRollupsAtCommit(transaction, *shipmentId);
  }
  return RecordedEvent{inserted.front(), shipmentId, *normalized, false};
}

std::vector<StatusEvent> StatusEventLog::select(const std::string& where, std::optional<std::int64_t> parameter) {
  std::vector<std::int64_t> id;
  std::vector<Poco::Nullable<std::int64_t>> shipmentId, carrierId, interchangeId;
  std::vector<std::string> kind, reference, time, codeList, statusCode, normalized;
  std::vector<Poco::Nullable<std::string>> city, region, country, reasonCode;
  Poco::Data::Statement select(session_);
  select << "SELECT event_id, shipment_id, carrier_id, reference_kind, reference, event_time, city, region, country, "
            "code_list, status_code, reason_code, normalized_status, source_interchange_id FROM shipment_event " +
                where + " ORDER BY event_time, event_id";
  if (parameter) select, bind(*parameter);
  select, into(id), into(shipmentId), into(carrierId), into(kind), into(reference), into(time), into(city),
      into(region), into(country), into(codeList), into(statusCode), into(reasonCode), into(normalized),
      into(interchangeId);
  select.execute();
  std::vector<StatusEvent> events(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    StatusEvent& e = events[i];
    e.id = id[i];
    e.shipmentId = optional(shipmentId[i]);
    e.carrierId = optional(carrierId[i]);
    e.referenceKind = referenceKindFromName(kind[i]).value_or(ReferenceKind::pro_number);
    e.reference = reference[i];
    e.eventTime = time[i];
    e.city = optional(city[i]);
    e.region = optional(region[i]);
    e.country = optional(country[i]);
    e.codeList = statusCodeListFromName(codeList[i]).value_or(StatusCodeList::afterflow);
    e.statusCode = statusCode[i];
    e.reasonCode = optional(reasonCode[i]);
    e.normalizedStatus = shipmentStatusFromName(normalized[i]).value_or(ShipmentStatus::exception);
    e.sourceInterchangeId = optional(interchangeId[i]);
  }
  return events;
}

std::vector<StatusEvent> StatusEventLog::forShipment(std::int64_t shipmentId) {
  return select("WHERE shipment_id = ?", shipmentId);
}

std::vector<StatusEvent> StatusEventLog::unlinked() { return select("WHERE shipment_id IS NULL", std::nullopt); }

}  // namespace logistics
