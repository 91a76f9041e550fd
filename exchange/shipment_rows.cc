#include "exchange/shipment_rows.h"

namespace exchange {

ShipmentRow shipmentRow(std::int64_t line, const csv::Record& record, const ShipmentColumns& columns,
                        const PartyCodes& parties) {
  ShipmentRow row;
  row.line = line;
  row.raw = std::string(record.raw);
  if (record.error) {
    row.malformed = record.error;
    return row;
  }
  auto shipment = shipmentFromRow(columns, record.fields, parties);
  if (shipment) {
    row.shipment = std::move(shipment.value());
  } else {
    row.problems = shipment.problems();
  }
  return row;
}

}  // namespace exchange
