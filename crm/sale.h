// A POS transaction as every source (CSV, POSLog, X12 852, SLSRPT) reduces to it before the
// sales ledger records it: header facts, the customer as the source names it, and its lines.
#pragma once

#include "crm/customer_registry.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

// Returned goods are lines with a negative quantity and amount, as POS systems write them: a
// transaction may mix sales and returns (an exchange).
struct SaleLine {
  std::optional<std::string> sku, description, serialNumber, returnReason, disposalMethod;
  double quantity = 0;
  std::optional<std::int64_t> unitPriceCents, costCents;
  std::int64_t amountCents = 0;
};

struct Sale {
  std::string sourceKey;     // unique across files: a transaction is never recorded twice
  std::string sourceFormat;  // csv, poslog, x12-852, slsrpt
  std::string kind = "sale";  // sale, or return when every line is a return
  std::optional<std::string> storeCode, workstation, operatorId;
  std::string businessDay;   // YYYY-MM-DD
  std::string occurredAt;    // ISO-8601 UTC with milliseconds (store/timestamp.h)
  CustomerCandidate customer;
  std::string currency = "EUR";
  std::int64_t totalCents = 0;
  std::vector<SaleLine> lines;
};

}  // namespace crm
