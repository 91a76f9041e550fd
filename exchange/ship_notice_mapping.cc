#include "exchange/ship_notice_mapping.h"

#include "exchange/edi_dates.h"
#include "exchange/edi_numbers.h"
#include "exchange/edi_units.h"
#include "exchange/segment_refusal.h"
#include "logistics/shipment_book.h"

namespace exchange {
namespace {

using logistics::Problem;
using logistics::ProblemCode;

std::optional<std::string> nonEmpty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// X12 TD504 (element 91, transportation method) to our modes.
logistics::TransportMode x12Mode(const std::string& code) {
  if (code == "A" || code == "AE" || code == "AC") return logistics::TransportMode::air;
  if (code == "R" || code == "RC") return logistics::TransportMode::rail;
  if (code == "S" || code == "O" || code == "B") return logistics::TransportMode::sea;
  if (code == "PL") return logistics::TransportMode::pipeline;
  if (code == "X" || code == "I" || code == "IM") return logistics::TransportMode::multimodal;
  return logistics::TransportMode::road;  // M, LT, U, C, D ... and none given
}

// EDIFACT 8067 (mode of transport, UN/ECE Rec. 19) to our modes.
logistics::TransportMode edifactMode(const std::string& code) {
  if (code == "1" || code == "8") return logistics::TransportMode::sea;
  if (code == "2") return logistics::TransportMode::rail;
  if (code == "4") return logistics::TransportMode::air;
  if (code == "6") return logistics::TransportMode::multimodal;
  if (code == "7") return logistics::TransportMode::pipeline;
  return logistics::TransportMode::road;
}

using Applied = logistics::Result<logistics::Done>;

// The gross weight `value` in `unit` as kilograms, or a refusal naming the unit's element.
logistics::Result<double> kilograms(const MessageDocument& document, double value, const DocumentSegment& segment,
                                    const std::string& unit, const std::string& unitElement) {
  const auto factor = kilogramsPerUnit(document.standard, unit);
  if (!factor) {
    return segmentRefusal(ProblemCode::invalid_value, segment, unitElement,
                          unit.empty() ? std::string("a weight without its unit")
                                       : "weight unit '" + unit + "' is not one afterflow converts to kilograms (" +
                                             weightUnitsRead(document.standard) + ")");
  }
  return value * *factor;
}

// The carrier a SCAC names. A SCAC no party holds is a refusal: a shipment recorded without its
// carrier would fall out of every carrier's figures unseen.
Applied setCarrier(logistics::Shipment& shipment, const DocumentSegment& segment, const std::string& scac,
                   const std::string& element, const MappingContext& context) {
  if (scac.empty() || shipment.carrierId || context.parties == nullptr) return logistics::Done{};
  shipment.carrierId = context.parties->idByIdentifier("scac", scac);
  if (!shipment.carrierId) {
    return segmentRefusal(ProblemCode::unknown_party, segment, element,
                          "no party has SCAC '" + scac + "'; add it to the carrier (party identifier scac), "
                          "then replay");
  }
  return logistics::Done{};
}

// A count of pieces or packages: a whole number of zero or more.
logistics::Result<std::optional<int>> count(const DocumentSegment& segment, std::size_t element,
                                            std::size_t component, const std::string& name) {
  const auto value = decimalIn(segment, element, component, name);
  if (!value) return value.problems();
  if (!value.value()) return std::optional<int>();
  const double n = *value.value();
  if (n < 0 || n > 1e9 || n != static_cast<double>(static_cast<int>(n))) {
    return segmentRefusal(ProblemCode::invalid_value, segment, name,
                          "'" + segment.value(element, component) + "' is not a whole number of pieces");
  }
  return std::optional<int>(static_cast<int>(n));
}

// DTM*011 shipped, 017/002 promised, 067/068 planned delivery, 010 planned ship date.
Applied x12Date(const DocumentSegment& segment, logistics::Shipment& s) {
  const std::string& qualifier = segment.value(1);
  std::optional<std::string>* field = qualifier == "011"                       ? &s.shipDate
                                      : qualifier == "017" || qualifier == "002" ? &s.promisedDelivery
                                      : qualifier == "067" || qualifier == "068" ? &s.plannedDelivery
                                      : qualifier == "010"                       ? &s.plannedShipDate
                                                                                 : nullptr;
  if (field == nullptr) return logistics::Done{};
  const auto when = x12Timestamp(segment, 2, &segment, 3);
  if (!when) return when.problems();
  if (when.value()) *field = when.value();
  return logistics::Done{};
}

// TD1: pieces (TD102), gross weight (TD106 G, TD107 in TD108's unit), volume (TD109 in TD110).
Applied x12Quantities(const MessageDocument& document, const DocumentSegment& segment, logistics::Shipment& s) {
  const auto pieces = count(segment, 2, 1, "TD102");
  if (!pieces) return pieces.problems();
  if (pieces.value()) s.pieces = pieces.value();
  const auto weight = decimalIn(segment, 7, 1, "TD107");
  if (!weight) return weight.problems();
  if (weight.value()) {
    const std::string& qualifier = segment.value(6);
    if (!qualifier.empty() && qualifier != "G") {
      return segmentRefusal(ProblemCode::invalid_value, segment, "TD106",
                            "weight qualifier '" + qualifier + "': afterflow keeps a shipment's gross weight (G)");
    }
    const auto kg = kilograms(document, *weight.value(), segment, segment.value(8), "TD108");
    if (!kg) return kg.problems();
    s.weightKg = kg.value();
  }
  const auto volume = decimalIn(segment, 9, 1, "TD109");
  if (!volume) return volume.problems();
  if (volume.value()) {
    const std::string& unit = segment.value(10);
    const auto factor = cubicMetersPerUnit(document.standard, unit);
    if (!factor) {
      return segmentRefusal(ProblemCode::invalid_value, segment, "TD110",
                            "volume unit '" + unit + "' is not one afterflow converts to cubic meters (" +
                                volumeUnitsRead(document.standard) + ")");
    }
    s.volumeM3 = *volume.value() * *factor;
  }
  return logistics::Done{};
}

Applied fromX12(const MessageDocument& document, logistics::Shipment& s, const MappingContext& context) {
  logistics::Place* place = nullptr;  // the N1 party the next N4 belongs to
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    Applied step = logistics::Done{};
    if (tag == "BSN") {
      s.shipNoticeId = nonEmpty(segment.value(2));
    } else if (tag == "DTM") {
      step = x12Date(segment, s);
    } else if (tag == "TD1") {
      step = x12Quantities(document, segment, s);
    } else if (tag == "TD5") {
      // TD503 is a SCAC when TD502 says so (2) or says nothing.
      if (!segment.value(3).empty() && !segment.value(2).empty() && segment.value(2) != "2") {
        return segmentRefusal(ProblemCode::invalid_value, segment, "TD502",
                              "carrier id qualifier '" + segment.value(2) +
                                  "': afterflow finds carriers by SCAC (2)");
      }
      step = setCarrier(s, segment, segment.value(3), "TD503", context);
      s.mode = x12Mode(segment.value(4));
    } else if (tag == "REF") {
      if (segment.value(1) == "BM") s.billOfLading = nonEmpty(segment.value(2));
      if (segment.value(1) == "CN") s.proNumber = nonEmpty(segment.value(2));
    } else if (tag == "N1") {
      const std::string& role = segment.value(1);
      place = role == "ST" ? &s.destination : role == "SF" ? &s.origin : nullptr;
    } else if (tag == "N4" && place != nullptr) {
      place->city = nonEmpty(segment.value(1));
      place->region = nonEmpty(segment.value(2));
      place->postalCode = nonEmpty(segment.value(3));
      place->country = nonEmpty(segment.value(4));
    } else if (tag == "LIN") {
      logistics::ShipmentLine& line = s.lines.emplace_back();
      line.lineNo = static_cast<int>(s.lines.size());
      line.sku = nonEmpty(segment.value(3));
    } else if (tag == "SN1" && !s.lines.empty()) {
      const auto quantity = decimalIn(segment, 2, 1, "SN102");
      if (!quantity) return quantity.problems();
      if (quantity.value()) s.lines.back().quantityShipped = *quantity.value();
      if (!segment.value(3).empty()) s.lines.back().unit = segment.value(3);
    }
    if (!step) return step;
  }
  return logistics::Done{};
}

// DTM+11 despatched, +17/+2 promised delivery, +132 planned arrival. A delivery given as a
// window (2379 7xx) is promised by its end.
Applied edifactDate(const DocumentSegment& segment, logistics::Shipment& s) {
  const std::string& qualifier = segment.value(1, 1);
  std::optional<std::string>* field = qualifier == "11"                      ? &s.shipDate
                                      : qualifier == "17" || qualifier == "2" ? &s.promisedDelivery
                                      : qualifier == "132"                    ? &s.plannedDelivery
                                                                              : nullptr;
  if (field == nullptr) return logistics::Done{};
  const auto when = edifactTimestamp(segment, field == &s.shipDate ? PeriodEnd::start : PeriodEnd::end);
  if (!when) return when.problems();
  if (when.value()) *field = when.value();
  return logistics::Done{};
}

Applied fromEdifact(const MessageDocument& document, logistics::Shipment& s, const MappingContext& context) {
  int pieces = 0;
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    Applied step = logistics::Done{};
    if (tag == "BGM") {
      s.shipNoticeId = nonEmpty(segment.value(2));
    } else if (tag == "DTM") {
      step = edifactDate(segment, s);
    } else if (tag == "RFF") {
      if (segment.value(1, 1) == "BM") s.billOfLading = nonEmpty(segment.value(1, 2));
      if (segment.value(1, 1) == "CN") s.proNumber = nonEmpty(segment.value(1, 2));
    } else if (tag == "NAD") {
      const std::string& role = segment.value(1);
      logistics::Place* place = role == "CN" || role == "DP" || role == "ST" ? &s.destination
                                : role == "CZ" || role == "SF" || role == "SU" ? &s.origin
                                                                               : nullptr;
      if (place != nullptr && !segment.value(6).empty()) {
        place->city = nonEmpty(segment.value(6));
        place->region = nonEmpty(segment.value(7));
        place->postalCode = nonEmpty(segment.value(8));
        place->country = nonEmpty(segment.value(9));
      }
    } else if (tag == "TDT") {
      s.mode = edifactMode(segment.value(3, 1));
      step = setCarrier(s, segment, segment.value(5, 1), "3127", context);
    } else if (tag == "MEA" && segment.value(2, 1) == "AAB") {  // gross weight
      const auto weight = decimalIn(segment, 3, 2, "6314");
      if (!weight) return weight.problems();
      if (weight.value()) {
        const auto kg = kilograms(document, *weight.value(), segment, segment.value(3, 1), "6411");
        if (!kg) return kg.problems();
        s.weightKg = kg.value();
      }
    } else if (tag == "PAC") {
      const auto packages = count(segment, 1, 1, "7224");
      if (!packages) return packages.problems();
      pieces += packages.value().value_or(0);
    } else if (tag == "LIN") {
      logistics::ShipmentLine& line = s.lines.emplace_back();
      line.lineNo = static_cast<int>(s.lines.size());
      line.sku = nonEmpty(segment.value(3, 1));
    } else if (tag == "QTY" && segment.value(1, 1) == "12" && !s.lines.empty()) {
      const auto quantity = decimalIn(segment, 1, 2, "6060");
      if (!quantity) return quantity.problems();
      if (quantity.value()) s.lines.back().quantityShipped = *quantity.value();
      if (!segment.value(1, 3).empty()) s.lines.back().unit = segment.value(1, 3);
    }
    if (!step) return step;
  }
  if (pieces > 0) s.pieces = pieces;
  return logistics::Done{};
}

}  // namespace

logistics::Result<logistics::Shipment> shipmentFromNotice(const MessageDocument& document,
                                                          const MappingContext& context) {
  logistics::Shipment shipment;
  shipment.sourceInterchangeId = context.interchangeId;
  if (context.partnerRole == logistics::PartnerRole::carrier) {
    return Problem{ProblemCode::missing_field, "client",
                   "a ship notice from a carrier names no client afterflow can trust; clients and dealers send them"};
  }
  shipment.clientId = context.partnerId;
  const Applied read = document.standard == edi::Standard::x12 ? fromX12(document, shipment, context)
                                                               : fromEdifact(document, shipment, context);
  if (!read) return read.problems();
  return shipment;
}

logistics::Result<logistics::Done> applyShipNotice(store::Transaction& transaction, const MessageDocument& document,
                                                   const MappingContext& context) {
  const auto shipment = shipmentFromNotice(document, context);
  if (!shipment) return shipment.problems();
  logistics::ShipmentBook book(transaction.session());
  const auto recorded = book.record(transaction, shipment.value());
  if (!recorded) return recorded.problems();
  return logistics::Done{};
}

}  // namespace exchange
