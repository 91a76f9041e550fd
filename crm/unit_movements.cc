#include "crm/unit_movements.h"

#include <map>
#include <utility>

namespace crm {

std::vector<UnitMovement> unitMovements(std::span<const Sale> sales, std::span<const std::size_t> recorded) {
  std::vector<UnitMovement> movements;
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> byUnit;
  for (const std::size_t s : recorded) {
    const Sale& sale = sales[s];
    for (std::size_t l = 0; l < sale.lines.size(); ++l) {
      const SaleLine& line = sale.lines[l];
      if (!line.sku || !line.serialNumber || line.serialNumber->empty()) continue;
      const auto [at, added] = byUnit.try_emplace({*line.sku, *line.serialNumber}, movements.size());
      if (added) movements.push_back({*line.sku, *line.serialNumber});
      UnitMovement& unit = movements[at->second];
      if (line.quantity > 0) {
        unit.sold = true;
        unit.sale = s;
        unit.line = l;
        unit.returned = false;  // sold again after a return: installed with the later sale
      } else {
        unit.returned = true;
      }
    }
  }
  return movements;
}

}  // namespace crm
