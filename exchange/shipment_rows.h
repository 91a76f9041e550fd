// The rows of a shipment import as the apply takes them: each with its line and its raw text as
// read (what a reject quotes), and the shipment it converted to or why it did not. A source gives
// them in line order: a file (exchange/shipment_file_rows.h) or a run's stored rejects (replay).
#pragma once

#include "csv/reader.h"
#include "exchange/shipment_csv.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace exchange {

struct ShipmentRow {
  std::int64_t line = 0;
  std::string raw;
  std::optional<std::string> malformed;  // the record breaks the CSV format: why
  std::optional<logistics::Shipment> shipment;
  std::vector<logistics::Problem> problems;  // why there is no shipment, when the record is well-formed
};

// `record` (fields and raw text, valid until the reader moves on) as a row of line `line`.
ShipmentRow shipmentRow(std::int64_t line, const csv::Record& record, const ShipmentColumns& columns,
                        const PartyCodes& parties);

class ShipmentRowSource {
 public:
  virtual ~ShipmentRowSource() = default;
  // The next row; false at the end, or when reading stopped early (fatalError() says why).
  virtual bool next(ShipmentRow& row) = 0;
  virtual std::optional<std::string> fatalError() const = 0;
};

}  // namespace exchange
