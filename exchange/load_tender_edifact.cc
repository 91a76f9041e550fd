#include "exchange/load_tender_edifact.h"

namespace exchange {
namespace {

std::string minutes(const std::string& timestamp) { return datePart(timestamp) + timePart(timestamp); }

void party(SegmentWriter& w, const char* role, const std::string& code, const std::string& name,
           const PickupStop* place) {
  std::vector<std::vector<std::string>> elements{{role}, {code, "", code.empty() ? "" : "ZZZ"}, {}, {fitted(name, 35)}};
  if (place) {
    elements.push_back({fitted(place->street.value_or(""), 35)});
    elements.push_back({fitted(place->city.value_or(""), 35)});
    elements.push_back({fitted(place->region.value_or(""), 9)});
    elements.push_back({place->postalCode.value_or("")});
    elements.push_back({place->country.value_or("")});
  }
  w.add("NAD", elements);
}

}  // namespace

std::string writeIftmin(const PickupRequest& request, const TenderParties& parties, const Envelope& envelope) {
  SegmentWriter w(edi::Standard::edifact);
  beginEdifact(w, envelope, "IFTMIN");
  w.add("BGM", {{"610"}, {request.shipmentReference}, {"9"}});  // 610: forwarding instructions; 9: original
  w.add("DTM", {{"137", minutes(envelope.timestamp), "203"}});
  // 234 / 235: collection date/time, earliest / latest; 63: delivery date/time, latest.
  w.add("DTM", {{"234", minutes(request.pickupFrom), "203"}});
  w.add("DTM", {{"235", minutes(request.pickupUntil), "203"}});
  if (request.deliverBy) w.add("DTM", {{"63", minutes(*request.deliverBy), "203"}});
  w.add("CNT", {{"7", decimal(request.weightKg), "KGM"}});  // total gross weight
  w.add("CNT", {{"11", std::to_string(request.pieces)}});   // total number of packages
  if (request.billOfLading) w.add("RFF", {{"BM", *request.billOfLading}});
  if (request.clientReference) w.add("RFF", {{"CU", *request.clientReference}});
  w.add("TDT", {{"20"}, {}, {"3"}, {}, {parties.carrierScac, "172", "182"}});  // main carriage by road
  party(w, "CZ", parties.clientCode, request.origin.name.empty() ? parties.clientName : request.origin.name,
        &request.origin);
  party(w, "CN", "", request.destination.name, &request.destination);
  party(w, "CA", parties.carrierCode, parties.carrierName, nullptr);
  w.add("GID", {{"1"}, {std::to_string(request.pieces)}});
  w.add("MEA", {{"AAE"}, {"G"}, {"KGM", decimal(request.weightKg)}});
  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    const PickupLine& line = request.lines[i];
    w.add("GID", {{std::to_string(i + 2)}});
    if (line.sku) w.add("PIA", {{"5"}, {*line.sku, "SA"}});
    w.add("FTX", {{"AAA"}, {}, {}, {fitted(decimal(line.quantity) + " " + line.unit + " " + line.description.value_or(""), 70)}});
  }
  endEdifact(w, envelope);
  return w.text();
}

}  // namespace exchange
