#include "exchange/tender_response_mapping.h"

#include "exchange/edi_dates.h"
#include "exchange/segment_refusal.h"
#include "logistics/tender_book.h"

namespace exchange {
namespace {

using logistics::Problem;
using logistics::ProblemCode;
using logistics::ReferenceKind;

}  // namespace

logistics::Result<TenderAnswer> tenderAnswerFromDocument(const MessageDocument& document,
                                                         const MappingContext& context) {
  if (context.partnerRole != logistics::PartnerRole::carrier) {
    return Problem{ProblemCode::role_not_held, "partner", "990 tender responses come from carriers; this partner is not one"};
  }
  TenderAnswer answer;
  answer.lookup.carrierId = context.partnerId;
  answer.response.carrierId = context.partnerId;
  answer.response.sourceInterchangeId = context.interchangeId;
  const DocumentSegment* b1 = document.find("B1");
  if (b1 == nullptr) return Problem{ProblemCode::missing_field, "B1", "990 without its B1 segment"};

  // A SCAC that names another carrier than the sender: one carrier cannot answer for another.
  const std::string& scac = b1->value(1);
  if (!scac.empty() && context.parties != nullptr) {
    const auto named = context.parties->idByIdentifier("scac", scac);
    if (named && *named != context.partnerId) {
      return segmentRefusal(ProblemCode::invalid_value, *b1, "B101",
                            "SCAC '" + scac + "' is another carrier than the one that sent the response");
    }
  }
  const std::string& action = b1->value(4);
  if (action == "A") {
    answer.response.action = logistics::TenderAction::accepted;
  } else if (action == "D") {
    answer.response.action = logistics::TenderAction::declined;
  } else {
    return segmentRefusal(ProblemCode::invalid_value, *b1, "B104",
                          "reservation action '" + action + "': afterflow takes A (accepted) or D (declined)");
  }
  const std::string& shipmentId = b1->value(2);
  if (!shipmentId.empty()) answer.response.carrierReference = shipmentId;
  // B102 is the shipment id the tender gave: afterflow tenders by bill of lading, else by ship
  // notice id; a carrier may also give its PRO number. N9 references, when given, come first.
  if (const DocumentSegment* n9 = document.find("N9")) {
    if (n9->value(1) == "BM") answer.lookup.references.push_back({ReferenceKind::bill_of_lading, n9->value(2), "N9*BM"});
    if (n9->value(1) == "CN") answer.lookup.references.push_back({ReferenceKind::pro_number, n9->value(2), "N9*CN"});
  }
  answer.lookup.references.push_back({ReferenceKind::bill_of_lading, shipmentId, "B102"});
  answer.lookup.references.push_back({ReferenceKind::ship_notice_id, shipmentId, "B102"});
  answer.lookup.references.push_back({ReferenceKind::pro_number, shipmentId, "B102"});

  // The answer's time: B103, with the time of a G62 when the carrier gives one.
  const auto when = x12Timestamp(*b1, 3, document.find("G62"), 4);
  if (!when) return when.problems();
  if (!when.value()) {
    return segmentRefusal(ProblemCode::missing_field, *b1, "B103",
                          "990 for '" + shipmentId + "' gives no date of its answer");
  }
  answer.response.respondedAt = *when.value();
  // A decline's reason, as the carrier writes it in K1 remarks.
  if (const DocumentSegment* k1 = document.find("K1")) {
    std::string reason = k1->value(1);
    if (!k1->value(2).empty()) reason += " " + k1->value(2);
    if (!reason.empty()) answer.response.reason = reason;
  }
  return answer;
}

logistics::Result<logistics::Done> applyTenderResponse(store::Transaction& transaction,
                                                       const MessageDocument& document,
                                                       const MappingContext& context) {
  const auto answer = tenderAnswerFromDocument(document, context);
  if (!answer) return answer.problems();
  const auto shipmentId = findShipment(transaction.session(), answer.value().lookup);
  if (!shipmentId) return shipmentId.problems();
  logistics::TenderResponse response = answer.value().response;
  response.shipmentId = shipmentId.value();
  const auto recorded = logistics::TenderBook(transaction.session()).record(transaction, response);
  if (!recorded) return recorded.problems();
  return logistics::Done{};
}

}  // namespace exchange
