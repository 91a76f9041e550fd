// What a batch of recorded sales does to the installed base, decided in the batch's own order:
// for each unit (SKU, serial) the last sale in the batch installs it, and a return after that
// sale takes it back. Only sales that are really recorded may take part (not refused ones, not
// those already known), so the installed base reflects exactly what was applied.
#pragma once

#include "crm/sale.h"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace crm {

struct UnitMovement {
  std::string_view sku, serial;
  // The sale and line that sold the unit last in the batch; none when the batch only returns it.
  bool sold = false;
  std::size_t sale = 0, line = 0;
  // A return of the unit comes after its last sale in the batch (or, unsold in the batch, any
  // return): the unit ends the batch returned.
  bool returned = false;
};

// One movement per unit the recorded sales (indexes into `sales`, in batch order) touch,
// in the order each unit first appears.
std::vector<UnitMovement> unitMovements(std::span<const Sale> sales, std::span<const std::size_t> recorded);

}  // namespace crm
