// A carrier's answer to a load tender: it accepts or declines to move a shipment (X12 990).
// Kept as history per shipment, so who was offered what and who said yes can be read back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace logistics {

enum class TenderAction { accepted, declined };

const char* tenderActionName(TenderAction action);
std::optional<TenderAction> tenderActionFromName(const std::string& name);

struct TenderResponse {
  std::int64_t id = 0;  // assigned by the database
  std::int64_t shipmentId = 0;
  std::int64_t carrierId = 0;
  TenderAction action = TenderAction::accepted;
  std::string respondedAt;                        // ISO-8601 UTC
  std::optional<std::string> carrierReference;    // the shipment as the carrier named it
  std::optional<std::string> reason;              // why, when the carrier says (a decline)
  std::optional<std::int64_t> sourceInterchangeId;
};

}  // namespace logistics
