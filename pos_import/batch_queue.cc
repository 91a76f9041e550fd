#include "pos_import/batch_queue.h"

namespace pos_import {

void BatchQueue::push(SaleBatch&& batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return cancelled_ || batches_.size() < capacity_; });
  if (cancelled_) throw Cancelled();
  batches_.push_back(std::move(batch));
  changed_.notify_all();
}

std::optional<SaleBatch> BatchQueue::pop() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return closed_ || !batches_.empty(); });
  if (batches_.empty()) return std::nullopt;
  SaleBatch batch = std::move(batches_.front());
  batches_.pop_front();
  changed_.notify_all();
  return batch;
}

void BatchQueue::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  changed_.notify_all();
}

void BatchQueue::cancel() {
  std::lock_guard lock(mutex_);
  cancelled_ = true;
  batches_.clear();
  changed_.notify_all();
}

}  // namespace pos_import
