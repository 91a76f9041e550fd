// A small directory of parties and products so a fresh installation has something to show:
// a manufacturer, its dealers, a logistics client, carriers, a recycler and a few customers.
#pragma once

#include "store/database.h"

namespace crm {

struct SampleLoadOutcome {
  int partiesAdded = 0;
  int productsAdded = 0;
};

// Adds what is missing (matched by party code and SKU); loading twice adds nothing.
SampleLoadOutcome loadSampleDirectory(store::Database& database);

}  // namespace crm
