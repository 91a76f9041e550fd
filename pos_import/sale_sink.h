// What every POS reader hands its results to: sales as they are read (with where they were),
// rejected rows or elements with their location and reason, and how far into the file it is.
// Readers never touch the database; the importer behind the sink batches and records.
#pragma once

#include "crm/sale.h"

#include <cstdint>
#include <string>

namespace pos_import {

struct Reject {
  std::string location;  // "line 12", "element /POSLog/Transaction[3] (line 40)", "segment 14 (line 14)"
  std::string reason;
  std::string raw;       // the row or element as read, when short enough to keep
};

class SaleSink {
 public:
  virtual ~SaleSink() = default;
  // Takes the sale; `sale` may come back holding an earlier sale's storage (its lines' and
  // texts' buffers), which a reader that builds the next sale in it reuses after clearing it.
  virtual void sale(crm::Sale&& sale, std::string location) = 0;
  virtual void reject(Reject reject) = 0;
  // A transaction the reader read but that is no sale (a POSLog control transaction, a voided one).
  virtual void skipped() = 0;
  virtual void progress(std::uint64_t bytesRead) = 0;
};

}  // namespace pos_import
