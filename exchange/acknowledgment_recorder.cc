#include "exchange/acknowledgment_recorder.h"

#include "edi/ack_reader.h"
#include "edi/reader.h"
#include "edi/segment.h"

#include <map>

namespace exchange {
namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last + 1 - first));
}

std::string component(std::string_view element, std::size_t index, char separator) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < index; ++i) {
    start = element.find(separator, start);
    if (start == std::string_view::npos) return "";
    ++start;
  }
  return std::string(element.substr(start, element.find(separator, start) - start));
}

// One reference per message of a kept outbound interchange, as its envelopes name it.
std::vector<edi::SentReference> referencesOf(edi::ByteSource& source) {
  std::vector<edi::SentReference> references;
  edi::Diagnostics diagnostics(16);
  edi::Reader reader(source, diagnostics);
  edi::Segment segment;
  edi::SentReference current;
  while (reader.next(segment)) {
    if (segment.isServiceStringAdvice()) continue;
    const std::string_view tag = segment.tag();
    const char separator = reader.delimiters().component;
    if (tag == "ISA") {
      current = {};
      current.senderQualifier = trimmed(segment.element(5));
      current.sender = trimmed(segment.element(6));
      current.receiverQualifier = trimmed(segment.element(7));
      current.receiver = trimmed(segment.element(8));
      current.interchangeControl = trimmed(segment.element(13));
    } else if (tag == "UNB") {
      current = {};
      current.sender = component(segment.element(2), 0, separator);
      current.senderQualifier = component(segment.element(2), 1, separator);
      current.receiver = component(segment.element(3), 0, separator);
      current.receiverQualifier = component(segment.element(3), 1, separator);
      current.interchangeControl = std::string(segment.element(5));
    } else if (tag == "GS") {
      current.groupSender = std::string(segment.element(2));
      current.groupReceiver = std::string(segment.element(3));
      current.groupControl = std::string(segment.element(6));
    } else if (tag == "UNG") {
      current.groupSender = component(segment.element(2), 0, separator);
      current.groupReceiver = component(segment.element(3), 0, separator);
      current.groupControl = std::string(segment.element(5));
    } else if (tag == "ST" || tag == "UNH") {
      edi::SentReference message = current;
      message.messageControl = std::string(tag == "ST" ? segment.element(2) : segment.element(1));
      references.push_back(std::move(message));
    }
  }
  return references;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : separator) + part;
  return text;
}

}  // namespace

std::string AcknowledgmentSummary::describe() const {
  std::string text = std::to_string(verdicts) + " verdict(s): " + std::to_string(acknowledged.size()) +
                     " interchange(s) acknowledged, " + std::to_string(rejected.size()) + " rejected";
  if (ambiguous) text += ", " + std::to_string(ambiguous) + " ambiguous";
  return text;
}

logistics::Result<logistics::Done> AcknowledgmentRecorder::record(store::Transaction& transaction) {
  if (recorded_) return logistics::Done{};
  recorded_ = true;
  std::vector<edi::AckEntry> verdicts;
  {
    edi::Diagnostics diagnostics;
    const auto source = store_.open(ackInterchangeId_);
    verdicts = edi::readAcknowledgments(*source, diagnostics);
  }
  summary_.verdicts = verdicts.size();
  if (verdicts.empty()) return logistics::Done{};

  // What is still waiting for this partner's answer; our own acknowledgments expect none.
  InterchangeFilter waiting;
  waiting.direction = Direction::outbound;
  waiting.status = InterchangeStatus::sent;
  waiting.partnerId = partnerId_;
  waiting.limit = 100000;
  std::vector<edi::SentReference> sent;
  std::vector<std::int64_t> owner;  // the outbound interchange of each reference
  for (const InterchangeRecord& record : store_.list(waiting)) {
    if (record.answersId) continue;
    const auto source = store_.open(record.id);
    for (edi::SentReference& reference : referencesOf(*source)) {
      sent.push_back(std::move(reference));
      owner.push_back(record.id);
    }
  }

  // An interchange is acknowledged when every message of it was accepted, rejected when any was.
  struct Verdict {
    std::size_t messages = 0, accepted = 0;
    std::vector<std::string> rejections;
  };
  std::map<std::int64_t, Verdict> byInterchange;
  const std::vector<edi::AckMatch> matches = edi::matchAcknowledgments(verdicts, sent);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const edi::AckMatch& match = matches[i];
    Verdict& verdict = byInterchange[owner[i]];
    ++verdict.messages;
    if (match.ambiguous) ++summary_.ambiguous;
    const auto outcome = match.outcome();
    if (!outcome) continue;
    if (*outcome != edi::AckStatus::rejected) {
      ++verdict.accepted;
      continue;
    }
    // The reason: the codes and errors of the verdicts that name this message or its group.
    std::vector<std::string> details;
    for (const edi::AckEntry& entry : verdicts) {
      if (entry.status != edi::AckStatus::rejected) continue;
      const bool names = (!entry.messageControl.empty() && entry.messageControl == match.sent.messageControl) ||
                         (entry.messageControl.empty() && !entry.groupControl.empty() &&
                          entry.groupControl == match.sent.groupControl) ||
                         (entry.level == edi::ErrorLevel::interchange &&
                          entry.interchangeControl == match.sent.interchangeControl);
      if (!names) continue;
      for (const std::string& code : entry.codes) details.push_back(code);
      for (const std::string& detail : entry.details) details.push_back(detail);
    }
    if (details.empty()) details = match.codes;
    verdict.rejections.push_back("message " + match.sent.messageControl + ": " + joined(details, ", "));
  }

  Poco::Data::Session& session = transaction.session();
  const std::string by = " by the partner's acknowledgment (interchange " + std::to_string(ackInterchangeId_) + ")";
  for (const auto& [id, verdict] : byInterchange) {
    if (!verdict.rejections.empty()) {
      store_.setStatus(session, id, InterchangeStatus::failed, "rejected" + by + ": " + joined(verdict.rejections, "; "));
      summary_.rejected.push_back(id);
    } else if (verdict.accepted == verdict.messages) {
      store_.setStatus(session, id, InterchangeStatus::acknowledged);
      summary_.acknowledged.push_back(id);
    }
  }
  return logistics::Done{};
}

}  // namespace exchange
