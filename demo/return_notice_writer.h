// Returns as partners announce them: a dealer's X12 180 for a customer's return it authorized
// (RDR RA, its reason, the customer, the unit and its serial number) and the recycler's
// EDIFACT RETANN for an old appliance collected at the end of its life
// (exchange/return_mapping reads both; tests/exchange/fixtures/dealer_180.edi, recycler_retann.edi).
#pragma once

#include "demo/interchange_batch.h"
#include "demo/year_plan.h"

#include <optional>
#include <string>

namespace demo {

// `customerCode`: the party code of the customer, when the return names one.
void writeReturn180(InterchangeBatch& batch, const PlannedReturn& r, const std::optional<std::string>& customerCode);
void writeRetann(InterchangeBatch& batch, const PlannedReturn& r, const std::optional<std::string>& customerCode);

}  // namespace demo
