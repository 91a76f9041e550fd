// Hands batches of read sales from the reader's thread to the one that writes them, so the next
// batch is parsed on the second core while the database takes the current one. Bounded: the
// reader waits when the writer is a batch behind, so memory stays a few batches whatever the file.
#pragma once

#include "crm/sale.h"
#include "pos_import/sale_sink.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
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

class BatchQueue {
 public:
  // Thrown in the reader's thread by push() once the writer gave up: unwinds the reader.
  struct Cancelled : std::runtime_error {
    Cancelled() : std::runtime_error("import cancelled by the writer") {}
  };

  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}

  void push(SaleBatch&& batch);
  // The next batch, or empty once the reader closed the queue and every batch was taken.
  std::optional<SaleBatch> pop();
  void close();   // the reader is done
  void cancel();  // the writer failed: push() throws from now on

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<SaleBatch> batches_;
  std::size_t capacity_;
  bool closed_ = false, cancelled_ = false;
};

}  // namespace pos_import
