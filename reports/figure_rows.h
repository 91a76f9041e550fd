// Internal to reports/: reads the result of a figures query, whether over the raw tables or the
// rollups. Both queries return the same columns: the group, then the 17 sums of ShipmentFigures
// in declaration order (weight in grams).
#pragma once

#include "reports/shipment_figures.h"

#include <Poco/Data/RecordSet.h>

#include <map>
#include <string>

namespace reports {

std::map<std::string, ShipmentFigures> figuresByGroup(Poco::Data::RecordSet& rows);

}  // namespace reports
