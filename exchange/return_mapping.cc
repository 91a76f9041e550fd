#include "exchange/return_mapping.h"

#include "exchange/edi_dates.h"
#include "exchange/edi_numbers.h"
#include "exchange/segment_refusal.h"
#include "logistics/return_book.h"

#include <algorithm>

namespace exchange {
namespace {

using logistics::Problem;
using logistics::ProblemCode;
using logistics::RmaStatus;

std::optional<std::string> nonEmpty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// The party an identifier in an N1 or NAD names. The scheme follows the qualifier (X12 66,
// EDIFACT 3055): DUNS and GLN are looked up as such, anything else as the party's own code.
logistics::Result<std::optional<std::int64_t>> namedParty(const MappingContext& context, const std::string& scheme,
                                                          const std::string& id, const DocumentSegment& segment,
                                                          const std::string& element) {
  if (id.empty() || context.parties == nullptr) return std::optional<std::int64_t>();
  std::optional<std::int64_t> party;
  if (scheme == "duns" || scheme == "gln") {
    party = context.parties->idByIdentifier(scheme, id);
  } else if (const auto found = context.parties->findByCode(id)) {
    party = found->id;
  }
  if (!party) {
    return segmentRefusal(ProblemCode::unknown_party, segment, element,
                          "customer '" + id + "' is not in the customer directory");
  }
  return party;
}

std::string x12Scheme(const std::string& qualifier) {
  if (qualifier == "1" || qualifier == "9") return "duns";
  if (qualifier == "UL") return "gln";
  return "code";
}

std::string edifactScheme(const std::string& agency) {
  if (agency == "9") return "gln";
  if (agency == "16") return "duns";
  return "code";
}

// A line's quantity: more than zero, or the message is refused naming where.
logistics::Result<double> returnedQuantity(const DocumentSegment& segment, std::size_t element,
                                           std::size_t component, const std::string& name) {
  const std::string& text = segment.value(element, component);
  const auto value = decimalValue(text);
  if (!value || !(*value > 0)) {
    return segmentRefusal(ProblemCode::invalid_value, segment, name,
                          "returned quantity '" + text + "' is not more than zero");
  }
  return *value;
}

// Lines without a quantity return one item per serial number, or one.
void defaultQuantities(logistics::ReturnAuthorization& rma, const std::vector<bool>& quantityGiven) {
  for (std::size_t i = 0; i < rma.lines.size(); ++i) {
    if (!quantityGiven[i]) rma.lines[i].quantity = std::max<double>(1, static_cast<double>(rma.lines[i].serialNumbers.size()));
  }
}

// 180: BGN dates the request; N9*RZ is the RMA number (else BGN02); RDR01 says how far the
// return is (RA/PA authorized, RD denied, others requested) and RDR02 why; N1*BY the customer;
// each BLI an item (BLI02, BLI03 quantity, BLI04 unit) with its serials in N9*SE.
logistics::Result<ReturnNotice> from180(const MessageDocument& document, const MappingContext& context) {
  ReturnNotice notice;
  logistics::ReturnAuthorization& rma = notice.rma;
  std::string bgnNumber, rmaNumber, disposition;
  std::vector<bool> quantityGiven;
  bool inHeading = true;
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    if (tag == "BGN") {
      bgnNumber = segment.value(2);
      const auto when = x12Timestamp(segment, 3, &segment, 4);
      if (!when) return when.problems();
      rma.requestedAt = when.value().value_or("");
    } else if (tag == "BLI") {
      inHeading = false;
      logistics::RmaLine& line = rma.lines.emplace_back();
      line.lineNo = static_cast<int>(rma.lines.size());
      line.sku = nonEmpty(segment.value(2));
      if (!segment.value(4).empty()) line.unit = segment.value(4);
      quantityGiven.push_back(!segment.value(3).empty());
      if (quantityGiven.back()) {
        const auto quantity = returnedQuantity(segment, 3, 1, "BLI03");
        if (!quantity) return quantity.problems();
        line.quantity = quantity.value();
      }
    } else if (tag == "RDR") {
      if (inHeading) disposition = segment.value(1);
      if (!rma.reasonCode) rma.reasonCode = nonEmpty(segment.value(2));
    } else if (tag == "N9" && inHeading) {
      if (segment.value(1) == "RZ") rmaNumber = segment.value(2);
    } else if (tag == "N9" && segment.value(1) == "SE") {
      rma.lines.back().serialNumbers.push_back(segment.value(2));
    } else if (tag == "QTY" && !inHeading && !quantityGiven.back()) {
      const auto quantity = returnedQuantity(segment, 2, 1, "QTY02");
      if (!quantity) return quantity.problems();
      rma.lines.back().quantity = quantity.value();
      quantityGiven.back() = true;
    } else if (tag == "NTE" && inHeading && !rma.reason) {
      rma.reason = nonEmpty(segment.value(2));
    } else if (tag == "N1" && inHeading && (segment.value(1) == "BY" || segment.value(1) == "CU")) {
      const auto customer = namedParty(context, x12Scheme(segment.value(3)), segment.value(4), segment, "N104");
      if (!customer) return customer.problems();
      if (customer.value()) rma.customerId = customer.value();
    }
  }
  rma.rmaNumber = rmaNumber.empty() ? bgnNumber : rmaNumber;
  defaultQuantities(rma, quantityGiven);
  if (disposition == "RA" || disposition == "PA") {
    notice.step = RmaStatus::authorized;
  } else if (disposition == "RD") {
    notice.step = RmaStatus::closed;
  }
  if (!disposition.empty()) notice.stepNote = "RDR01 " + disposition;
  return notice;
}

// RETANN announces a return: BGM (or RFF+ALQ) is its number, DTM+137 its date, FTX+RTI its
// reason, NAD+BY the customer; each LIN an item with QTY+61, IMD text and GIN+BN serials.
logistics::Result<ReturnNotice> fromRetann(const MessageDocument& document, const MappingContext& context) {
  ReturnNotice notice;
  logistics::ReturnAuthorization& rma = notice.rma;
  std::string number;
  std::vector<bool> quantityGiven;
  bool inHeading = true;
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    if (tag == "BGM") {
      if (number.empty()) number = segment.value(2, 1);
    } else if (tag == "DTM" && inHeading && segment.value(1, 1) == "137") {
      const auto when = edifactTimestamp(segment);
      if (!when) return when.problems();
      rma.requestedAt = when.value().value_or("");
    } else if (tag == "RFF" && inHeading && segment.value(1, 1) == "ALQ") {
      number = segment.value(1, 2);
    } else if (tag == "FTX" && inHeading && segment.value(1) == "RTI") {
      rma.reasonCode = nonEmpty(segment.value(3, 1));
      rma.reason = nonEmpty(segment.value(4, 1));
    } else if (tag == "NAD" && inHeading && segment.value(1) == "BY") {
      const auto customer = namedParty(context, edifactScheme(segment.value(2, 3)), segment.value(2, 1), segment,
                                       "3039");
      if (!customer) return customer.problems();
      if (customer.value()) rma.customerId = customer.value();
    } else if (tag == "LIN") {
      inHeading = false;
      logistics::RmaLine& line = rma.lines.emplace_back();
      line.lineNo = static_cast<int>(rma.lines.size());
      line.sku = nonEmpty(segment.value(3, 1));
      quantityGiven.push_back(false);
    } else if (inHeading) {
      continue;
    } else if (tag == "IMD") {
      rma.lines.back().description = nonEmpty(segment.value(3, 4));
    } else if (tag == "QTY" && segment.value(1, 1) == "61") {
      const auto quantity = returnedQuantity(segment, 1, 2, "QTY+61");
      if (!quantity) return quantity.problems();
      rma.lines.back().quantity = quantity.value();
      if (!segment.value(1, 3).empty()) rma.lines.back().unit = segment.value(1, 3);
      quantityGiven.back() = true;
    } else if (tag == "GIN" && segment.value(1) == "BN") {
      for (std::size_t element = 2; element <= segment.elements.size(); ++element) {
        if (!segment.value(element, 1).empty()) rma.lines.back().serialNumbers.push_back(segment.value(element, 1));
      }
    }
  }
  rma.rmaNumber = number;
  defaultQuantities(rma, quantityGiven);
  return notice;
}

}  // namespace

