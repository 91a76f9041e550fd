// The stores' till exports of the demo's sales: the vendor-a CSV layout
// (schemas/pos-mappings/vendor-a.ini) and ARTS POSLog 6 XML, as pos_import reads them.
#pragma once

#include "demo/year_plan.h"

#include <string>
#include <vector>

namespace demo {

std::string salesCsv(const std::vector<const PlannedSale*>& sales);
std::string salesPoslog(const std::vector<const PlannedSale*>& sales);

}  // namespace demo
