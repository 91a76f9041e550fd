// A batch of what a reader produced, handed to the ledger in one go: the sales with where each
// was read, and the rows or elements rejected while reading them.
#pragma once

#include "crm/sale.h"
#include "pos_import/sale_sink.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pos_import {

// What a reader produced between two hand-overs, in reading order: rejects first, then sales.
// The first `count` sales and locations are the batch's; the ones after are kept from earlier
// batches so their buffers are reused (a batch allocates little once the first has been read).
struct SaleBatch {
  std::vector<crm::Sale> sales;
  std::vector<std::string> locations;  // of each sale
  std::size_t count = 0;
  std::vector<Reject> rejects;
  std::uint64_t rows = 0;     // item lines of the sales, plus rejected rows or elements
  std::uint64_t skipped = 0;  // transactions read that are no sale

  std::span<const crm::Sale> batchSales() const { return std::span<const crm::Sale>(sales.data(), count); }
};

}  // namespace pos_import
