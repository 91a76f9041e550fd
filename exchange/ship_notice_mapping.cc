#include "exchange/ship_notice_mapping.h"

#include "exchange/edi_dates.h"
#include "logistics/shipment_book.h"

#include <cstdlib>

namespace exchange {
namespace {

using logistics::Problem;
using logistics::ProblemCode;

std::optional<std::string> nonEmpty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::optional<double> number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0') return std::nullopt;
  return value;
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

double toKilograms(double value, const std::string& unit) {
  if (unit == "LB" || unit == "LBR") return value * 0.45359237;
  if (unit == "TNE" || unit == "T") return value * 1000;
  return value;  // KG, KGM
}

void setCarrier(logistics::Shipment& shipment, const std::string& scac, const MappingContext& context) {
  if (scac.empty() || shipment.carrierId || context.parties == nullptr) return;
  shipment.carrierId = context.parties->idByIdentifier("scac", scac);
}

void fromX12(const MessageDocument& document, logistics::Shipment& s, const MappingContext& context) {
  logistics::Place* place = nullptr;  // the N1 party the next N4 belongs to
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    if (tag == "BSN") {
      s.shipNoticeId = nonEmpty(segment.value(2));
    } else if (tag == "DTM") {
      const auto when = timestampFromX12(segment.value(2), segment.value(3));
      const std::string& qualifier = segment.value(1);
      if (qualifier == "011") s.shipDate = when;
      if (qualifier == "017" || qualifier == "002") s.promisedDelivery = when;
      if (qualifier == "067" || qualifier == "068") s.plannedDelivery = when;
      if (qualifier == "010") s.plannedShipDate = when;
    } else if (tag == "TD1") {
      if (const auto pieces = number(segment.value(2))) s.pieces = static_cast<int>(*pieces);
      if (const auto weight = number(segment.value(7))) s.weightKg = toKilograms(*weight, segment.value(8));
      if (const auto volume = number(segment.value(9))) s.volumeM3 = *volume;
    } else if (tag == "TD5") {
      setCarrier(s, segment.value(3), context);
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
      if (const auto quantity = number(segment.value(2))) s.lines.back().quantityShipped = *quantity;
      if (!segment.value(3).empty()) s.lines.back().unit = segment.value(3);
    }
  }
}

void fromEdifact(const MessageDocument& document, logistics::Shipment& s, const MappingContext& context) {
  int pieces = 0;
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    if (tag == "BGM") {
      s.shipNoticeId = nonEmpty(segment.value(2));
    } else if (tag == "DTM") {
      const auto when = timestampFromEdifact(segment.value(1, 2), segment.value(1, 3));
      const std::string& qualifier = segment.value(1, 1);
      if (qualifier == "11") s.shipDate = when;
      if (qualifier == "17" || qualifier == "2") s.promisedDelivery = when;
      if (qualifier == "132") s.plannedDelivery = when;
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
      setCarrier(s, segment.value(5, 1), context);
    } else if (tag == "MEA" && segment.value(2, 1) == "AAB") {  // gross weight
      if (const auto weight = number(segment.value(3, 2))) s.weightKg = toKilograms(*weight, segment.value(3, 1));
    } else if (tag == "PAC") {
      if (const auto count = number(segment.value(1))) pieces += static_cast<int>(*count);
    } else if (tag == "LIN") {
      logistics::ShipmentLine& line = s.lines.emplace_back();
      line.lineNo = static_cast<int>(s.lines.size());
      line.sku = nonEmpty(segment.value(3, 1));
    } else if (tag == "QTY" && segment.value(1, 1) == "12" && !s.lines.empty()) {
      if (const auto quantity = number(segment.value(1, 2))) s.lines.back().quantityShipped = *quantity;
      if (!segment.value(1, 3).empty()) s.lines.back().unit = segment.value(1, 3);
    }
  }
  if (pieces > 0) s.pieces = pieces;
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
  if (document.standard == edi::Standard::x12) {
    fromX12(document, shipment, context);
  } else {
    fromEdifact(document, shipment, context);
  }
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
