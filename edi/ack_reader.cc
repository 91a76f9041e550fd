#include "edi/ack_reader.h"

#include "edi/reader.h"

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
  std::string group, message, type, interchange;
  std::vector<std::string> details;
  while (reader.next(segment)) {
    const std::string_view tag = segment.tag();
    const char c = reader.delimiters().component;
    const char r = reader.delimiters().release;
    if (tag == "TA1") {
      entries.push_back({ErrorLevel::interchange, std::string(segment.element(1)), "", "", "",
                         x12Status(segment.element(4)), elementsFrom(segment, 5, 5), {}});
    } else if (tag == "AK1") {
      group = std::string(segment.element(2));
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
      entries.push_back({ErrorLevel::message, "", group, message, type, x12Status(segment.element(1)),
                         elementsFrom(segment, 2, 6), details});
      details.clear();
    } else if (tag == "AK9") {
      entries.push_back({ErrorLevel::group, "", group, "", "", x12Status(segment.element(1)),
                         elementsFrom(segment, 5, 9), {}});
    } else if (tag == "UCI") {
      interchange = std::string(segment.element(1));
      entries.push_back({ErrorLevel::interchange, interchange, "", "", "", edifactStatus(segment.element(4)),
                         elementsFrom(segment, 5, 5), {}});
    } else if (tag == "UCM") {
      const auto identifier = splitValue(segment.element(2), c, r);
      entries.push_back({ErrorLevel::message, interchange, "", std::string(segment.element(1)),
                         std::string(identifier.front()), edifactStatus(segment.element(3)),
                         elementsFrom(segment, 4, 4), {}});
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
  for (const SentReference& reference : sent) {
    AckMatch match{reference, {}, {}, {}, {}};
    for (const AckEntry& entry : acks) {
      switch (entry.level) {
        case ErrorLevel::interchange:
          if (entry.interchangeControl == reference.interchangeControl) match.interchange = entry.status;
          break;
        case ErrorLevel::group:
          if (!entry.groupControl.empty() && entry.groupControl == reference.groupControl) match.group = entry.status;
          break;
        default: {
          // X12 names the group, EDIFACT the interchange: either must agree with what was sent.
          const bool sameEnvelope = entry.groupControl.empty() ? entry.interchangeControl == reference.interchangeControl
                                                               : entry.groupControl == reference.groupControl;
          if (sameEnvelope && entry.messageControl == reference.messageControl) {
            match.message = entry.status;
            match.codes = entry.codes;
          }
        }
      }
    }
    matches.push_back(std::move(match));
  }
  return matches;
}

}  // namespace edi
