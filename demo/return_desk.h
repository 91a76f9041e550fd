// What the service centre does with a returned unit once its RMA is open: it arrives, is
// inspected, its disposition is decided (restock, refurbish, repair, return to vendor,
// recycle, dispose) and the RMA is closed, each step dated, through logistics::ReturnBook.
// No partner document carries these steps: they are the centre's own work.
#pragma once

#include "demo/year_plan.h"
#include "store/database.h"

#include <string>
#include <vector>

namespace demo {

// All in one transaction, kept only when every step of every RMA was accepted; refusals are
// returned as lines naming the RMA, the step and the reason.
std::vector<std::string> workThroughReturns(store::Database& database, const std::vector<const PlannedReturn*>& returns);

}  // namespace demo
