#include "demo/return_notice_writer.h"

#include "demo/edi_time.h"

namespace demo {

void writeReturn180(InterchangeBatch& batch, const PlannedReturn& r, const std::optional<std::string>& customerCode) {
  exchange::SegmentWriter& w = batch.beginMessage("180");
  w.add("BGN", {{"00"}, {"RET-" + r.rmaNumber.substr(4)}, {x12Date(r.requestedAt)}, {x12Time(r.requestedAt)}});
  w.add("RDR", {{"RA"}, {r.reasonCode}});
  w.add("N9", {{"RZ"}, {r.rmaNumber}});
  w.add("NTE", {{"GEN"}, {r.reason}});
  if (customerCode) w.add("N1", {{"BY"}, {"CUSTOMER"}, {"92"}, {*customerCode}});
  w.add("BLI", {{"BP"}, {r.sku}, {"1"}, {"EA"}});
  w.add("N9", {{"SE"}, {r.serial}});
  batch.endMessage();
}

void writeRetann(InterchangeBatch& batch, const PlannedReturn& r, const std::optional<std::string>& customerCode) {
  exchange::SegmentWriter& w = batch.beginMessage("RETANN");
  w.add("BGM", {{"ZZZ"}, {"RETANN-" + r.rmaNumber.substr(4)}, {"9"}});
  w.add("DTM", {{"137", edifactDay(r.requestedAt), "102"}});
  w.add("FTX", {{"RTI"}, {}, {r.reasonCode}, {r.reason}});
  w.add("RFF", {{"ALQ", r.rmaNumber}});
  if (customerCode) w.add("NAD", {{"BY"}, {*customerCode, "", "92"}});
  w.add("LIN", {{"1"}, {}, {r.sku, "SA"}});
  w.add("QTY", {{"61", "1", "PCE"}});
  // Serial numbers travel in the packaging group: PAC, PCI (marking), GIN.
  w.add("PAC", {{"1"}});
  w.add("PCI", {{"17"}});
  w.add("GIN", {{"BN"}, {r.serial}});
  w.add("UNS", {{"S"}});
  batch.endMessage();
}

}  // namespace demo
