// What every POS reader hands its results to: sales as they are read (with where they were),
// rejected rows or elements with their location, reason and text, and how far into the file it is.
// Readers never touch the database; the importer behind the sink batches and records.
#pragma once

#include "crm/sale.h"

#include <cstdint>
#include <string>

namespace pos_import {

// A reject's raw text is kept up to this size: a CSV row, a POSLog Transaction element, EDI
// segments. Large enough for any real row or transaction to be kept whole (and so written out
// again for a fix); the cap only bounds what a broken file can pile into memory and the database.
constexpr std::size_t kMaxRawKept = 64 * 1024;

struct Reject {
  std::string location;  // "line 12", "element /POSLog/Transaction[3] (line 40)", "segment 14 (line 14)"
  std::string reason;
  std::string raw;       // the row, element or segments exactly as in the file (bytes, any encoding)
  // The raw text as a person reads it, when that differs from the bytes (a Latin-1 row decoded
  // by its mapping); empty: the bytes are the text.
  std::string readable;
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
  // A CSV file's header record, exactly as read: kept with the run, so its refused rows can be
  // written out again as a file the same mapping reads.
  virtual void header(const std::string& raw) = 0;
  virtual void progress(std::uint64_t bytesRead) = 0;
};

}  // namespace pos_import
