#include "demo/receipt_advice_writer.h"

#include "demo/edi_time.h"

namespace demo {
namespace {

// X12 W1703 holds at most 12 characters: "RCV", the year's last two digits and the shipment's
// six ("BOL-2025-000123" gives "RCV25000123"), unique across the demo's years.
std::string receiptNumber(const PlannedShipment& s) { return "RCV" + s.billOfLading.substr(6, 2) + s.billOfLading.substr(9); }

}  // namespace

void writeReceipt944(InterchangeBatch& batch, const PlannedShipment& s) {
  const Region& region = demoRegions()[s.region];
  const Poco::DateTime& at = *s.receivedAt;
  exchange::SegmentWriter& w = batch.beginMessage("944");
  w.add("W17", {{"F"}, {x12Date(at)}, {receiptNumber(s)}, {"PO-" + s.billOfLading.substr(4)}, {s.shipNotice}});
  w.add("N1", {{"WH"}, {region.consignee}, {"92"}, {region.consigneeId}});
  w.add("G62", {{"09"}, {x12Date(at)}, {"8"}, {x12Time(at)}});
  int total = 0;
  for (const PlannedLine& line : s.lines) {
    w.add("W07", {{std::to_string(line.received)}, {"EA"}, {}, {"BP"}, {line.sku}});
    if (line.damaged > 0) w.add("W13", {{std::to_string(line.damaged)}, {"EA"}, {"01"}});
    total += line.received;
  }
  w.add("W14", {{std::to_string(total)}});
  batch.endMessage();
}

void writeRecadv(InterchangeBatch& batch, const PlannedShipment& s) {
  const Region& region = demoRegions()[s.region];
  const Poco::DateTime& at = *s.receivedAt;
  exchange::SegmentWriter& w = batch.beginMessage("RECADV");
  w.add("BGM", {{"632"}, {receiptNumber(s)}, {"9"}});
  w.add("DTM", {{"137", edifactDay(at), "102"}});
  w.add("DTM", {{"50", edifactTime(at), "203"}});
  w.add("RFF", {{"AAK", s.shipNotice}});
  w.add("NAD", {{"DP"}, {region.consigneeId, "", "92"}, {}, {region.consignee}});
  w.add("CPS", {{"1"}});
  int n = 0;
  for (const PlannedLine& line : s.lines) {
    w.add("LIN", {{std::to_string(++n)}, {}, {line.sku, "SA"}});
    w.add("QTY", {{"48", std::to_string(line.received), "PCE"}});
    if (line.damaged > 0) w.add("QTY", {{"124", std::to_string(line.damaged), "PCE"}});
  }
  w.add("CNT", {{"2", std::to_string(n)}});
  batch.endMessage();
}

}  // namespace demo
