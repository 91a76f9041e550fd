// Service cases from opening to resolution: the one place that writes service_case. Each step
// is checked before anything is written (responding to a case that is resolved, resolving twice,
// a step dated before the one it follows are refusals, as values), in the caller's transaction.
#pragma once

#include "crm/result.h"
#include "crm/service_case.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <string>
#include <vector>

namespace crm {

struct CaseOpening {
  std::string customerCode;
  CaseKind kind = CaseKind::inquiry;
  std::optional<std::string> serialNumber, summary;
  std::string openedAt;  // stored timestamp form (calendar.h storedTimestamp)
};

struct CaseFilter {
  std::optional<std::string> customerCode;  // its cases and those of customers merged into it
  std::optional<CaseKind> kind;
  bool openOnly = false;        // not resolved
  bool outsideSlaOnly = false;  // a target missed or overdue at the listing's time
};

class CaseBook {
 public:
  explicit CaseBook(Poco::Data::Session& session) : session_(session) {}

  // Copies the SLA targets of the tier of the customer that stands for `customerCode` (the
  // survivor when it is merged away) and this kind. Refused: unknown code, not a customer.
  Result<ServiceCase> open(store::Transaction& transaction, const CaseOpening& opening);
  // The first response. Refused: unknown case, responded or resolved already, before opening.
  Result<ServiceCase> respond(store::Transaction& transaction, const std::string& number, const std::string& at);
  // Resolution with the remedial action taken (required: what was done is the point of the
  // record). A case resolved without a separate response counts the resolution as its first
  // response. Refused: unknown case, resolved already, before opening or the first response.
  Result<ServiceCase> resolve(store::Transaction& transaction, const std::string& number, const std::string& at,
                              const std::string& remedialAction);

  std::optional<ServiceCase> find(const std::string& number);
  // By opening time, then number. Refused: unknown customer code.
  Result<std::vector<ServiceCase>> list(const CaseFilter& filter, const std::string& at);

 private:
  std::vector<ServiceCase> select(Poco::Data::Session& session, const std::string& where, const std::string& key);
  // The case locked for the step (PostgreSQL FOR UPDATE), or unknown_case.
  Result<ServiceCase> forStep(Poco::Data::Session& session, const std::string& number);

  Poco::Data::Session& session_;
};

}  // namespace crm
