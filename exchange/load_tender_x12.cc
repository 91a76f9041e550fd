#include "exchange/load_tender_x12.h"

namespace exchange {
namespace {

void stop(SegmentWriter& w, const char* entity, const PickupStop& place) {
  w.add("N1", {{entity}, {fitted(place.name, 60)}});
  if (place.street) w.add("N3", {{fitted(*place.street, 55)}});
  // N402 is a two-letter state or province code; other region names are left out.
  const std::string state = place.region && place.region->size() == 2 ? *place.region : "";
  w.add("N4", {{fitted(place.city.value_or(""), 30)}, {state}, {place.postalCode.value_or("")},
               {place.country.value_or("")}});
}

}  // namespace

std::string writeLoadTender204(const PickupRequest& request, const TenderParties& parties, const Envelope& envelope) {
  SegmentWriter w(edi::Standard::x12);
  beginX12(w, envelope, "SM", "204");
  w.add("B2", {{}, {parties.carrierScac}, {}, {request.shipmentReference}, {}, {"PP"}});
  w.add("B2A", {{"00"}});  // an original tender
  if (request.billOfLading) w.add("L11", {{*request.billOfLading}, {"BM"}});
  if (request.clientReference) w.add("L11", {{*request.clientReference}, {"CR"}});
  w.add("N1", {{"BT"}, {fitted(parties.clientName, 60)}, {"92"}, {parties.clientCode}});

  // Stop 1: load at the origin within the window (37/38: ship not before / not later than).
  w.add("S5", {{"1"}, {"LD"}});
  w.add("G62", {{"37"}, {datePart(request.pickupFrom)}, {"G"}, {timePart(request.pickupFrom)}});
  w.add("G62", {{"38"}, {datePart(request.pickupUntil)}, {"K"}, {timePart(request.pickupUntil)}});
  w.add("AT8", {{"G"}, {"K"}, {decimal(request.weightKg)}, {std::to_string(request.pieces)}});
  stop(w, "SF", request.origin);
  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    const PickupLine& line = request.lines[i];
    std::string text = decimal(line.quantity) + " " + line.unit;
    if (line.sku) text += " " + *line.sku;
    if (line.description) text += " " + *line.description;
    w.add("L5", {{std::to_string(i + 1)}, {fitted(text, 50)}});
  }

  // Stop 2: unload at the destination, by the due date when there is one.
  w.add("S5", {{"2"}, {"UL"}});
  if (request.deliverBy) w.add("G62", {{"54"}, {datePart(*request.deliverBy)}, {"L"}, {timePart(*request.deliverBy)}});
  stop(w, "ST", request.destination);
  w.add("L3", {{decimal(request.weightKg)}, {"G"}});
  endX12(w, envelope);
  return w.text();
}

}  // namespace exchange
