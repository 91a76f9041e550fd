#include "demo/return_desk.h"

#include "demo/edi_time.h"
#include "logistics/return_book.h"
#include "store/transaction.h"

#include <Poco/Timespan.h>

namespace demo {

std::vector<std::string> workThroughReturns(store::Database& database, const std::vector<const PlannedReturn*>& returns) {
  using logistics::RmaStatus;
  std::vector<std::string> problems;
  Poco::Data::Session session = database.session();
  logistics::ReturnBook book(session);
  const auto hours = [](int n) { return Poco::Timespan(0, n, 0, 0, 0); };
  store::Transaction transaction(session);
  for (const PlannedReturn* r : returns) {
    const auto rma = book.findByNumber(r->rmaNumber);
    if (!rma) {
      problems.push_back(r->rmaNumber + ": not opened by its return notice");
      continue;
    }
    struct Step {
      RmaStatus to;
      Poco::DateTime at;
    };
    std::vector<Step> steps;
    // A dealer's 180 arrives authorized; the recycler's announcement is authorized by us.
    if (rma->status == RmaStatus::requested) steps.push_back({RmaStatus::authorized, r->requestedAt + hours(2)});
    steps.push_back({RmaStatus::in_transit, r->requestedAt + hours(26)});
    steps.push_back({RmaStatus::received, r->receivedAt});
    steps.push_back({RmaStatus::inspected, r->receivedAt + hours(20)});
    steps.push_back({RmaStatus::disposition_decided, r->decidedAt});
    steps.push_back({RmaStatus::closed, r->decidedAt + hours(4)});
    for (const Step& step : steps) {
      const auto disposition = step.to == RmaStatus::disposition_decided ? logistics::dispositionFromName(r->disposition)
                                                                         : std::nullopt;
      const auto advanced = book.advance(transaction, rma->id, step.to, storedTime(step.at), disposition);
      if (!advanced) {
        problems.push_back(r->rmaNumber + " to " + logistics::rmaStatusName(step.to) + ": " + advanced.describe());
        break;
      }
    }
  }
  if (problems.empty()) transaction.commit();
  return problems;
}

}  // namespace demo
