#include "demo/freight_invoice_writer.h"

#include "demo/decimal_text.h"
#include "demo/edi_time.h"

namespace demo {

void writeFreightInvoice210(InterchangeBatch& batch, const PlannedShipment& s) {
  const Region& region = demoRegions()[s.region];
  // X12 amounts in the 210 carry two implied decimals: 125000 is 1250.00.
  const std::string amount = std::to_string(s.freightCents);
  exchange::SegmentWriter& w = batch.beginMessage("210");
  w.add("B3", {{}, {"INV-" + s.billOfLading.substr(4)}, {s.billOfLading}, {"PP"}, {}, {x12Date(*s.invoicedAt)},
               {amount}, {}, {x12Date(*s.delivered)}, {"035"}, {"FSTF"}});
  w.add("C3", {{"EUR"}});
  w.add("N9", {{"BM"}, {s.billOfLading}});
  w.add("N9", {{"CN"}, {s.proNumber}});
  w.add("G62", {{"86"}, {x12Date(s.shipped)}});
  w.add("N1", {{"SH"}, {"NORDWIND HAUSHALTSGERAETE"}, {"93"}, {"NORDWIND"}});
  w.add("N1", {{"CN"}, {region.consignee}, {"93"}, {region.consigneeId}});
  w.add("N4", {{region.city}, {}, {region.postalCode}, {region.country}});
  w.add("LX", {{"1"}});
  w.add("L5", {{"1"}, {"HOUSEHOLD APPLIANCES"}});
  w.add("L0", {{"1"}, {}, {}, {weightText(s.weightKg)}, {"G"}, {}, {}, {std::to_string(s.pieces())}, {"CTN"}});
  w.add("L1", {{"1"}, {amountText(s.freightCents)}, {"FR"}, {amount}});
  w.add("L3", {{weightText(s.weightKg)}, {"G"}, {}, {}, {amount}});
  batch.endMessage();
}

}  // namespace demo
