#include "logistics/tender_book.h"

#include "logistics/column_values.h"
#include "logistics/record_checks.h"
#include "store/timestamp.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace logistics {

Result<std::int64_t> TenderBook::record(store::Transaction& transaction, const TenderResponse& response) {
  Poco::Data::Session& session = writeSession(transaction);
  std::vector<Problem> problems;
  RecordChecks::timestamp(response.respondedAt, true, "responded_at", problems);
  int shipmentKnown = 0;
  session << "SELECT count(*) FROM shipment WHERE shipment_id = ?", bind(response.shipmentId), into(shipmentKnown),
      now;
  if (shipmentKnown == 0) {
    problems.push_back({ProblemCode::unknown_shipment, "shipment_id",
                        "no shipment has id " + std::to_string(response.shipmentId)});
  }
  RecordChecks checks(session);
  if (response.carrierId == 0) {
    problems.push_back({ProblemCode::missing_field, "carrier", "a tender is answered by a carrier"});
  } else {
    checks.partyWithRole(response.carrierId, "carrier", "carrier", problems);
  }
  checks.interchange(response.sourceInterchangeId, problems);
  if (!problems.empty()) return problems;

  std::vector<std::int64_t> inserted;
  session << "INSERT INTO tender_response (shipment_id, carrier_id, action, responded_at, carrier_reference, reason, "
             "source_interchange_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING tender_response_id",
      bind(response.shipmentId), bind(response.carrierId), bind(std::string(tenderActionName(response.action))),
      bind(response.respondedAt), bind(nullable(response.carrierReference)), bind(nullable(response.reason)),
      bind(nullable(response.sourceInterchangeId)), bind(store::currentTimestamp()), into(inserted), now;
  return inserted.front();
}

std::vector<TenderResponse> TenderBook::forShipment(std::int64_t shipmentId) {
  std::vector<std::int64_t> id, carrierId;
  std::vector<std::string> action, respondedAt;
  std::vector<Poco::Nullable<std::string>> reference, reason;
  std::vector<Poco::Nullable<std::int64_t>> interchangeId;
  session_ << "SELECT tender_response_id, carrier_id, action, responded_at, carrier_reference, reason, "
              "source_interchange_id FROM tender_response WHERE shipment_id = ? "
              "ORDER BY responded_at, tender_response_id",
      bind(shipmentId), into(id), into(carrierId), into(action), into(respondedAt), into(reference), into(reason),
      into(interchangeId), now;
  std::vector<TenderResponse> responses;
  for (std::size_t i = 0; i < id.size(); ++i) {
    responses.push_back({id[i], shipmentId, carrierId[i], tenderActionFromName(action[i]).value_or(TenderAction::declined),
                         respondedAt[i], optional(reference[i]), optional(reason[i]), optional(interchangeId[i])});
  }
  return responses;
}

}  // namespace logistics
