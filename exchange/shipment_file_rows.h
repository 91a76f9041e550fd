// The rows of a shipment export file, read and converted on a thread of their own while the
// caller writes the rows before them: parsing (CSV, dates to UTC, exact money, UTF-8 checks) then
// runs on the machine's second core beside the database's work. Rows are handed over in chunks,
// in file order, through a bounded queue, so memory stays bounded whatever the file's size.
#pragma once

#include "exchange/shipment_rows.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace exchange {

class ShipmentFileRows : public ShipmentRowSource {
 public:
  // Reads on from where `reader` stands (after the header); `reader`, `columns` and `parties`
  // must outlive this object.
  ShipmentFileRows(csv::Reader& reader, const ShipmentColumns& columns, const PartyCodes& parties);
  // Stops the reading thread and waits for it (also when the caller gave up midway).
  ~ShipmentFileRows() override;

  ShipmentFileRows(const ShipmentFileRows&) = delete;
  ShipmentFileRows& operator=(const ShipmentFileRows&) = delete;

  // Rethrows what the reading thread threw (a read error).
  bool next(ShipmentRow& row) override;
  std::optional<std::string> fatalError() const override;

 private:
  void read();

  csv::Reader& reader_;
  const ShipmentColumns& columns_;
  const PartyCodes& parties_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<ShipmentRow>> chunks_;  // guarded by mutex_, as are the four below
  // Chunks the caller has read, holding the rows it was done with: the reader frees those and
  // fills the chunks again instead of growing a new vector of a megabyte for every thousand rows.
  std::vector<std::vector<ShipmentRow>> spare_;
  bool finished_ = false, stopping_ = false;
  std::exception_ptr failure_;
  std::optional<std::string> fatal_;  // written before finished_ is set, read after

  std::vector<ShipmentRow> current_;  // the caller's chunk
  std::size_t at_ = 0;
  std::thread thread_;
};

}  // namespace exchange
