// The one place that writes sales: records POS transactions with their lines in the caller's
// transaction, links their customers (CustomerRegistry's rules), and keeps the installed base
// (serial-numbered units sold, with warranty end; units returned). Batches go set-based through
// staging tables, so a million rows cost a few statements, not a million round trips.
#pragma once

#include "crm/sale.h"
#include "store/transaction.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace crm {

// A sale the ledger would not record, by its index in the batch, and why.
struct SaleRefusal {
  std::size_t index = 0;
  std::string reason;
};

struct LedgerResult {
  std::uint64_t recorded = 0;
  std::uint64_t alreadyKnown = 0;  // source key recorded before, or repeated in the batch
  std::uint64_t customersCreated = 0;
  std::uint64_t unitsInstalled = 0;  // serial-numbered lines sold (new units or units sold again)
  std::uint64_t unitsReturned = 0;   // installed units marked returned
  std::vector<SaleRefusal> refused;

  void add(const LedgerResult& other);
};

// Why the ledger would refuse `sale` (a missing key, a malformed day, a serial on a line of
// several units...), or empty when it can be recorded. Readers call it to reject early.
std::optional<std::string> checkSale(const Sale& sale);

class SalesLedger {
 public:
  explicit SalesLedger(store::Transaction& transaction);

  // Records the sales not yet known by source key; refused ones are listed, never half-written.
  // A sale names no customer unless it carries a loyalty id, e-mail or phone; one that does is
  // matched (loyalty id, then e-mail key, then phone key, through merges) or created.
  LedgerResult record(std::span<const Sale> sales, std::optional<std::int64_t> importRunId = std::nullopt);
  LedgerResult record(const Sale& sale) { return record(std::span<const Sale>(&sale, 1)); }

 private:
  void prepareStaging();
  void resolveCustomers(std::span<const Sale> sales, LedgerResult& result);

  store::Transaction& transaction_;
  Poco::Data::Session& session_;
  bool sqlite_;
};

}  // namespace crm
