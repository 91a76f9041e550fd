// Which after-sales records (returns, service cases, surveys, disposal records, sales) a
// client's report counts. A client is the manufacturer of its products (product.manufacturer_id):
// an RMA is the client's when one of its lines is a client product, a customer when it bought a
// client product before the period's end, a disposal record when its RMA is the client's.
// docs/KPI.md states the rule; without a client every record counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace reports {

struct AfterSalesScope {
  std::string start, end;  // the period's days, half-open: "2026-07-01", "2026-10-01"
  std::optional<std::int64_t> clientId;
  int lostAfterMonths = 12;  // a customer with no purchase for this long is lost
};

// SQL conditions to AND onto a query ("" without a client). The id and the period's end day
// (both ours, never user text) are written into the text, so the conditions bind nothing and
// compose in any order.
// The product in `productColumn` is the client's.
std::string clientProduct(const AfterSalesScope& scope, const std::string& productColumn);
// The RMA in `rmaColumn` has a line of a client product.
std::string clientRma(const AfterSalesScope& scope, const std::string& rmaColumn);
// The customer in `customerColumn`, or the customer it is merged with, bought a client product
// before the period's end. Looked up per row through sale_by_customer: cost in proportion to
// the rows it filters (a period's cases or answers), not to the sales.
std::string clientCustomer(const AfterSalesScope& scope, const std::string& customerColumn);

}  // namespace reports
