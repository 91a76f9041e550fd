// Internal to reports/: reads the result of a figures query, whether over the raw tables or the
// rollups. Both queries return the 17 sums of ShipmentFigures in declaration order (weight in
// grams), after the group's key.
#pragma once

#include "reports/shipment_figures.h"

#include <Poco/Data/RecordSet.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>

namespace reports {

// The sums as the database returns them: added up as integers, so that every way of adding
// (in SQL or here, over any grouping) gives the same figures.
using FigureSums = std::array<std::int64_t, 17>;

FigureSums figureSumsAt(Poco::Data::RecordSet& rows, std::size_t row, std::size_t firstColumn);
ShipmentFigures figuresOf(const FigureSums& sums);

// Rows of the group (column 0) and its sums (columns 1 to 17).
std::map<std::string, ShipmentFigures> figuresByGroup(Poco::Data::RecordSet& rows);

}  // namespace reports
