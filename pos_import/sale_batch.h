// A batch of what a reader produced, handed to the ledger in one go: the sales with where each
// was read, and the rows or elements rejected while reading them.
#pragma once

#include "crm/sale.h"
#include "pos_import/sale_sink.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pos_import {

// What a reader produced between two hand-overs, in reading order: rejects first, then sales.
struct SaleBatch {
  std::vector<crm::Sale> sales;
  std::vector<std::string> locations;  // of each sale
  std::vector<Reject> rejects;
  std::uint64_t rows = 0;     // item lines of the sales, plus rejected rows or elements
  std::uint64_t skipped = 0;  // transactions read that are no sale
};

}  // namespace pos_import
