#include "exchange/return_instruction.h"

#include "exchange/tender_parties.h"

#include <algorithm>

namespace exchange {
namespace {

// UN/ECE Rec. 20 units for the units RMA lines use; others go without a unit.
std::string unitCode(const std::string& unit) {
  if (unit == "units") return "PCE";
  if (unit == "kg") return "KGM";
  if (unit == "l") return "LTR";
  return "";
}

// GIN carries five ids, PCI up to nine GIN, PAC up to nine PCI (D01B repeats).
constexpr std::size_t kSerialsPerGin = 5, kGinPerPci = 9, kPciPerPac = 9;

}  // namespace

std::string writeReturnInstruction(const logistics::ReturnAuthorization& rma, const ReturnInstructionParties& parties,
                                   const Envelope& envelope) {
  SegmentWriter w(edi::Standard::edifact);
  beginEdifact(w, envelope, "RETINS");
  w.add("BGM", {{}, {rma.rmaNumber}, {"9"}});
  w.add("DTM", {{"137", datePart(envelope.timestamp), "102"}});
  const std::string disposition = rma.disposition ? logistics::dispositionName(*rma.disposition) : "recycle";
  w.add("FTX", {{"AAI"}, {}, {}, {"disposition: " + disposition}});
  if (rma.reason) w.add("FTX", {{"AAI"}, {}, {}, {fitted("reason: " + *rma.reason, 70)}});
  w.add("NAD", {{"FR"}, {parties.senderCode, "", "ZZZ"}, {}, {fitted(parties.senderName, 35)}});
  w.add("NAD", {{"CN"}, {parties.recyclerCode, "", "ZZZ"}, {}, {fitted(parties.recyclerName, 35)}});
  for (const logistics::RmaLine& line : rma.lines) {
    w.add("LIN", {{std::to_string(line.lineNo)}, {}, {line.sku.value_or(""), line.sku ? "SA" : ""}});
    if (line.description) w.add("IMD", {{"F"}, {}, {"", "", "", fitted(*line.description, 35)}});
    w.add("QTY", {{"12", decimal(line.quantity), unitCode(line.unit)}});
    const auto& serials = line.serialNumbers;
    const std::size_t perPac = kSerialsPerGin * kGinPerPci * kPciPerPac;
    for (std::size_t pac = 0; pac < serials.size(); pac += perPac) {
      w.add("PAC", {{std::to_string(std::min(perPac, serials.size() - pac))}});
      for (std::size_t pci = pac; pci < std::min(serials.size(), pac + perPac); pci += kSerialsPerGin * kGinPerPci) {
        w.add("PCI", {{"24"}});  // 24: shipper assigned; the serial numbers follow in GIN
        const std::size_t end = std::min({serials.size(), pac + perPac, pci + kSerialsPerGin * kGinPerPci});
        for (std::size_t gin = pci; gin < end; gin += kSerialsPerGin) {
          std::vector<std::vector<std::string>> elements{{"BN"}};
          for (std::size_t s = gin; s < std::min(end, gin + kSerialsPerGin); ++s) elements.push_back({serials[s]});
          w.add("GIN", elements);
        }
      }
    }
  }
  w.add("CNT", {{"2", std::to_string(rma.lines.size())}});  // number of line items
  endEdifact(w, envelope);
  return w.text();
}

}  // namespace exchange
