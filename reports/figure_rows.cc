#include "reports/figure_rows.h"

namespace reports {

std::map<std::string, ShipmentFigures> figuresByGroup(Poco::Data::RecordSet& rows) {
  // Sums of nothing are NULL; integer sums may arrive as NUMERIC on PostgreSQL: converted here.
  const auto integer = [&rows](std::size_t column, std::size_t row) -> std::int64_t {
    const Poco::Dynamic::Var& v = rows.value(column, row);
    return v.isEmpty() ? 0 : v.convert<std::int64_t>();
  };
  std::map<std::string, ShipmentFigures> out;
  for (std::size_t r = 0; r < rows.rowCount(); ++r) {
    ShipmentFigures f;
    f.shipments = integer(1, r);
    f.pieces = integer(2, r);
    f.weightKg = static_cast<double>(integer(3, r)) / 1000.0;
    f.freightCostCents = integer(4, r);
    f.delivered = integer(5, r);
    f.deliveredWithPromise = integer(6, r);
    f.deliveredOnTime = integer(7, r);
    f.withPlannedShipDate = integer(8, r);
    f.shippedOnTime = integer(9, r);
    f.received = integer(10, r);
    f.receivedAccurate = integer(11, r);
    f.linesReceived = integer(12, r);
    f.linesAccurate = integer(13, r);
    f.withAccident = integer(14, r);
    f.onTimeInFull = integer(15, r);
    f.transitHoursSum = static_cast<double>(integer(16, r));  // whole hours
    f.transitCount = integer(17, r);
    out[rows.value(0, r).convert<std::string>()] = f;
  }
  return out;
}

}  // namespace reports
