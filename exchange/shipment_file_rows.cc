#include "exchange/shipment_file_rows.h"

namespace exchange {
namespace {

// Rows per chunk and chunks in flight: enough to keep both threads busy, a few MB at most.
constexpr std::size_t kChunkRows = 1024;
constexpr std::size_t kChunksAhead = 8;

}  // namespace

ShipmentFileRows::ShipmentFileRows(csv::Reader& reader, const ShipmentColumns& columns, const PartyCodes& parties)
    : reader_(reader), columns_(columns), parties_(parties), thread_([this] { read(); }) {}

ShipmentFileRows::~ShipmentFileRows() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ShipmentFileRows::read() {
  try {
    csv::Record record;
    std::vector<ShipmentRow> chunk;
    auto handOver = [&] {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || chunks_.size() < kChunksAhead; });
      if (stopping_) return false;
      chunks_.push_back(std::move(chunk));
      chunk.clear();
      if (!spare_.empty()) {
        chunk = std::move(spare_.back());
        spare_.pop_back();
      }
      changed_.notify_all();
      lock.unlock();
      chunk.clear();  // the rows the caller swapped in: their memory is freed on this thread
      chunk.reserve(kChunkRows);
      return true;
    };
    chunk.reserve(kChunkRows);
    bool more = true;
    while (more && reader_.next(record)) {
      chunk.push_back(shipmentRow(static_cast<std::int64_t>(record.line), record, columns_, parties_));
      if (chunk.size() == kChunkRows) more = handOver();
    }
    if (more && !chunk.empty()) handOver();
    std::lock_guard<std::mutex> lock(mutex_);
    fatal_ = reader_.fatalError();
    finished_ = true;
  } catch (...) {
    // Handed to the caller's thread, which rethrows it from next().
    std::lock_guard<std::mutex> lock(mutex_);
    failure_ = std::current_exception();
    finished_ = true;
  }
  changed_.notify_all();
}

bool ShipmentFileRows::next(ShipmentRow& row) {
  if (at_ == current_.size()) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return !chunks_.empty() || finished_; });
    if (chunks_.empty()) {
      if (failure_) std::rethrow_exception(failure_);
      return false;
    }
    // Handed back full of the caller's spent rows (next() swaps them in), for the reading thread
    // to free: the writing thread, the bottleneck, frees nothing of the rows.
    if (current_.capacity() > 0) spare_.push_back(std::move(current_));
    current_ = std::move(chunks_.front());
    chunks_.pop_front();
    at_ = 0;
    changed_.notify_all();
  }
  std::swap(row, current_[at_++]);
  return true;
}

std::optional<std::string> ShipmentFileRows::fatalError() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return fatal_;
}

}  // namespace exchange
