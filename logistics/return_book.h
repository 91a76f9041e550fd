// The rma, rma_line, rma_serial and rma_status_history tables: the one place that writes and
// reads return authorisations and moves them along their timeline.
#pragma once

#include "logistics/problem.h"
#include "logistics/return_authorization.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <optional>

namespace logistics {

class ReturnBook {
 public:
  // Reads run on `session`; writes on the session of the transaction they are given.
  explicit ReturnBook(Poco::Data::Session& session) : session_(session) {}

  // Opens an RMA at its first step, `requested` at requestedAt, with its lines and serial
  // numbers, in the caller's transaction. Refused without writing when a field is invalid, a
  // party, product or interchange is unknown, or the RMA number is taken.
  Result<std::int64_t> open(store::Transaction& transaction, const ReturnAuthorization& rma);

  // Moves the RMA to its next step at `at`. Expected failures, returned as values: an unknown
  // RMA, a step out of order (transition_not_allowed, naming the steps that would do), a time
  // before the previous step's (time_goes_backwards), disposition_decided without a disposition.
  // A disposition given with another step is refused: it is decided once, at its own step.
  Result<Done> advance(store::Transaction& transaction, std::int64_t rmaId, RmaStatus to, const std::string& at,
                       std::optional<Disposition> disposition = std::nullopt,
                       std::optional<std::string> note = std::nullopt);

  // The RMA with its lines, serial numbers and history.
  std::optional<ReturnAuthorization> find(std::int64_t id);
  std::optional<ReturnAuthorization> findByNumber(const std::string& rmaNumber);

 private:
  Poco::Data::Session& session_;
};

}  // namespace logistics
