#include "demo/ship_notice_writer.h"

#include "demo/decimal_text.h"
#include "demo/edi_time.h"

namespace demo {

const char* carrierScac(Carrier carrier) { return carrier == Carrier::road ? "FSTF" : "BLTR"; }

void writeShipNotice856(InterchangeBatch& batch, const PlannedShipment& s) {
  const Region& region = demoRegions()[s.region];
  exchange::SegmentWriter& w = batch.beginMessage("856");
  w.add("BSN", {{"00"}, {s.shipNotice}, {x12Date(s.shipped)}, {x12Time(s.shipped)}});
  w.add("DTM", {{"011"}, {x12Date(s.shipped)}, {x12Time(s.shipped)}});
  w.add("DTM", {{"017"}, {x12Date(s.promised)}});
  w.add("DTM", {{"010"}, {x12Date(s.plannedShip)}});
  w.add("HL", {{"1"}, {}, {"S"}});
  w.add("TD1", {{"CTN25"}, {std::to_string(s.pieces())}, {}, {}, {}, {"G"}, {weightText(s.weightKg)}, {"KG"}});
  w.add("TD5", {{"B"}, {"2"}, {carrierScac(s.carrier)}, {s.carrier == Carrier::road ? "M" : "R"}});
  w.add("REF", {{"BM"}, {s.billOfLading}});
  if (!s.proNumber.empty()) w.add("REF", {{"CN"}, {s.proNumber}});
  w.add("N1", {{"SF"}, {"NORDWIND ZENTRALLAGER"}, {"92"}, {"WH-HH"}});
  w.add("N4", {{"HAMBURG"}, {"HH"}, {"20457"}, {"DE"}});
  w.add("N1", {{"ST"}, {region.consignee}, {"92"}, {region.consigneeId}});
  w.add("N4", {{region.city}, {region.code}, {region.postalCode}, {region.country}});
  w.add("HL", {{"2"}, {"1"}, {"O"}});
  w.add("PRF", {{"PO-" + s.billOfLading.substr(4)}});
  int hl = 2;
  for (const PlannedLine& line : s.lines) {
    w.add("HL", {{std::to_string(++hl)}, {"2"}, {"I"}});
    w.add("LIN", {{}, {"BP"}, {line.sku}});
    w.add("SN1", {{}, {std::to_string(line.quantity)}, {"EA"}});
  }
  batch.endMessage();
}

void writeDesadv(InterchangeBatch& batch, const PlannedShipment& s) {
  const Region& region = demoRegions()[s.region];
  exchange::SegmentWriter& w = batch.beginMessage("DESADV");
  w.add("BGM", {{"351"}, {s.shipNotice}, {"9"}});
  w.add("DTM", {{"137", edifactDay(s.shipped), "102"}});
  w.add("DTM", {{"11", edifactTime(s.shipped), "203"}});
  w.add("DTM", {{"17", edifactDay(s.promised), "102"}});
  w.add("MEA", {{"PD"}, {"AAB"}, {"KGM", weightText(s.weightKg)}});
  w.add("RFF", {{"BM", s.billOfLading}});
  w.add("NAD", {{"CZ"}, {"4012345000009", "", "9"}, {}, {"NORDWIND ZENTRALLAGER"}, {"HAFENSTR. 1"}, {"HAMBURG"},
                {"HH"}, {"20457"}, {"DE"}});
  w.add("NAD", {{"CN"}, {region.consigneeId, "", "92"}, {}, {region.consignee}, {"HAUPTSTR. 1"}, {region.city},
                {region.code}, {region.postalCode}, {region.country}});
  w.add("TDT", {{"20"}, {}, {s.carrier == Carrier::road ? "3" : "2"}, {}, {carrierScac(s.carrier), "172", "ZZZ"}});
  w.add("CPS", {{"1"}});
  w.add("PAC", {{std::to_string(s.pieces())}, {}, {"CT"}});
  int n = 0;
  for (const PlannedLine& line : s.lines) {
    w.add("LIN", {{std::to_string(++n)}, {}, {line.sku, "SA"}});
    w.add("QTY", {{"12", std::to_string(line.quantity), "PCE"}});
  }
  batch.endMessage();
}

}  // namespace demo
