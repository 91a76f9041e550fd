// A return authorisation (RMA): what a customer sends back through a dealer, why, the steps it
// goes through from request to closing, and what is decided about the goods (disposition).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace logistics {

enum class RmaStatus { requested, authorized, in_transit, received, inspected, disposition_decided, closed };
enum class Disposition { restock, refurbish, repair, return_to_vendor, recycle, dispose };

const char* rmaStatusName(RmaStatus status);
std::optional<RmaStatus> rmaStatusFromName(const std::string& name);
const char* dispositionName(Disposition disposition);
std::optional<Disposition> dispositionFromName(const std::string& name);

// Whether an RMA may go from one step to the next. The timeline runs requested -> authorized ->
// in_transit -> received -> inspected -> disposition_decided -> closed; goods brought to the
// dealer skip in_transit (authorized -> received), and a request that is refused or an
// authorisation never used is closed early (requested/authorized -> closed). Nothing goes back.
bool rmaTransitionAllowed(RmaStatus from, RmaStatus to);
// The steps allowed after `from`, for messages that say what would have been accepted.
std::vector<RmaStatus> rmaNextSteps(RmaStatus from);

struct RmaLine {
  int lineNo = 0;  // 1, 2, ... unique within the RMA
  std::optional<std::int64_t> productId;
  std::optional<std::string> sku, description;
  double quantity = 1;
  std::string unit = "units";
  std::vector<std::string> serialNumbers;
};

struct RmaStep {
  RmaStatus status = RmaStatus::requested;
  std::string changedAt;  // ISO-8601 UTC
  std::optional<std::string> note;
};

struct ReturnAuthorization {
  std::int64_t id = 0;     // assigned by the database
  std::string rmaNumber;   // unique
  std::optional<std::int64_t> customerId, dealerId;
  std::optional<std::string> reasonCode, reason;
  std::string requestedAt;  // ISO-8601 UTC: the time of the first step, `requested`
  std::optional<std::int64_t> sourceInterchangeId;
  std::vector<RmaLine> lines;
  // Read back: the latest step, the decided disposition, and every step in order.
  RmaStatus status = RmaStatus::requested;
  std::optional<Disposition> disposition;
  std::vector<RmaStep> history;
};

}  // namespace logistics
