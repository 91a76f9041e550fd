// The tender_response table: the one place that writes and reads carriers' answers to load
// tenders. A shipment's answers are kept in order; none is overwritten.
#pragma once

#include "logistics/problem.h"
#include "logistics/tender_response.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <vector>

namespace logistics {

class TenderBook {
 public:
  // Reads run on `session`; writes on the session of the transaction they are given.
  explicit TenderBook(Poco::Data::Session& session) : session_(session) {}

  // Records one answer in the caller's transaction and returns its id. Refused without writing
  // when the time is not a stored timestamp, the shipment or interchange is unknown, or the
  // carrier is not a party holding the carrier role.
  Result<std::int64_t> record(store::Transaction& transaction, const TenderResponse& response);

  // The shipment's answers, oldest first.
  std::vector<TenderResponse> forShipment(std::int64_t shipmentId);

 private:
  Poco::Data::Session& session_;
};

}  // namespace logistics
