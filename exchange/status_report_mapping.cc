#include "exchange/status_report_mapping.h"

#include "exchange/edi_dates.h"
#include "exchange/segment_refusal.h"
#include "logistics/status_event_log.h"
#include "logistics/status_mapping.h"

namespace exchange {
namespace {

using logistics::Problem;
using logistics::ProblemCode;
using logistics::ReferenceKind;
using logistics::StatusEvent;

std::optional<std::string> nonEmpty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

struct Reference {
  ReferenceKind kind = ReferenceKind::pro_number;
  std::string value;
};

logistics::Result<std::vector<StatusEvent>> fromX12(const MessageDocument& document, const MappingContext& context) {
  Reference reference;
  for (const DocumentSegment& segment : document.segments) {
    if (segment.tag == "B10" && reference.value.empty()) reference = {ReferenceKind::pro_number, segment.value(1)};
    if (segment.tag == "L11" && segment.value(2) == "BM") reference = {ReferenceKind::bill_of_lading, segment.value(1)};
  }
  std::vector<StatusEvent> events;
  bool open = false;  // the last event still takes the MS1 after its AT7
  for (const DocumentSegment& segment : document.segments) {
    if (segment.tag == "LX") open = false;
    if (segment.tag == "AT7") {
      open = false;
      if (segment.value(1).empty()) continue;  // an appointment (AT703), not a movement
      StatusEvent event;
      event.carrierId = context.partnerId;
      event.referenceKind = reference.kind;
      event.reference = reference.value;
      event.codeList = logistics::StatusCodeList::x12;
      event.statusCode = segment.value(1);
      event.reasonCode = nonEmpty(segment.value(2));
      const auto when = x12Timestamp(segment, 5, &segment, 6);
      if (!when) return when.problems();
      if (!when.value()) {
        return segmentRefusal(ProblemCode::missing_field, segment, "AT705", "status " + event.statusCode + " has no date");
      }
      event.eventTime = *when.value();
      event.sourceInterchangeId = context.interchangeId;
      events.push_back(std::move(event));
      open = true;
    } else if (segment.tag == "MS1" && open) {
      events.back().city = nonEmpty(segment.value(1));
      events.back().region = nonEmpty(segment.value(2));
      events.back().country = nonEmpty(segment.value(3));
    }
  }
  return events;
}

logistics::Result<std::vector<StatusEvent>> fromEdifact(const MessageDocument& document,
                                                        const MappingContext& context) {
  std::vector<StatusEvent> events;
  std::vector<const DocumentSegment*> reported;  // the STS of each event
  Reference consignment;
  for (const DocumentSegment& segment : document.segments) {
    const std::string& tag = segment.tag;
    if (tag == "CNI") {
      consignment = {ReferenceKind::ship_notice_id, segment.value(2, 1)};
    } else if (tag == "STS") {
      StatusEvent event;
      event.carrierId = context.partnerId;
      event.referenceKind = consignment.kind;
      event.reference = consignment.value;
      event.codeList = logistics::StatusCodeList::edifact;
      event.statusCode = segment.value(2, 1);
      event.reasonCode = nonEmpty(segment.value(3, 1));
      event.sourceInterchangeId = context.interchangeId;
      events.push_back(std::move(event));
      reported.push_back(&segment);
    } else if (events.empty()) {
      continue;
    } else if (tag == "RFF" && segment.value(1, 1) == "BM") {
      events.back().referenceKind = ReferenceKind::bill_of_lading;
      events.back().reference = segment.value(1, 2);
    } else if (tag == "DTM" && segment.value(1, 1) == "334") {
      const auto when = edifactTimestamp(segment);
      if (!when) return when.problems();
      events.back().eventTime = when.value().value_or("");
    } else if (tag == "LOC" && segment.value(1) == "175") {
      const std::string& code = segment.value(2, 1);  // UN/LOCODE: country, then place
      events.back().city = nonEmpty(segment.value(2, 4).empty() ? code : segment.value(2, 4));
      if (code.size() >= 2) events.back().country = code.substr(0, 2);
    }
  }
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].eventTime.empty()) {
      return segmentRefusal(ProblemCode::missing_field, *reported[i], "DTM+334",
                            "status " + events[i].statusCode + " for " + events[i].reference +
                                " has no event time (DTM+334)");
    }
  }
  return events;
}

}  // namespace

logistics::Result<std::vector<StatusEvent>> eventsFromReport(const MessageDocument& document,
                                                             const MappingContext& context) {
  if (context.partnerRole != logistics::PartnerRole::carrier) {
    return Problem{ProblemCode::role_not_held, "partner", "status reports come from carriers; this partner is not one"};
  }
  return document.standard == edi::Standard::x12 ? fromX12(document, context) : fromEdifact(document, context);
}

logistics::Result<logistics::Done> applyStatusReport(store::Transaction& transaction, const MessageDocument& document,
                                                      const MappingContext& context) {
  const auto events = eventsFromReport(document, context);
  if (!events) return events.problems();
  logistics::StatusEventLog log(transaction.session());
  for (const StatusEvent& event : events.value()) {
    // Codes that report no movement have no normalized status: nothing to record.
    if (logistics::normalizeStatus(event.codeList, event.statusCode, event.reasonCode).has(
            ProblemCode::unmapped_status_code)) {
      continue;
    }
    const auto recorded = log.record(transaction, event);
    if (!recorded) return recorded.problems();
    if (recorded.value().repeated && context.repeatedEvents != nullptr) ++*context.repeatedEvents;
  }
  return logistics::Done{};
}

}  // namespace exchange