logistics::Result<ReturnNotice> returnFromDocument(const MessageDocument& document, const MappingContext& context) {
  if (context.partnerRole == logistics::PartnerRole::carrier) {
    return Problem{ProblemCode::role_not_held, "partner",
                   document.type + " returns come from dealers, recyclers and clients; this partner is a carrier"};
  }
  auto notice = document.type == "180" ? from180(document, context) : fromRetann(document, context);
  if (!notice) return notice;
  ReturnNotice value = notice.value();
  value.rma.sourceInterchangeId = context.interchangeId;
  if (context.partnerRole == logistics::PartnerRole::dealer) value.rma.dealerId = context.partnerId;
  // A client returning its own goods is the customer, unless the message names another.
  if (context.partnerRole == logistics::PartnerRole::client && !value.rma.customerId) {
    value.rma.customerId = context.partnerId;
  }
  if (value.rma.requestedAt.empty()) {
    return Problem{ProblemCode::missing_field, "requested_at",
                   document.type + " return '" + value.rma.rmaNumber + "' gives no date (" +
                       (document.type == "180" ? "BGN03" : "DTM+137") + ")"};
  }
  return value;
}

logistics::Result<logistics::Done> applyReturn(store::Transaction& transaction, const MessageDocument& document,
                                               const MappingContext& context) {
  const auto notice = returnFromDocument(document, context);
  if (!notice) return notice.problems();
  const ReturnNotice& value = notice.value();
  logistics::ReturnBook book(transaction.session());
  std::int64_t id = 0;
  if (const auto existing = book.findByNumber(value.rma.rmaNumber)) {
    // An answer about an RMA opened before: only a step beyond the recorded one is news.
    if (value.step == RmaStatus::requested) {
      return Problem{ProblemCode::duplicate_reference, "rma_number",
                     "RMA '" + value.rma.rmaNumber + "' is recorded already (" +
                         logistics::rmaStatusName(existing->status) + "); this " + document.type +
                         " reports no step beyond that"};
    }
    id = existing->id;
  } else {
    const auto opened = book.open(transaction, value.rma);
    if (!opened) return opened.problems();
    id = opened.value();
  }
  if (value.step != RmaStatus::requested) {
    const auto advanced = book.advance(transaction, id, value.step, value.rma.requestedAt, std::nullopt, value.stepNote);
    if (!advanced) return advanced.problems();
  }
  return logistics::Done{};
}

}  // namespace exchange
