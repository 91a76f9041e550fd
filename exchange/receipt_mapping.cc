#include "exchange/receipt_mapping.h"

#include "exchange/edi_dates.h"
#include "exchange/edi_numbers.h"
#include "exchange/segment_refusal.h"
#include "logistics/receipt_book.h"
#include "logistics/shipment_book.h"

#include <sstream>

namespace exchange {
namespace {

using logistics::Problem;
using logistics::ProblemCode;
using logistics::ReferenceKind;

// X12 element 412 (receiving condition): 01 is "damaged product or container". The others
// (02 short, 03 over, 04 quality, 05 wrong product...) are not damage; short and over are
// worked out by the library from what was announced, not taken from the receiver.
constexpr const char* kDamagedCondition = "01";

std::optional<std::string> nonEmpty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::string formatted(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// A quantity the message must give as a number of zero or more; `name` is the element ("W0701").
logistics::Result<double> quantity(const DocumentSegment& segment, std::size_t element, std::size_t component,
                                   const std::string& name) {
  const std::string& text = segment.value(element, component);
  const auto value = decimalValue(text);
  if (!value || *value < 0) {
    return segmentRefusal(ProblemCode::invalid_value, segment, name,
                          "quantity '" + text + "' is not a number of zero or more");
  }
  return *value;
}

logistics::ReceiptLine& newLine(logistics::Receipt& receipt, const std::string& sku, const std::string& unit) {
  logistics::ReceiptLine& line = receipt.lines.emplace_back();
  line.lineNo = static_cast<int>(receipt.lines.size());
  line.sku = nonEmpty(sku);
  if (!unit.empty()) line.unit = unit;
  return line;
}

void addReference(ShipmentLookup& lookup, ReferenceKind kind, const std::string& value, const std::string& source) {
  if (!value.empty()) lookup.references.push_back({kind, value, source});
}

// 944: W17 names the receipt and the shipment; each W07 is a line, and its W13 exceptions with
// condition 01 are the damaged part of it; W14 totals what the W07s received.
logistics::Result<ReceivedGoods> from944(const MessageDocument& document) {
  ReceivedGoods goods;
  logistics::Receipt& receipt = goods.receipt;
  const DocumentSegment *w17 = nullptr, *g62 = nullptr;
  bool inHeading = true;
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    if (tag == "W17") {
      w17 = &segment;
      receipt.receiptNumber = segment.value(3);
      if (!segment.value(4).empty()) goods.lookup.purchaseOrder = segment.value(4);
      // W1705 is the shipment as the shipper identified it: its ship notice, else its BOL.
      addReference(goods.lookup, ReferenceKind::ship_notice_id, segment.value(5), "W1705");
      addReference(goods.lookup, ReferenceKind::bill_of_lading, segment.value(5), "W1705");
    } else if (tag == "N1" && inHeading) {
      if (segment.value(1) == "WH") receipt.warehouse = nonEmpty(segment.value(4).empty() ? segment.value(2) : segment.value(4));
    } else if (tag == "N9" && inHeading) {
      if (segment.value(1) == "BM") addReference(goods.lookup, ReferenceKind::bill_of_lading, segment.value(2), "N9*BM");
      if (segment.value(1) == "CN") addReference(goods.lookup, ReferenceKind::pro_number, segment.value(2), "N9*CN");
      if (segment.value(1) == "PO" && !goods.lookup.purchaseOrder) goods.lookup.purchaseOrder = segment.value(2);
    } else if (tag == "G62" && inHeading && g62 == nullptr && !segment.value(4).empty()) {
      g62 = &segment;
    } else if (tag == "W07") {
      inHeading = false;
      const auto received = quantity(segment, 1, 1, "W0701");
      if (!received) return received.problems();
      // The item: W0705 (qualified by W0704), else the other ids, else the U.P.C. case code.
      std::string sku = segment.value(5);
      if (sku.empty()) sku = segment.value(7);
      if (sku.empty()) sku = segment.value(11);
      if (sku.empty()) sku = segment.value(3);
      newLine(receipt, sku, segment.value(2)).quantityReceived = received.value();
    } else if (tag == "W13" && !receipt.lines.empty()) {
      if (segment.value(3) != kDamagedCondition) continue;
      const auto damaged = quantity(segment, 1, 1, "W1301");
      if (!damaged) return damaged.problems();
      receipt.lines.back().quantityDamaged += damaged.value();
    } else if (tag == "W14") {
      const auto total = quantity(segment, 1, 1, "W1401");
      if (!total) return total.problems();
      double sum = 0;
      for (const auto& line : receipt.lines) sum += line.quantityReceived;
      if (sum != total.value()) {
        return segmentRefusal(ProblemCode::invalid_value, segment, "W1401",
                              "total received " + formatted(total.value()) +
                                  " differs from the sum of the W07 quantities, " + formatted(sum));
      }
    }
  }
  if (w17 != nullptr) {
    const auto when = x12Timestamp(*w17, 2, g62, 4);
    if (!when) return when.problems();
    receipt.receivedAt = when.value().value_or("");
  }
  return goods;
}

// 861: BRA names the receipt; each RCD is a line (the item in the LIN after it). Received is
// what was accepted plus what was sent back (RCD02 + RCD04): both arrived. Damaged is the
// quantity in question with condition 01, in any of RCD's five question/condition pairs.
logistics::Result<ReceivedGoods> from861(const MessageDocument& document) {
  ReceivedGoods goods;
  logistics::Receipt& receipt = goods.receipt;
  std::optional<std::string> bra, dtm;  // the date of the BRA, of the DTM*050
  bool inHeading = true;
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    if (tag == "BRA") {
      receipt.receiptNumber = segment.value(1);
      const auto when = x12Timestamp(segment, 2);
      if (!when) return when.problems();
      bra = when.value();
    } else if (tag == "DTM" && inHeading && segment.value(1) == "050") {
      const auto when = x12Timestamp(segment, 2, &segment, 3);
      if (!when) return when.problems();
      dtm = when.value();
    } else if (tag == "REF" && inHeading) {
      const std::string& qualifier = segment.value(1);
      if (qualifier == "BM") addReference(goods.lookup, ReferenceKind::bill_of_lading, segment.value(2), "REF*BM");
      if (qualifier == "CN") addReference(goods.lookup, ReferenceKind::pro_number, segment.value(2), "REF*CN");
      if (qualifier == "MA" || qualifier == "SI") {
        addReference(goods.lookup, ReferenceKind::ship_notice_id, segment.value(2), "REF*" + qualifier);
      }
    } else if (tag == "PRF" && inHeading) {
      goods.lookup.purchaseOrder = segment.value(1);
    } else if (tag == "N1" && inHeading) {
      const std::string& role = segment.value(1);
      if (role == "WH" || role == "RC" || role == "ST") {
        receipt.warehouse = nonEmpty(segment.value(4).empty() ? segment.value(2) : segment.value(4));
      }
    } else if (tag == "RCD") {
      inHeading = false;
      double received = 0, damaged = 0;
      for (const std::size_t element : {2u, 4u}) {
        if (segment.value(element).empty()) continue;
        const auto value = quantity(segment, element, 1, element == 2 ? "RCD02" : "RCD04");
        if (!value) return value.problems();
        received += value.value();
      }
      for (const std::size_t element : {6u, 9u, 12u, 15u, 18u}) {
        if (segment.value(element + 2) != kDamagedCondition) continue;
        const auto value = quantity(segment, element, 1, "RCD" + std::string(element < 10 ? "0" : "") +
                                                                        std::to_string(element));
        if (!value) return value.problems();
        damaged += value.value();
      }
      const std::string& unit = segment.value(3).empty() ? segment.value(5) : segment.value(3);
      logistics::ReceiptLine& line = newLine(receipt, "", unit);
      line.quantityReceived = received;
      line.quantityDamaged = damaged;
    } else if (tag == "LIN" && !receipt.lines.empty() && !receipt.lines.back().sku) {
      receipt.lines.back().sku = nonEmpty(segment.value(3));
    }
  }
  receipt.receivedAt = dtm ? *dtm : bra.value_or("");
  return goods;
}

// RECADV: BGM names the receipt, RFF the despatch advice (AAK), bill of lading (BM) or
// carrier's reference (CN); each LIN is a line, its QTY+48 what was received (else the sum of
// 194, 195 and 196: accepted, to be returned, to be destroyed) and QTY+124 what was damaged.
logistics::Result<ReceivedGoods> fromRecadv(const MessageDocument& document) {
  ReceivedGoods goods;
  logistics::Receipt& receipt = goods.receipt;
  std::optional<std::string> receivedAt, documentDate;
  bool inHeading = true;
  std::optional<double> received, accepted;  // of the current line
  const DocumentSegment* lineSegment = nullptr;
  const auto closeLine = [&]() -> std::optional<Problem> {
    if (lineSegment == nullptr) return std::nullopt;
    if (!received && !accepted) {
      return segmentRefusal(ProblemCode::missing_field, *lineSegment, "QTY+48",
                            "line " + std::to_string(receipt.lines.size()) +
                                " gives no received quantity (QTY+48, or 194/195/196)");
    }
    receipt.lines.back().quantityReceived = received ? *received : *accepted;
    return std::nullopt;
  };
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    if (tag == "BGM") {
      receipt.receiptNumber = segment.value(2);
    } else if (tag == "DTM" && inHeading) {
      const std::string& qualifier = segment.value(1, 1);
      if (qualifier != "50" && qualifier != "137") continue;
      const auto when = edifactTimestamp(segment);
      if (!when) return when.problems();
      (qualifier == "50" ? receivedAt : documentDate) = when.value();
    } else if (tag == "RFF" && inHeading) {
      const std::string& qualifier = segment.value(1, 1);
      const std::string& value = segment.value(1, 2);
      if (qualifier == "AAK") addReference(goods.lookup, ReferenceKind::ship_notice_id, value, "RFF+AAK");
      if (qualifier == "BM") addReference(goods.lookup, ReferenceKind::bill_of_lading, value, "RFF+BM");
      if (qualifier == "CN") addReference(goods.lookup, ReferenceKind::pro_number, value, "RFF+CN");
      if (qualifier == "ON") goods.lookup.purchaseOrder = value;
    } else if (tag == "NAD" && inHeading) {
      const std::string& role = segment.value(1);
      if (role == "DP" || role == "WH" || role == "ST") {
        receipt.warehouse = nonEmpty(segment.value(2, 1).empty() ? segment.value(4, 1) : segment.value(2, 1));
      }
    } else if (tag == "LIN") {
      inHeading = false;
      if (const auto problem = closeLine()) return *problem;
      received.reset();
      accepted.reset();
      lineSegment = &segment;
      newLine(receipt, segment.value(3, 1), "");
    } else if (tag == "QTY" && lineSegment != nullptr) {
      const std::string& qualifier = segment.value(1, 1);
      if (qualifier != "48" && qualifier != "124" && qualifier != "194" && qualifier != "195" && qualifier != "196") {
        continue;
      }
      const auto value = quantity(segment, 1, 2, "QTY+" + qualifier);
      if (!value) return value.problems();
      logistics::ReceiptLine& line = receipt.lines.back();
      if (qualifier == "48") received = value.value();
      if (qualifier == "124") line.quantityDamaged += value.value();
      if (qualifier == "194" || qualifier == "195" || qualifier == "196") accepted = accepted.value_or(0) + value.value();
      if (!segment.value(1, 3).empty() && qualifier != "124") line.unit = segment.value(1, 3);
    }
  }
  if (const auto problem = closeLine()) return *problem;
  if (receivedAt) receipt.receivedAt = *receivedAt;
  else if (documentDate) receipt.receivedAt = *documentDate;
  return goods;
}

