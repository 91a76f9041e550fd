// A carrier's freight invoice for a shipment (X12 210): what the move costs. The shipment's
// freight cost is that of its latest invoice; every invoice is kept so corrections can be traced.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace logistics {

struct FreightInvoice {
  std::int64_t id = 0;  // assigned by the database
  std::int64_t shipmentId = 0;
  std::int64_t carrierId = 0;
  std::string invoiceNumber;             // the carrier's number, unique per carrier
  std::int64_t amountCents = 0;
  std::string currency;                  // ISO 4217
  std::optional<std::string> invoiceDate;  // ISO-8601 UTC
  std::optional<std::int64_t> sourceInterchangeId;
};

}  // namespace logistics
