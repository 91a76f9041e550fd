// The one place that writes sales: records POS transactions with their lines in the caller's
// transaction, links their customers (CustomerRegistry's rules), and keeps the installed base
// (serial-numbered units sold, with warranty end; units returned). A batch costs a few
// statements: its names (keys, stores, SKUs, customers) are looked up together, sale ids are
// assigned in the batch, and sales and lines go straight into their tables.
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

  // Records the sales not yet known by source key, in batch order; refused ones are listed,
  // never half-written. A sale names no customer unless it carries a loyalty id, e-mail or
  // phone; one that does is recorded under the party CustomerRegistry::identify finds (not the
  // survivor of a merge, so an unmerge takes the sale back with it), or a new customer.
  LedgerResult record(std::span<const Sale> sales, std::optional<std::int64_t> importRunId = std::nullopt);
  LedgerResult record(const Sale& sale) { return record(std::span<const Sale>(&sale, 1)); }

 private:
  struct Names;
  void prepareStaging();
  Names lookUp(std::span<const Sale> sales, std::span<const std::size_t> candidates);
  void createCustomers(std::span<const Sale> sales, std::span<const std::size_t> recorded, Names& names,
                       LedgerResult& result);
  std::vector<std::int64_t> allocateSaleIds(std::size_t count);
  void keepInstalledBase(std::span<const Sale> sales, std::span<const std::size_t> recorded,
                         std::span<const std::int64_t> saleIds, const Names& names, LedgerResult& result);

  store::Transaction& transaction_;
  Poco::Data::Session& session_;
  bool sqlite_;
};

}  // namespace crm
