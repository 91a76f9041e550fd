#include "reports/figure_rows.h"

namespace reports {

FigureSums figureSumsAt(Poco::Data::RecordSet& rows, std::size_t row, std::size_t firstColumn) {
  FigureSums sums{};
  for (std::size_t i = 0; i < sums.size(); ++i) {
    // Sums of nothing are NULL; integer sums may arrive as NUMERIC on PostgreSQL: converted here.
    const Poco::Dynamic::Var& v = rows.value(firstColumn + i, row);
    sums[i] = v.isEmpty() ? 0 : v.convert<std::int64_t>();
  }
  return sums;
}

ShipmentFigures figuresOf(const FigureSums& s) {
  ShipmentFigures f;
  f.shipments = s[0];
  f.pieces = s[1];
  f.weightKg = static_cast<double>(s[2]) / 1000.0;
  f.freightCostCents = s[3];
  f.delivered = s[4];
  f.deliveredWithPromise = s[5];
  f.deliveredOnTime = s[6];
  f.withPlannedShipDate = s[7];
  f.shippedOnTime = s[8];
  f.received = s[9];
  f.receivedAccurate = s[10];
  f.linesReceived = s[11];
  f.linesAccurate = s[12];
  f.withAccident = s[13];
  f.onTimeInFull = s[14];
  f.transitHoursSum = static_cast<double>(s[15]);  // whole hours
  f.transitCount = s[16];
  return f;
}

std::map<std::string, ShipmentFigures> figuresByGroup(Poco::Data::RecordSet& rows) {
  std::map<std::string, ShipmentFigures> out;
  for (std::size_t r = 0; r < rows.rowCount(); ++r) {
    out[rows.value(0, r).convert<std::string>()] = figuresOf(figureSumsAt(rows, r, 1));
  }
  return out;
}

}  // namespace reports
