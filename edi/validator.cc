#include "edi/validator.h"

#include "edi/clean_segment.h"
#include "edi/error_codes.h"
#include "edi/syntax_note_check.h"
#include "edi/value_check.h"

#include <emmintrin.h>

#include <algorithm>

namespace edi {
namespace {

std::string trimmed(std::string_view text) {
  const auto last = text.find_last_not_of(' ');
  if (last == std::string_view::npos) return {};
  const auto first = text.find_first_not_of(' ');
  return std::string(text.substr(first, last + 1 - first));
}

std::string component(std::string_view element, char separator, std::size_t index, char release) {
  const auto parts = splitValue(element, separator, release);
  return index < parts.size() ? std::string(parts[index]) : std::string();
}

std::string twoDigits(std::uint32_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// "00401" (ISA12) -> "004010": the folder of the X12 definitions.
std::string x12Version(std::string_view isa12) { return std::string(isa12.substr(0, 5)) + "0"; }

bool isNumber(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::uint64_t toNumber(std::string_view text) {
  std::uint64_t value = 0;
  for (char c : text) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  return value;
}

std::string cut(std::string_view value) { return std::string(value.substr(0, 99)); }

// Adds an error code to a report once: a file with a million stray segments must not grow it.
void addCode(std::vector<std::string>& codes, const std::string& code) {
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
}

}  // namespace

Validator::Validator(SpecCatalog& catalog, Diagnostics& diagnostics, ValidatorOptions options)
    : catalog_(catalog), diagnostics_(diagnostics), options_(options) {}

Location Validator::locate(const Segment* at) const {
  Location where;
  if (at != nullptr) {
    where.offset = at->offset();
    where.line = at->line();
    where.interchange = at->interchange();
    where.segment = at->index();
    where.tag = std::string(at->tag());
  }
  if (inGroup_) where.group = group_.index;
  if (inMessage_) {
    where.message = message_.index;
    where.segmentInMessage = segmentsInMessage_;
  }
  return where;
}

void Validator::error(const std::string& code, const std::string& message, const Segment* at, std::uint32_t element,
                      std::uint32_t componentPosition, std::uint32_t repetition) {
  Location where = locate(at);
  where.element = element;
  where.component = componentPosition;
  where.repetition = repetition;
  diagnostics_.error(code, message, std::move(where));
}

void Validator::segmentError(const Segment& segment, const std::string& code, const std::string& tag,
                             const std::string& loopId) {
  std::string text = std::string(errorCode(code).description) + ": " + tag;
  if (tag != segment.tag()) text += " (expected before " + std::string(segment.tag()) + ")";
  error(code, text, &segment);
  if (message_.segmentErrors.size() >= options_.maxSegmentErrorsPerMessage) {
    ++message_.segmentErrorsDropped;
    return;
  }
  message_.segmentErrors.push_back({tag, segmentsInMessage_, loopId, code, {}});
}

void Validator::structureError(const std::string& code, const std::string& tag, const std::string& loopId) {
  segmentError(*current_, code, tag, loopId);
}

void Validator::elementError(const Segment& segment, SegmentError& errors, ElementError problem,
                             const std::string& detail) {
  std::string text = std::string(segment.tag()) + twoDigits(problem.position);
  if (problem.component) text += "-" + twoDigits(problem.component);
  text += " (" + detail + "): " + std::string(errorCode(problem.code).description);
  if (!problem.badValue.empty()) text += ": '" + problem.badValue + "'";
  error(problem.code, text, &segment, problem.position, problem.component, problem.repetition);
  errors.elements.push_back(std::move(problem));
}

// ---------------------------------------------------------------------------------------------
// Entry point

void Validator::segment(const Segment& segment, const Reader& reader) {
  if (segment.isServiceStringAdvice()) return;
  const std::string_view tag = segment.tag();
  if (!inInterchange_ || segment.index() == 1 || (segment.index() == 2 && tag == "UNB")) {
    takeDelimiters(reader);
  }
  // The reader saw every byte already: printable ASCII is in every set but UNOA's.
  if (segment.printableAscii() && charsetShape_ != CharsetShape::table) {
    segmentHasControlBytes_ = false;
  } else {
    checkCharacters(segment);
  }
  const bool x12 = segment.standard() == Standard::x12;
  // Envelope tags start with I, G, S or T (X12) or U (EDIFACT): any other tag inside a message is
  // the message's own, and goes to it without the envelope code's dispatch.
  const char first = tag.empty() ? 'U' : tag[0];
  if (inMessage_ && (x12 ? first != 'I' && first != 'G' && first != 'S' && first != 'T' : first != 'U')) {
    ++segmentsInMessage_;
    messageBody(segment);
  } else if (x12) {
    x12Envelope(segment);
  } else {
    edifactEnvelope(segment);
  }
}

__attribute__((noinline)) void Validator::takeDelimiters(const Reader& reader) { delimiters_ = reader.delimiters(); }

void Validator::x12Envelope(const Segment& segment) {
  const std::string_view tag = segment.tag();
  // Every segment comes through here: one number compare per envelope tag, not a string compare.
  const std::uint32_t code = tag.size() <= 3 ? packTag(tag) : 0;
  if (code == packTag("ISA")) {
    startInterchange(segment);
  } else if (code == packTag("IEA")) {
    endInterchange(segment);
  } else if (code == packTag("GS")) {
    startGroup(segment);
  } else if (code == packTag("GE")) {
    endGroup(segment);
  } else if (code == packTag("ST")) {
    startMessage(segment, segment.element(1), segment.element(2), groupDirectory_ ? groupDirectory_->version : "");
  } else if (code == packTag("SE")) {
    endMessage(segment);
  } else if (code == packTag("TA1") && !inMessage_) {
    checkEnvelopeElements(segment, envelopeDirectory_);
  } else if ((code == packTag("ISB") || code == packTag("ISE")) && inInterchange_ && !inGroup_) {
    // Grade of service and deferred delivery requests: interchange-level, before any group.
    checkEnvelopeElements(segment, envelopeDirectory_);
  } else if (inMessage_) {
    ++segmentsInMessage_;
    messageBody(segment);
  } else {
    error("interchange.structure", "segment " + std::string(tag) + " outside any transaction set", &segment);
    addCode(interchange_.interchangeErrors, "interchange.structure");
  }
}

void Validator::edifactEnvelope(const Segment& segment) {
  const std::string_view tag = segment.tag();
  const char c = delimiters_.component;
  const char r = delimiters_.release;
  const std::uint32_t code = tag.size() <= 3 ? packTag(tag) : 0;
  if (code == packTag("UNB")) {
    startInterchange(segment);
  } else if (code == packTag("UNZ")) {
    endInterchange(segment);
  } else if (code == packTag("UNG")) {
    startGroup(segment);
  } else if (code == packTag("UNE")) {
    endGroup(segment);
  } else if (code == packTag("UNH")) {
    PartCursor s009(segment.element(2), c, segment.hasRelease() ? r : '\0');
    const std::string_view type = s009.next();
    const std::string_view versionNumber = s009.next();
    const std::string_view release = s009.next();
    // CONTRL is defined by the syntax (CONTRL:D:3 or CONTRL:4:1), not by a message directory;
    // other messages by their directory (D + 96A).
    std::string& version = messageVersion_;  // reused: no allocation per message
    if (type == "CONTRL") {
      version.assign(versionNumber == "4" ? "syntax4" : "syntax3");
    } else {
      version.assign(versionNumber).append(release);
    }
    startMessage(segment, type, segment.element(1), version);
  } else if (code == packTag("UNT")) {
    endMessage(segment);
  } else if (inMessage_) {
    ++segmentsInMessage_;
    messageBody(segment);
  } else {
    error("interchange.structure", "segment " + std::string(tag) + " outside any message", &segment);
    addCode(interchange_.interchangeErrors, "interchange.structure");
  }
}

// ---------------------------------------------------------------------------------------------
// Envelopes

void Validator::startInterchange(const Segment& segment) {
  if (inInterchange_) {
    error("interchange.structure", "a new interchange starts before the previous one was closed", &segment);
    closeOpenEnvelopes(&segment);
  }
  inInterchange_ = true;
  interchange_ = InterchangeReport();
  interchange_.index = segment.interchange();
  interchange_.standard = segment.standard();
  interchange_.delimiters = delimiters_;
  groupsInInterchange_ = messagesInInterchange_ = 0;
  charsetReported_ = false;

  const char c = delimiters_.component;
  const char r = delimiters_.release;
  if (segment.standard() == Standard::x12) {
    interchange_.senderQualifier = trimmed(segment.element(5));
    interchange_.sender = trimmed(segment.element(6));
    interchange_.receiverQualifier = trimmed(segment.element(7));
    interchange_.receiver = trimmed(segment.element(8));
    interchange_.date = std::string(segment.element(9));
    interchange_.time = std::string(segment.element(10));
    interchange_.version = std::string(segment.element(12));
    interchange_.controlNumber = std::string(segment.element(13));
    interchange_.acknowledgmentRequested = segment.element(14) == "1";
    interchange_.test = segment.element(15) == "T";
    envelopeDirectory_ = catalog_.directory(Standard::x12, x12Version(interchange_.version));
    if (envelopeDirectory_ == nullptr) {
      error("interchange.version-unsupported", "no definitions for interchange version " + interchange_.version,
            &segment, 12);
      addCode(interchange_.interchangeErrors, "interchange.version-unsupported");
    }
    if (!isNumber(interchange_.controlNumber) || interchange_.controlNumber.size() != 9) {
      error("interchange.bad-control", "ISA13 must be 9 digits: '" + interchange_.controlNumber + "'", &segment, 13);
      addCode(interchange_.interchangeErrors, "interchange.bad-control");
    }
    if (!isValidDate(interchange_.date)) {
      error("interchange.bad-date", "ISA09 is not a date (YYMMDD): '" + interchange_.date + "'", &segment, 9);
      addCode(interchange_.interchangeErrors, "interchange.bad-date");
    }
    if (!isValidTime(interchange_.time)) {
      error("interchange.bad-time", "ISA10 is not a time (HHMM): '" + interchange_.time + "'", &segment, 10);
      addCode(interchange_.interchangeErrors, "interchange.bad-time");
    }
    // 0x20-0x7E and the delimiters.
    allowedBytes_.fill(false);
    for (int b = 0x20; b < 0x7F; ++b) allowedBytes_[static_cast<std::size_t>(b)] = true;
    charsetShape_ = CharsetShape::ascii;
  } else {
    const std::string s001(segment.element(1));
    interchange_.syntaxId = component(s001, c, 0, r);
    interchange_.version = component(s001, c, 1, r);
    interchange_.sender = component(segment.element(2), c, 0, r);
    interchange_.senderQualifier = component(segment.element(2), c, 1, r);
    interchange_.receiver = component(segment.element(3), c, 0, r);
    interchange_.receiverQualifier = component(segment.element(3), c, 1, r);
    interchange_.date = component(segment.element(4), c, 0, r);
    interchange_.time = component(segment.element(4), c, 1, r);
    interchange_.controlNumber = std::string(segment.element(5));
    interchange_.acknowledgmentRequested = segment.element(9) == "1";
    interchange_.test = segment.element(11) == "1";
    envelopeDirectory_ = catalog_.directory(Standard::edifact, "syntax" + (interchange_.version == "4" ? std::string("4") : std::string("3")));
    if (interchange_.version != "3" && interchange_.version != "4" && interchange_.version != "2" &&
        interchange_.version != "1") {
      error("interchange.version-unsupported", "syntax version '" + interchange_.version + "' is not 1 to 4",
            &segment, 1, 2);
      addCode(interchange_.interchangeErrors, "interchange.version-unsupported");
    }
    interchange_.delimiters = delimiters_;
    allowedBytes_.fill(false);
    const std::string& id = interchange_.syntaxId;
    charsetShape_ = id == "UNOA" ? CharsetShape::table : id == "UNOB" ? CharsetShape::ascii : CharsetShape::eightBit;
    if (id == "UNOA" || id == "UNOB") {
      const std::string unoa = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-()/='+:?!\"%&*;<>";
      for (unsigned char b : unoa) allowedBytes_[b] = true;
      if (id == "UNOB") {
        for (int b = 0x20; b < 0x7F; ++b) allowedBytes_[static_cast<std::size_t>(b)] = true;
      }
    } else {
      for (int b = 0x20; b < 0x100; ++b) allowedBytes_[static_cast<std::size_t>(b)] = b != 0x7F;
    }
  }
  for (unsigned char b : delimiters_.segment) allowedBytes_[b] = true;
  for (char d : {delimiters_.element, delimiters_.component, delimiters_.repetition, delimiters_.release}) {
    if (d) allowedBytes_[static_cast<unsigned char>(d)] = true;
  }
  for (std::size_t b = 0; b < 256; ++b) plainBytes_[b] = allowedBytes_[b] && b >= 0x20 && b != 0x7F;
  checkEnvelopeElements(segment, envelopeDirectory_);
  if (listener_) listener_->interchangeStarted(interchange_);
}

void Validator::endInterchange(const Segment& segment) {
  if (!inInterchange_) {
    error("interchange.structure", std::string(segment.tag()) + " without an interchange header", &segment);
    return;
  }
  if (inMessage_ || inGroup_) {
    error("interchange.structure", "the interchange closes while a message or group is still open", &segment);
    addCode(interchange_.interchangeErrors, "interchange.structure");
    if (inMessage_) {
      addCode(message_.messageErrors, "message.trailer-missing");
      endMessage(segment);
    }
    if (inGroup_) {
      addCode(group_.groupErrors, "group.trailer-missing");
      endGroup(segment);
    }
  }
  checkEnvelopeElements(segment, envelopeDirectory_);
  const bool x12 = segment.standard() == Standard::x12;
  // EDIFACT counts groups when there are any, else messages.
  const bool groups = x12 || groupsInInterchange_ > 0;
  checkTrailer(segment, "interchange", groups ? groupsInInterchange_ : messagesInInterchange_,
               groups ? "groups" : "messages", interchange_.controlNumber, interchange_.interchangeErrors);
  interchange_.groups = groupsInInterchange_;
  interchange_.messages = messagesInInterchange_;
  if (listener_) listener_->interchangeEnded(interchange_);
  inInterchange_ = false;
}

void Validator::startGroup(const Segment& segment) {
  if (inMessage_) {
    error("interchange.structure", "a group starts inside a message", &segment);
    addCode(message_.messageErrors, "message.trailer-missing");
    endMessage(segment);
  }
  if (inGroup_) {
    error("interchange.structure", "a group starts before the previous one was closed", &segment);
    addCode(group_.groupErrors, "group.trailer-missing");
    endGroup(segment);
  }
  inGroup_ = true;
  ++groupsInInterchange_;
  messagesInGroup_ = 0;
  group_ = GroupReport();
  group_.index = groupsInInterchange_;
  if (segment.standard() == Standard::x12) {
    group_.functionalId = std::string(segment.element(1));
    group_.sender = std::string(segment.element(2));
    group_.receiver = std::string(segment.element(3));
    group_.controlNumber = std::string(segment.element(6));
    group_.version = std::string(segment.element(8));
    groupDirectory_ = catalog_.directory(Standard::x12, group_.version.substr(0, 6));
    if (groupDirectory_ == nullptr) {
      error("group.version-unsupported", "no definitions for version " + group_.version, &segment, 8);
      addCode(group_.groupErrors, "group.version-unsupported");
    }
  } else {
    group_.functionalId = std::string(segment.element(1));
    group_.controlNumber = std::string(segment.element(5));
    group_.sender = component(segment.element(2), delimiters_.component, 0, delimiters_.release);
    group_.receiver = component(segment.element(3), delimiters_.component, 0, delimiters_.release);
    group_.senderQualifier = component(segment.element(2), delimiters_.component, 1, delimiters_.release);
    group_.receiverQualifier = component(segment.element(3), delimiters_.component, 1, delimiters_.release);
  }
  checkEnvelopeElements(segment, envelopeDirectory_);
  if (listener_) listener_->groupStarted(interchange_, group_);
}

void Validator::endGroup(const Segment& segment) {
  if (!inGroup_) {
    error("interchange.structure", std::string(segment.tag()) + " without a group header", &segment);
    return;
  }
  const bool trailer = segment.tag() == "GE" || segment.tag() == "UNE";
  if (inMessage_ && trailer) {
    error("message.trailer-missing", "the group closes while message " + message_.controlNumber + " is open",
          &segment);
    addCode(message_.messageErrors, "message.trailer-missing");
    endMessage(segment);
  }
  group_.messagesDeclared = messagesInGroup_;
  if (trailer) {
    checkEnvelopeElements(segment, envelopeDirectory_);
    checkTrailer(segment, "group", messagesInGroup_, "messages", group_.controlNumber, group_.groupErrors);
    if (isNumber(segment.element(1))) group_.messagesDeclared = static_cast<std::uint32_t>(toNumber(segment.element(1)));
  }
  group_.messagesReceived = messagesInGroup_;
  if (listener_) listener_->groupEnded(interchange_, group_);
  inGroup_ = false;
  groupDirectory_ = nullptr;
}

void Validator::startMessage(const Segment& segment, std::string_view type, std::string_view control,
                             std::string_view version) {
  if (inMessage_) {
    error("message.trailer-missing", "message " + message_.controlNumber + " has no trailer before the next one",
          &segment);
    addCode(message_.messageErrors, "message.trailer-missing");
    endMessage(segment);
  }
  if (!inInterchange_) {
    error("interchange.structure", "a message outside any interchange", &segment);
  }
  if (segment.standard() == Standard::x12 && !inGroup_) {
    error("interchange.structure", "a transaction set outside any functional group", &segment);
    addCode(interchange_.interchangeErrors, "interchange.structure");
  }
  inMessage_ = true;
  ++messagesSeen_;
  ++messagesInInterchange_;
  ++messagesInGroup_;
  segmentsInMessage_ = 1;
  message_ = MessageReport();
  message_.index = inGroup_ ? messagesInGroup_ : messagesInInterchange_;
  message_.type = std::string(type);
  message_.controlNumber = std::string(control);
  if (segment.standard() == Standard::x12) {
    message_.implementation = std::string(segment.element(3));
  } else {
    message_.identifier = std::string(segment.element(2));
  }

  if (segment.standard() == Standard::x12) {
    messageDirectory_ = groupDirectory_;
  } else {
    // Messages of one interchange nearly always share their directory: the catalog (a lock and a
    // map) is asked only when the version changes. Its directories live as long as it does.
    if (!edifactDirectoryKnown_ || version != edifactDirectoryVersion_) {
      edifactDirectory_ = catalog_.directory(Standard::edifact, version);
      edifactDirectoryVersion_.assign(version);
      edifactDirectoryKnown_ = true;
    }
    messageDirectory_ = edifactDirectory_;
  }
  messageDefinition_ = messageDirectory_ ? messageDirectory_->message(type) : nullptr;
  if (messageDefinition_ == nullptr) {
    error("message.unsupported",
          "no definition for " + std::string(type) + (version.empty() ? "" : " in " + std::string(version)), &segment,
          1);
    addCode(message_.messageErrors, "message.unsupported");
    return;
  }
  message_.version = messageDirectory_->version;
  if (control.empty()) {
    error("message.bad-control", "the message has no control number", &segment, 2);
    addCode(message_.messageErrors, "message.bad-control");
  }
  walker_.start(*messageDefinition_, *messageDirectory_);
  messageBody(segment);
}

void Validator::endMessage(const Segment& segment) {
  if (!inMessage_) {
    error("interchange.structure", std::string(segment.tag()) + " without a message header", &segment);
    return;
  }
  const bool trailer = segment.tag() == "SE" || segment.tag() == "UNT";
  if (trailer) {
    ++segmentsInMessage_;
    if (messageDefinition_) messageBody(segment);
    checkTrailer(segment, "message", segmentsInMessage_, "segments", message_.controlNumber, message_.messageErrors);
  }
  if (messageDefinition_) {
    current_ = &segment;
    walker_.finish(*this);
  }
  if (!message_.segmentErrors.empty()) addCode(message_.messageErrors, "message.segment-errors");
  if (message_.accepted()) {
    ++messagesAccepted_;
    if (inGroup_) ++group_.messagesAccepted;
  }
  if (listener_) listener_->messageEnded(interchange_, inGroup_ ? &group_ : nullptr, message_);
  inMessage_ = false;
  messageDefinition_ = nullptr;
}

void Validator::checkTrailer(const Segment& trailer, const std::string& level, std::uint64_t counted,
                             const char* what, const std::string& headerControl, std::vector<std::string>& codes) {
  const std::string tag(trailer.tag());
  const std::string_view count = trailer.element(1);
  const std::string_view control = trailer.element(2);
  if (!isNumber(count) || toNumber(count) != counted) {
    error(level + ".count-mismatch",
          tag + "01 says " + std::string(count) + " but the " + level + " holds " + std::to_string(counted) + " " + what,
          &trailer, 1);
    addCode(codes, level + ".count-mismatch");
  }
  if (control != headerControl) {
    error(level + ".control-mismatch",
          tag + "02 '" + std::string(control) + "' differs from the header's '" + headerControl + "'", &trailer, 2);
    addCode(codes, level + ".control-mismatch");
  }
}

void Validator::closeOpenEnvelopes(const Segment* at) {
  if (inMessage_) {
    error("message.trailer-missing", "message " + message_.controlNumber + " has no trailer", at);
    addCode(message_.messageErrors, "message.trailer-missing");
    if (messageDefinition_) {
      // The file ended: what the message lacks is implied by the missing trailer.
      class Ignore : public StructureReport {
        void structureError(const std::string&, const std::string&, const std::string&) override {}
      } ignore;
      walker_.finish(ignore);
    }
    if (listener_) listener_->messageEnded(interchange_, inGroup_ ? &group_ : nullptr, message_);
    inMessage_ = false;
  }
  if (inGroup_) {
    error("group.trailer-missing", "group " + group_.controlNumber + " has no trailer", at);
    addCode(group_.groupErrors, "group.trailer-missing");
    group_.messagesReceived = group_.messagesDeclared = messagesInGroup_;
    if (listener_) listener_->groupEnded(interchange_, group_);
    inGroup_ = false;
  }
  if (inInterchange_) {
    error("interchange.truncated", "interchange " + interchange_.controlNumber + " has no trailer", at);
    addCode(interchange_.interchangeErrors, "interchange.truncated");
    interchange_.groups = groupsInInterchange_;
    interchange_.messages = messagesInInterchange_;
    if (listener_) listener_->interchangeEnded(interchange_);
    inInterchange_ = false;
  }
}

void Validator::finish() { closeOpenEnvelopes(nullptr); }

// ---------------------------------------------------------------------------------------------
// Message bodies and elements

void Validator::messageBody(const Segment& segment) {
  if (messageDefinition_ == nullptr) return;
  current_ = &segment;
  const SegmentDefinition* definition = walker_.place(segment.tag(), *this);
  if (definition == nullptr) return;
  if (options_.cleanSegmentFastPath && !segmentHasControlBytes_) {
    const CleanVerdict verdict = programs_.of(*definition).check(segment, delimiters_);
    if (verdict == CleanVerdict::clean) return;
    if (verdict == CleanVerdict::undecided && isCleanSegment(segment, *definition, delimiters_)) return;
  }
  checkSegment(segment, *definition);
}

// Out of line: its strings and vectors would otherwise make every clean segment pay for saving
// registers and a large stack frame in messageBody.
__attribute__((noinline)) void Validator::checkSegment(const Segment& segment, const SegmentDefinition& definition) {
  segmentErrors_.elements.clear();
  checkElements(segment, definition, segmentErrors_);
  if (segmentErrors_.elements.empty()) return;
  if (message_.segmentErrors.size() >= options_.maxSegmentErrorsPerMessage) {
    ++message_.segmentErrorsDropped;
    return;
  }
  message_.segmentErrors.push_back({std::string(segment.tag()), segmentsInMessage_, walker_.currentLoop(),
                                    "segment.element-errors", segmentErrors_.elements});
}

void Validator::checkEnvelopeElements(const Segment& segment, const SpecDirectory* directory) {
  if (directory == nullptr) return;
  const SegmentDefinition* definition = directory->segment(segment.tag());
  if (definition == nullptr) return;
  SegmentError errors;
  checkElements(segment, *definition, errors);
  if (!errors.elements.empty() && segment.tag() == (segment.standard() == Standard::x12 ? "ISA" : "UNB")) {
    addCode(interchange_.interchangeErrors, "interchange.header");
  }
}

void Validator::checkElements(const Segment& segment, const SegmentDefinition& definition, SegmentError& errors) {
  const ValueRules rules{segment.standard(), segment.hasRelease() ? delimiters_.release : '\0', delimiters_.decimal,
                         segmentHasControlBytes_};
  const std::size_t defined = definition.elements.size();
  const std::size_t count = segment.elementCount();
  for (std::size_t p = defined + 1; p <= count; ++p) {
    if (!segment.element(p).empty()) {
      elementError(segment, errors, {static_cast<std::uint32_t>(p), 0, 0, "", "element.too-many", cut(segment.element(p))},
                   "beyond the " + std::to_string(defined) + " elements of " + definition.id);
      break;
    }
  }
  // ISA11 and ISA16 hold the delimiters themselves: never split.
  const bool isa = segment.standard() == Standard::x12 && segment.text().size() > 3 && segment.text()[0] == 'I' &&
                   segment.tag() == "ISA";
  // Presence as bits (positions from 64 on are never named by a note); positions after the last
  // present one matter only if a mandatory element lies there.
  std::uint64_t present = 0;
  const std::size_t last = std::min(defined, std::max<std::size_t>(count, definition.lastMandatory));
  for (std::size_t p = 1; p <= last; ++p) {
    const ElementUse& use = definition.elements[p - 1];
    const std::uint32_t position = static_cast<std::uint32_t>(p);
    const std::string_view raw = p <= count ? segment.element(p) : std::string_view();
    const std::string& id = use.element ? use.element->id : use.composite->id;
    if (!raw.empty() && p < 64) present |= std::uint64_t(1) << p;
    if (raw.empty()) {
      if (use.requirement == Requirement::mandatory) {
        elementError(segment, errors, {position, 0, 0, id, "element.missing", ""}, use.displayName());
      }
      continue;
    }
    const bool repeats = !isa && delimiters_.repetition && raw.find(delimiters_.repetition) != std::string_view::npos &&
                         (!segment.hasRelease() || splitValue(raw, delimiters_.repetition, delimiters_.release).size() > 1);
    if (repeats && use.maxRepeat == 1) {
      elementError(segment, errors, {position, 0, 0, id, "element.too-many-repetitions", cut(raw)}, use.displayName());
      continue;
    }
    if (!repeats && (use.composite == nullptr || isa)) {
      checkSimple(segment, use, raw, position, 0, errors);  // the common case: one simple value
      continue;
    }
    std::vector<std::string_view>& repetitions = repetitions_;
    if (repeats) {
      splitValueInto(raw, delimiters_.repetition, delimiters_.release, repetitions);
    } else {
      repetitions.assign(1, raw);
    }
    if (repetitions.size() > use.maxRepeat) {
      elementError(segment, errors, {position, 0, 0, id, "element.too-many-repetitions", cut(raw)}, use.displayName());
    }
    for (std::size_t k = 0; k < repetitions.size(); ++k) {
      const std::uint32_t repetition = repetitions.size() > 1 ? static_cast<std::uint32_t>(k + 1) : 0;
      const std::string_view value = repetitions[k];
      if (use.composite == nullptr) {
        checkSimple(segment, use, value, position, repetition, errors);
        continue;
      }
      const CompositeDefinition& composite = *use.composite;
      PartCursor components(value, delimiters_.component, rules.release);
      std::uint64_t componentPresent = 0;
      for (std::size_t c = 1; c <= composite.components.size(); ++c) {
        const ElementUse& part = composite.components[c - 1];
        const std::string_view text = components.next();
        const std::uint32_t componentPosition = static_cast<std::uint32_t>(c);
        if (!text.empty() && c < 64) componentPresent |= std::uint64_t(1) << c;
        if (text.empty()) {
          if (part.requirement == Requirement::mandatory) {
            elementError(segment, errors, {position, componentPosition, repetition, part.element->id, "element.missing", ""},
                         part.displayName());
          }
          continue;
        }
        if (const std::string_view code = checkValue(text, part, rules); !code.empty()) {
          elementError(segment, errors, {position, componentPosition, repetition, part.element->id, std::string(code), cut(text)},
                       part.displayName());
        }
      }
      if (!components.done()) {
        elementError(segment, errors, {position, 0, repetition, id, "element.too-many-components", cut(value)},
                     composite.name);
      }
      checkNotes(segment, composite.notes, composite.components, componentPresent, position, errors);
    }
  }
  if (definition.noteNeedsPresence || (present & definition.notePositions) != 0) {
    checkNotes(segment, definition.notes, definition.elements, present, 0, errors);
  }
}

void Validator::checkSimple(const Segment& segment, const ElementUse& use, std::string_view value,
                            std::uint32_t position, std::uint32_t repetition, SegmentError& errors) {
  const ElementDefinition& definition = *use.element;
  // Plain text of a clean segment, no code list: only its length can be wrong.
  if (!segmentHasControlBytes_ && !segment.hasRelease() && use.validCodes.empty() &&
      (definition.type == ElementType::alphanumeric || definition.type == ElementType::identifier) &&
      value.size() >= definition.minLength && value.size() <= definition.maxLength) {
    return;
  }
  const ValueRules rules{segment.standard(), segment.hasRelease() ? delimiters_.release : '\0', delimiters_.decimal,
                         segmentHasControlBytes_};
  if (const std::string_view code = checkValue(value, use, rules); !code.empty()) {
    elementError(segment, errors, {position, 0, repetition, use.element->id, std::string(code), cut(value)},
                 use.displayName());
  }
}

void Validator::checkNotes(const Segment& segment, const std::vector<SyntaxNote>& notes,
                           const std::vector<ElementUse>& uses, std::uint64_t present,
                           std::uint32_t compositePosition, SegmentError& errors) {
  for (const SyntaxNote& note : notes) {
    const NoteViolation violation = checkNote(note, present);
    if (violation.code == nullptr) continue;
    const char* code = violation.code;
    const std::uint32_t at = violation.position;
    std::string positions;
    for (std::uint32_t p : note.positions) positions += twoDigits(p);
    const ElementUse* use = at >= 1 && at <= uses.size() ? &uses[at - 1] : nullptr;
    const std::string id = use == nullptr ? "" : use->element ? use->element->id : use->composite->id;
    ElementError problem{compositePosition ? compositePosition : at, compositePosition ? at : 0, 0, id, code, ""};
    elementError(segment, errors, std::move(problem), "syntax note " + note.kind + positions);
  }
}

// Out of line, as the rare case it is (segments of printable ASCII skip it).
__attribute__((noinline)) void Validator::checkCharacters(const Segment& segment) {
  const std::string_view text = segment.text();
  std::size_t bad = 0;
  if (charsetShape_ != CharsetShape::table) {
    // 16 bytes at a time up to the first byte below 0x20, 0x7F or (ASCII) from 0x80; the last
    // block runs past the text (Segment::kReadablePastEnd) and its extra bits are dropped.
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i del = _mm_set1_epi8(0x7F);
    const __m128i high = _mm_set1_epi8(static_cast<char>(0x80));
    const bool ascii = charsetShape_ == CharsetShape::ascii;
    const std::size_t size = text.size();
    for (; bad < size; bad += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + bad));
      const __m128i printable = _mm_cmpeq_epi8(_mm_max_epu8(block, space), block);  // >= 0x20
      __m128i suspicious = _mm_or_si128(_mm_andnot_si128(printable, _mm_set1_epi8(-1)), _mm_cmpeq_epi8(block, del));
      if (ascii) suspicious = _mm_or_si128(suspicious, _mm_cmpeq_epi8(_mm_max_epu8(block, high), block));
      unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(suspicious));
      if (size - bad < 16) mask &= (1u << (size - bad)) - 1;
      if (mask != 0) {
        bad += static_cast<std::size_t>(__builtin_ctz(mask));
        break;
      }
    }
    if (bad > size) bad = size;
  }
  // From the first suspicious byte (UNOA: from the start), byte by byte: bytes of the set that
  // are no control bytes are the rule.
  while (bad < text.size() && plainBytes_[static_cast<unsigned char>(text[bad])]) ++bad;
  segmentHasControlBytes_ = bad < text.size();  // or a byte outside the set: either way no fast path
  if (!segmentHasControlBytes_) return;
  while (bad < text.size() && allowedBytes_[static_cast<unsigned char>(text[bad])]) ++bad;
  if (bad == text.size() || !inInterchange_) return;
  // The element the byte is in: count the separators before it, an escaped one (?+) not being one.
  std::uint32_t element = 0;
  for (std::size_t i = 0; i < bad; ++i) {
    if (delimiters_.release && text[i] == delimiters_.release) {
      ++i;
    } else if (text[i] == delimiters_.element) {
      ++element;
    }
  }
  const std::string what = "byte 0x" + [](unsigned char b) {
    static const char kHex[] = "0123456789ABCDEF";
    return std::string{kHex[b >> 4], kHex[b & 15]};
  }(static_cast<unsigned char>(text[bad])) + " is outside the character set " +
                           (segment.standard() == Standard::x12 ? std::string("of X12 (ASCII)") : interchange_.syntaxId);
  // Runs before the envelope code counts this segment: it is the next one of the message.
  const std::uint32_t positionInMessage = segmentsInMessage_ + 1;
  if (options_.strict) {
    Location where = locate(&segment);
    if (inMessage_) where.segmentInMessage = positionInMessage;
    where.element = element;
    diagnostics_.error("charset.outside", what, where);
    if (inMessage_ && message_.segmentErrors.size() < options_.maxSegmentErrorsPerMessage) {
      message_.segmentErrors.push_back({std::string(segment.tag()), positionInMessage, "", "segment.element-errors",
                                        {{element, 0, 0, "", "element.invalid-character", cut(segment.element(element))}}});
    }
  } else if (!charsetReported_) {
    charsetReported_ = true;
    Location where = locate(&segment);
    if (inMessage_) where.segmentInMessage = positionInMessage;
    where.element = element;
    diagnostics_.warning("charset.outside", what + " (tolerated; reported once per interchange)", where);
  }
}

}  // namespace edi