// Each receipt line answers the first announced line of the same item not answered yet; an
// item the shipment did not announce stays unannounced (all of it is over).
void matchLines(logistics::Receipt& receipt, const logistics::Shipment& shipment) {
  std::vector<bool> answered(shipment.lines.size(), false);
  for (logistics::ReceiptLine& line : receipt.lines) {
    if (!line.sku) continue;
    for (std::size_t i = 0; i < shipment.lines.size(); ++i) {
      if (answered[i] || shipment.lines[i].sku != line.sku) continue;
      answered[i] = true;
      line.shipmentLineNo = shipment.lines[i].lineNo;
      line.productId = shipment.lines[i].productId;
      break;
    }
  }
}

}  // namespace

logistics::Result<ReceivedGoods> receiptFromDocument(const MessageDocument& document, const MappingContext& context) {
  if (context.partnerRole == logistics::PartnerRole::carrier) {
    return Problem{ProblemCode::role_not_held, "partner",
                   document.type + " receipts come from the receiving side (dealers, clients, recyclers); "
                                   "this partner is a carrier"};
  }
  auto goods = document.type == "944"   ? from944(document)
               : document.type == "861" ? from861(document)
                                        : fromRecadv(document);
  if (!goods) return goods;
  ReceivedGoods value = goods.value();
  value.receipt.warehouseId = context.partnerId;  // the receiver numbers its receipts
  value.receipt.sourceInterchangeId = context.interchangeId;
  if (context.partnerRole == logistics::PartnerRole::client) value.lookup.clientId = context.partnerId;
  if (value.receipt.receivedAt.empty()) {
    return Problem{ProblemCode::missing_field, "received_at",
                   document.type + " receipt '" + value.receipt.receiptNumber + "' gives no date of receipt"};
  }
  return value;
}

logistics::Result<logistics::Done> applyReceipt(store::Transaction& transaction, const MessageDocument& document,
                                                const MappingContext& context) {
  const auto goods = receiptFromDocument(document, context);
  if (!goods) return goods.problems();
  const auto shipmentId = findShipment(transaction.session(), goods.value().lookup);
  if (!shipmentId) return shipmentId.problems();
  logistics::Receipt receipt = goods.value().receipt;
  receipt.shipmentId = shipmentId.value();
  const auto shipment = logistics::ShipmentBook(transaction.session()).find(receipt.shipmentId);
  if (shipment) matchLines(receipt, *shipment);
  const auto recorded = logistics::ReceiptBook(transaction.session()).record(transaction, receipt);
  if (!recorded) return recorded.problems();
  return logistics::Done{};
}

}  // namespace exchange
