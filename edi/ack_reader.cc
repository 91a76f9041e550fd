#include "edi/ack_reader.h"

#include "edi/reader.h"

#include <algorithm>

namespace edi {
namespace {

AckStatus x12Status(std::string_view code) {
  if (code == "A") return AckStatus::accepted;
  if (code == "E") return AckStatus::acceptedWithErrors;
  if (code == "P") return AckStatus::partiallyAccepted;
  return AckStatus::rejected;  // R, M, W, X
}

// 0083: 4 rejected; 7 acknowledged; 8 received (syntax 3 also has 1-6, older forms of the same).
AckStatus edifactStatus(std::string_view code) {
  return code == "4" || code == "5" || code == "6" ? AckStatus::rejected : AckStatus::accepted;
}

std::vector<std::string> elementsFrom(const Segment& segment, std::size_t first, std::size_t last) {
  std::vector<std::string> values;
  for (std::size_t p = first; p <= last && p <= segment.elementCount(); ++p) {
    if (!segment.element(p).empty()) values.emplace_back(segment.element(p));
  }
  return values;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(' ') + 1 - first));
}

// Component `index` of an EDIFACT composite, release characters removed: parties are compared
// with what the sender stored, not with their escaped form.
std::string componentOf(std::string_view element, std::size_t index, const Delimiters& d) {
  const auto parts = splitValue(element, d.component, d.release);
  if (index >= parts.size()) return {};
  std::string out;
  const std::string_view part = parts[index];
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (d.release && part[i] == d.release && i + 1 < part.size()) ++i;
    out += part[i];
  }
  return out;
}

// UCI and UCF name the service segment at fault (UNB, UNE...) and its data element, if any.
void serviceSegmentDetail(const Segment& segment, AckEntry& entry) {
  if (segment.element(6).empty()) return;
  std::string detail(segment.element(6));
  if (!segment.element(7).empty()) detail += " " + std::string(segment.element(7));
  entry.details.push_back(std::move(detail));
}

// The envelopes a verdict is read in: what it names of the acknowledged interchange and group.
struct Context {
  std::string interchangeControl, senderQualifier, sender, receiverQualifier, receiver;
  std::string groupControl, groupSender, groupReceiver;

  AckEntry entry(ErrorLevel level, AckStatus status) const {
    AckEntry e;
    e.level = level;
    e.interchangeControl = interchangeControl;
    e.senderQualifier = senderQualifier;
    e.sender = sender;
    e.receiverQualifier = receiverQualifier;
    e.receiver = receiver;
    if (level != ErrorLevel::interchange) {
      e.groupControl = groupControl;
      e.groupSender = groupSender;
      e.groupReceiver = groupReceiver;
    }
    e.status = status;
    return e;
  }
};

// Both known and different: the verdict is about something else. Unknown on either side: no say.
bool agrees(const std::string& acknowledged, const std::string& sent) {
  return acknowledged.empty() || sent.empty() || acknowledged == trimmed(sent);
}

bool fits(const AckEntry& e, const SentReference& s) {
  if (e.level == ErrorLevel::interchange && e.interchangeControl != trimmed(s.interchangeControl)) return false;
  if (!agrees(e.interchangeControl, s.interchangeControl) || !agrees(e.senderQualifier, s.senderQualifier) ||
      !agrees(e.sender, s.sender) || !agrees(e.receiverQualifier, s.receiverQualifier) ||
      !agrees(e.receiver, s.receiver)) {
    return false;
  }
  if (e.level == ErrorLevel::interchange) return true;
  if (e.level == ErrorLevel::group && e.groupControl != trimmed(s.groupControl)) return false;
  if (!agrees(e.groupControl, s.groupControl) || !agrees(e.groupSender, s.groupSender) ||
      !agrees(e.groupReceiver, s.groupReceiver)) {
    return false;
  }
  return e.level == ErrorLevel::group || e.messageControl == trimmed(s.messageControl);
}

// What identifies a sent interchange, group or message: two sent references with the same key
// at a verdict's level are the same thing, with different keys two things the verdict fits alike.
std::string keyAt(ErrorLevel level, const SentReference& s) {
  std::string key = trimmed(s.interchangeControl) + '\n' + trimmed(s.senderQualifier) + '\n' + trimmed(s.sender) +
                    '\n' + trimmed(s.receiverQualifier) + '\n' + trimmed(s.receiver);
  if (level == ErrorLevel::interchange) return key;
  key += '\n' + trimmed(s.groupControl) + '\n' + trimmed(s.groupSender) + '\n' + trimmed(s.groupReceiver);
  if (level == ErrorLevel::group) return key;
  return key + '\n' + trimmed(s.messageControl);
}

}  // namespace

const char* ackStatusName(AckStatus status) {
  switch (status) {
    case AckStatus::accepted: return "accepted";
    case AckStatus::acceptedWithErrors: return "accepted with errors";
    case AckStatus::partiallyAccepted: return "partially accepted";
    case AckStatus::rejected: return "rejected";
  }
  return "unknown";
}

