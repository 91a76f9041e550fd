// Which customer the POS import made of each loyalty card: the party code the demo's returns,
// service cases and surveys name them by, read from the customer directory.
#pragma once

#include "store/database.h"

#include <map>
#include <string>

namespace demo {

std::map<std::string, std::string> customerCodesByLoyaltyId(store::Database& database);

}  // namespace demo