std::vector<AckEntry> readAcknowledgments(ByteSource& source, Diagnostics& diagnostics) {
  Reader reader(source, diagnostics);
  Segment segment;
  std::vector<AckEntry> entries;
  Context context;
  std::string message, type;
  std::vector<std::string> details;
  while (reader.next(segment)) {
    const std::string_view tag = segment.tag();
    const Delimiters& d = reader.delimiters();
    if (tag == "ISA") {
      // The ack comes from the partner: its receiver sent what it acknowledges.
      context = Context();
      context.senderQualifier = trimmed(segment.element(7));
      context.sender = trimmed(segment.element(8));
      context.receiverQualifier = trimmed(segment.element(5));
      context.receiver = trimmed(segment.element(6));
    } else if (tag == "GS") {
      context.groupSender = std::string(segment.element(3));
      context.groupReceiver = std::string(segment.element(2));
      context.groupControl.clear();
    } else if (tag == "TA1") {
      Context interchange = context;
      interchange.interchangeControl = std::string(segment.element(1));
      AckEntry entry = interchange.entry(ErrorLevel::interchange, x12Status(segment.element(4)));
      entry.codes = elementsFrom(segment, 5, 5);
      entries.push_back(std::move(entry));
    } else if (tag == "AK1") {
      context.groupControl = std::string(segment.element(2));
    } else if (tag == "AK2") {
      type = std::string(segment.element(1));
      message = std::string(segment.element(2));
      details.clear();
    } else if (tag == "AK3" || tag == "IK3") {
      details.push_back(std::string(tag) + " " + std::string(segment.element(1)) + " at " +
                        std::string(segment.element(2)) + ": " + std::string(segment.element(4)));
    } else if (tag == "AK4" || tag == "IK4") {
      details.push_back(std::string(tag) + " " + std::string(segment.element(1)) + " (" +
                        std::string(segment.element(2)) + "): " + std::string(segment.element(3)));
    } else if (tag == "AK5" || tag == "IK5") {
      AckEntry entry = context.entry(ErrorLevel::message, x12Status(segment.element(1)));
      entry.messageControl = message;
      entry.messageType = type;
      entry.codes = elementsFrom(segment, 2, 6);
      entry.details = std::move(details);
      entries.push_back(std::move(entry));
      details.clear();
    } else if (tag == "AK9") {
      AckEntry entry = context.entry(ErrorLevel::group, x12Status(segment.element(1)));
      entry.codes = elementsFrom(segment, 5, 9);
      entries.push_back(std::move(entry));
    } else if (tag == "UNB") {
      context = Context();
    } else if (tag == "UCI") {
      // CONTRL copies the acknowledged interchange's references and parties as they were.
      context = Context();
      context.interchangeControl = componentOf(segment.element(1), 0, d);
      context.sender = componentOf(segment.element(2), 0, d);
      context.senderQualifier = componentOf(segment.element(2), 1, d);
      context.receiver = componentOf(segment.element(3), 0, d);
      context.receiverQualifier = componentOf(segment.element(3), 1, d);
      AckEntry entry = context.entry(ErrorLevel::interchange, edifactStatus(segment.element(4)));
      entry.codes = elementsFrom(segment, 5, 5);
      serviceSegmentDetail(segment, entry);
      entries.push_back(std::move(entry));
    } else if (tag == "UCF") {
      context.groupControl = componentOf(segment.element(1), 0, d);
      context.groupSender = componentOf(segment.element(2), 0, d);
      context.groupReceiver = componentOf(segment.element(3), 0, d);
      AckEntry entry = context.entry(ErrorLevel::group, edifactStatus(segment.element(4)));
      entry.codes = elementsFrom(segment, 5, 5);
      serviceSegmentDetail(segment, entry);
      entries.push_back(std::move(entry));
    } else if (tag == "UCM") {
      AckEntry entry = context.entry(ErrorLevel::message, edifactStatus(segment.element(3)));
      entry.messageControl = componentOf(segment.element(1), 0, d);
      entry.messageType = componentOf(segment.element(2), 0, d);
      entry.codes = elementsFrom(segment, 4, 4);
      entries.push_back(std::move(entry));
    } else if (tag == "UCS" || tag == "UCD") {
      // Details belong to the UCM before them.
      if (!entries.empty() && entries.back().level == ErrorLevel::message) {
        entries.back().details.push_back(std::string(tag) + " " + std::string(segment.element(1)) + ": " +
                                         std::string(segment.element(2)));
      }
    }
  }
  return entries;
}

std::optional<AckStatus> AckMatch::outcome() const {
  for (const auto& level : {interchange, group, message}) {
    if (level == AckStatus::rejected) return AckStatus::rejected;
  }
  if (message) return message;
  if (group) return group;
  return interchange;
}

std::vector<AckMatch> matchAcknowledgments(const std::vector<AckEntry>& acks, const std::vector<SentReference>& sent) {
  std::vector<AckMatch> matches;
  matches.reserve(sent.size());
  for (const SentReference& reference : sent) matches.push_back(AckMatch{reference, {}, {}, {}, {}, false});
  std::vector<std::size_t> fitting;
  for (const AckEntry& entry : acks) {
    fitting.clear();
    for (std::size_t i = 0; i < sent.size(); ++i) {
      if (fits(entry, sent[i])) fitting.push_back(i);
    }
    if (fitting.empty()) continue;
    const std::string key = keyAt(entry.level, sent[fitting.front()]);
    const bool ambiguous = std::any_of(fitting.begin(), fitting.end(),
                                       [&](std::size_t i) { return keyAt(entry.level, sent[i]) != key; });
    for (std::size_t i : fitting) {
      AckMatch& match = matches[i];
      if (ambiguous) {
        match.ambiguous = true;
        continue;
      }
      switch (entry.level) {
        case ErrorLevel::interchange: match.interchange = entry.status; break;
        case ErrorLevel::group: match.group = entry.status; break;
        default:
          match.message = entry.status;
          match.codes = entry.codes;
      }
    }
  }
  return matches;
}

}  // namespace edi
