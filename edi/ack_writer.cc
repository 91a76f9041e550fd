#include "edi/ack_writer.h"

#include "edi/error_codes.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <ostream>
#include <string_view>

namespace edi {

// Holds one acknowledgment body until its envelope can be written: in memory up to a limit,
// then in a temporary file, so memory stays bounded.
class AckWriter::Spool {
 public:
  ~Spool() { reset(); }
  void write(std::string_view text) {
    if (file_ == nullptr && memory_.size() + text.size() > kMemoryLimit) {
      file_ = std::tmpfile();
      if (file_ == nullptr) throw Poco::IOException("cannot create a temporary file for the acknowledgment");
      // A buffer of our own: glibc ignores the size without one, and its 4 KiB made a write call per 4 KiB of ack.
      if (!fileBuffer_) fileBuffer_ = std::make_unique<char[]>(kFileBuffer);
      std::setvbuf(file_, fileBuffer_.get(), _IOFBF, kFileBuffer);
      std::fwrite(memory_.data(), 1, memory_.size(), file_);
      memory_.clear();
    }
    if (file_ != nullptr) {
      if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
        throw Poco::IOException("cannot write the acknowledgment's temporary file");
      }
    } else {
      memory_ += text;
    }
  }
  // Appends everything held here to `target` and empties this spool.
  void moveTo(Spool& target) {
    if (file_ == nullptr) {
      target.write(memory_);
    } else {
      std::rewind(file_);
      char buffer[1 << 16];
      std::size_t n;
      while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) target.write(std::string_view(buffer, n));
      if (std::ferror(file_)) throw Poco::IOException("cannot read the acknowledgment's temporary file");
    }
    reset();
  }
  void copyTo(std::ostream& out) {
    if (file_ == nullptr) {
      out << memory_;
      return;
    }
    std::rewind(file_);
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) out.write(buffer, static_cast<std::streamsize>(n));
  }
  void reset() {
    memory_.clear();
    if (file_ != nullptr) std::fclose(file_);
    file_ = nullptr;
  }

 private:
  // Small: past it an ack goes through the page cache of a temporary file, so that even a large
  // one adds little to the process's memory (a 100 MB IFTSTA's CONTRL: 12.1 -> 8.9 MB peak).
  static constexpr std::size_t kMemoryLimit = std::size_t(256) << 10;
  static constexpr std::size_t kFileBuffer = std::size_t(64) << 10;
  std::string memory_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> fileBuffer_;  // outlives file_: reset() closes the file first
};

namespace {

std::string padded(const std::string& text, std::size_t width) {
  std::string out = text.substr(0, width);
  out.resize(width, ' ');
  return out;
}

// An EDIFACT party (S002, S003, S006, S007) as its identification and qualifier components.
std::string party(const std::string& id, const std::string& qualifier, char component) {
  return qualifier.empty() ? id : id + component + qualifier;
}

std::string zeroPadded(std::uint64_t number, std::size_t width) {
  std::string digits = std::to_string(number);
  return digits.size() >= width ? digits.substr(digits.size() - width) : std::string(width - digits.size(), '0') + digits;
}

// The codes of a message's errors at one level, as an ack element list: unique, at most `limit`.
std::vector<std::string> codesFor(const std::vector<std::string>& codes, bool x12v5, bool edifact, std::size_t limit) {
  std::vector<std::string> out;
  for (const std::string& code : codes) {
    const ErrorCode& entry = errorCode(code);
    const std::string value(edifact ? entry.edifact : x12v5 ? entry.x12v5 : entry.x12);
    if (std::find(out.begin(), out.end(), value) == out.end() && out.size() < limit) out.push_back(value);
  }
  return out;
}

}  // namespace

AckWriter::AckWriter(std::ostream& out, AckOptions options)
    : out_(out),
      options_(std::move(options)),
      spool_(std::make_unique<Spool>()),
      groupsSpool_(std::make_unique<Spool>()),
      groupSpool_(std::make_unique<Spool>()) {
  const Poco::Timestamp now;
  if (options_.date.empty()) options_.date = Poco::DateTimeFormatter::format(now, "%Y%m%d");
  if (options_.time.empty()) options_.time = Poco::DateTimeFormatter::format(now, "%H%M");
}

AckWriter::~AckWriter() = default;

// Writes one segment to a spool; trailing empty elements are dropped, as both syntaxes want.
// Views, not strings: an ack of a million messages builds each segment in one reused buffer
// instead of copying every element twice.
void AckWriter::segment(Spool& to, std::initializer_list<std::string_view> elements) {
  std::size_t count = elements.size();
  while (count > 1 && elements.begin()[count - 1].empty()) --count;
  line_.clear();
  for (std::size_t i = 0; i < count; ++i) {
    if (i) line_ += delimiters_.element;
    line_ += elements.begin()[i];
  }
  line_ += delimiters_.segment;
  to.write(line_);
  ++segmentsInSet_;
}

void AckWriter::interchangeStarted(const InterchangeReport& interchange) {
  spool_->reset();
  groupsSpool_->reset();
  groupSpool_->reset();
  standard_ = interchange.standard;
  delimiters_ = interchange.delimiters;
  version5_ = interchange.standard == Standard::x12 && interchange.version >= "00501";
  groupsInAck_ = 0;
  setsInInterchange_ = 0;
  segmentsInSet_ = 0;
  if (standard_ == Standard::edifact) {
    // CONTRL's own header comes at the end; its body (UCM, UCS, UCD) starts here.
    segmentsInSet_ = 0;
  }
}

void AckWriter::groupStarted(const InterchangeReport&, const GroupReport& group) {
  if (standard_ != Standard::x12) {
    groupSpool_->reset();
    return;
  }
  const std::string version = version5_ ? "005010X231A1" : group.version.substr(0, 6);
  segment(*spool_, {"GS", "FA", group.receiver, group.sender, options_.date, options_.time,
                    std::to_string(options_.groupControl), "X", version});
  segmentsInSet_ = 0;
  if (version5_) {
    segment(*spool_, {"ST", "999", "0001", "005010X231A1"});
    segment(*spool_, {"AK1", group.functionalId, group.controlNumber, group.version});
  } else {
    segment(*spool_, {"ST", "997", "0001"});
    segment(*spool_, {"AK1", group.functionalId, group.controlNumber});
  }
}

void AckWriter::messageEnded(const InterchangeReport&, const GroupReport* group, const MessageReport& message) {
  if (standard_ == Standard::x12) {
    x12MessageAck(message);
  } else {
    edifactMessageAck(group != nullptr ? *groupSpool_ : *spool_, message);
  }
}

void AckWriter::x12MessageAck(const MessageReport& message) {
  segment(*spool_, {"AK2", message.type, message.controlNumber, version5_ ? message.implementation : ""});
  for (const SegmentError& error : message.segmentErrors) {
    const ErrorCode& code = errorCode(error.code);
    segment(*spool_, {version5_ ? "IK3" : "AK3", error.tag, std::to_string(error.positionInMessage), error.loopId,
                      std::string(version5_ ? code.x12v5 : code.x12)});
    for (const ElementError& element : error.elements) {
      // C030: element position, then component and (005010) repetition; an unused component
      // position is left empty, never 0.
      std::string position = std::to_string(element.position);
      if (element.component || (version5_ && element.repetition)) {
        position += delimiters_.component;
        if (element.component) position += std::to_string(element.component);
        if (version5_ && element.repetition) position += delimiters_.component + std::to_string(element.repetition);
      }
      const ErrorCode& elementCode = errorCode(element.code);
      // AK402 is a data element reference number; a composite (C040) has none to give.
      const bool numeric = !element.elementId.empty() &&
                           std::all_of(element.elementId.begin(), element.elementId.end(),
                                       [](char ch) { return ch >= '0' && ch <= '9'; });
      segment(*spool_, {version5_ ? "IK4" : "AK4", position, numeric ? element.elementId : "",
                        std::string(version5_ ? elementCode.x12v5 : elementCode.x12),
                        withoutDelimiters(element.badValue)});
    }
  }
  const auto codes = codesFor(message.messageErrors, version5_, false, 5);
  std::vector<std::string> ak5{version5_ ? "IK5" : "AK5", message.accepted() ? "A" : "R"};
  ak5.insert(ak5.end(), codes.begin(), codes.end());
  ak5.resize(7);
  segment(*spool_, {ak5[0], ak5[1], ak5[2], ak5[3], ak5[4], ak5[5], ak5[6]});
}

// AK404 / IK404 is a copy of the bad data; it may not hold a delimiter of the ack itself.
std::string AckWriter::withoutDelimiters(const std::string& value) const {
  std::string out = value;
  for (char& c : out) {
    if (c == delimiters_.element || c == delimiters_.component || (delimiters_.repetition && c == delimiters_.repetition) ||
        delimiters_.segment.find(c) != std::string::npos) {
      c = ' ';
    }
  }
  return out;
}

void AckWriter::groupEnded(const InterchangeReport&, const GroupReport& group) {
  if (standard_ != Standard::x12) {
    edifactGroupAck(group);
    return;
  }
  const bool allAccepted = group.messagesAccepted == group.messagesReceived && group.groupErrors.empty();
  const char* status = allAccepted ? "A" : group.messagesAccepted == 0 || !group.groupErrors.empty() ? "R" : "P";
  std::vector<std::string> ak9{"AK9", status, std::to_string(group.messagesDeclared),
                               std::to_string(group.messagesReceived), std::to_string(group.messagesAccepted)};
  for (const std::string& code : codesFor(group.groupErrors, version5_, false, 5)) ak9.push_back(code);
  ak9.resize(10);
  segment(*spool_, {ak9[0], ak9[1], ak9[2], ak9[3], ak9[4], ak9[5], ak9[6], ak9[7], ak9[8], ak9[9]});
  segment(*spool_, {"SE", std::to_string(segmentsInSet_ + 1), "0001"});  // ST through SE
  segment(*spool_, {"GE", "1", std::to_string(options_.groupControl)});
  ++options_.groupControl;
  ++groupsInAck_;
}

void AckWriter::edifactMessageAck(Spool& to, const MessageReport& message) {
  const std::string& identifier = message.identifier;
  const auto codes = codesFor(message.messageErrors, false, true, 1);
  segment(to, {"UCM", message.controlNumber, identifier, message.accepted() ? "7" : "4",
               codes.empty() ? "" : codes[0]});
  for (const SegmentError& error : message.segmentErrors) {
    segment(to, {"UCS", std::to_string(error.positionInMessage), std::string(errorCode(error.code).edifact)});
    for (const ElementError& element : error.elements) {
      // S011 0098 counts the segment tag as position 1, so the first data element is 2.
      std::string position = std::to_string(element.position + 1);
      if (element.component) position += delimiters_.component + std::to_string(element.component);
      segment(to, {"UCD", std::string(errorCode(element.code).edifact), position});
    }
  }
  ++setsInInterchange_;
}

// UCF names the group as UNG did (reference, application sender and recipient, copied, so
// syntax 4 leaves out what UNG left out). 7 accepts the group and every message its UCM does
// not reject; 4 rejects the group with all its messages, whatever their UCMs say. The group's
// own errors are found in UNE, which the UCF then names, with the data element when one is at fault.
void AckWriter::edifactGroupAck(const GroupReport& group) {
  const char c = delimiters_.component;
  std::string code, tag, position;
  const auto codes = codesFor(group.groupErrors, false, true, 1);
  if (!codes.empty() && !codes[0].empty()) {
    code = codes[0];
    const std::string& first = group.groupErrors.front();
    if (first == "group.count-mismatch" || first == "group.control-mismatch" || first == "group.trailer-missing") {
      tag = "UNE";
    }
    if (first == "group.count-mismatch") position = "2";    // 0060
    if (first == "group.control-mismatch") position = "3";  // 0048
  }
  segment(*groupsSpool_, {"UCF", group.controlNumber, party(group.sender, group.senderQualifier, c),
                          party(group.receiver, group.receiverQualifier, c), group.groupErrors.empty() ? "7" : "4",
                          code, tag, position});
  groupSpool_->moveTo(*groupsSpool_);
}

void AckWriter::interchangeEnded(const InterchangeReport& interchange) {
  const std::string control = std::to_string(options_.interchangeControl);
  const std::string e(1, delimiters_.element);
  const std::string& t = delimiters_.segment;
  const bool rejected = !interchange.interchangeErrors.empty();
  if (standard_ == Standard::x12) {
    const bool ta1 = options_.alwaysTa1 || interchange.acknowledgmentRequested;
    if (groupsInAck_ == 0 && !ta1) {
      spool_->reset();
      return;  // nothing to acknowledge
    }
    const std::string isa11 = version5_ && delimiters_.repetition ? std::string(1, delimiters_.repetition) : "U";
    out_ << "ISA" << e << "00" << e << padded("", 10) << e << "00" << e << padded("", 10) << e
         << padded(interchange.receiverQualifier, 2) << e << padded(interchange.receiver, 15) << e
         << padded(interchange.senderQualifier, 2) << e << padded(interchange.sender, 15) << e
         << options_.date.substr(2) << e << options_.time << e << isa11 << e << padded(interchange.version, 5) << e
         << zeroPadded(options_.interchangeControl, 9) << e << "0" << e << (interchange.test ? "T" : "P") << e
         << delimiters_.component << t;
    if (ta1) {
      const std::string note = rejected ? std::string(errorCode(interchange.interchangeErrors.front()).x12) : "000";
      // TA101 is 9 digits: an unpadded ISA13 from a lenient read is echoed padded.
      std::string control = interchange.controlNumber;
      if (control.size() < 9 && !control.empty() &&
          std::all_of(control.begin(), control.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        control = std::string(9 - control.size(), '0') + control;
      }
      out_ << "TA1" << e << control << e << interchange.date << e << interchange.time << e
           << (rejected ? "R" : "A") << e << note << t;
    }
    spool_->copyTo(out_);
    out_ << "IEA" << e << groupsInAck_ << e << zeroPadded(options_.interchangeControl, 9) << t;
  } else {
    const bool syntax4 = interchange.version == "4";
    const char c = delimiters_.component;
    const std::string date = syntax4 ? options_.date : options_.date.substr(2);
    // UNA only when the delimiters differ from the syntax version's defaults (syntax 4: '*' repeats).
    Delimiters defaults = Delimiters::edifactDefaults();
    if (syntax4) defaults.repetition = '*';
    if (delimiters_ != defaults) {
      out_ << "UNA" << c << delimiters_.element << delimiters_.decimal << (delimiters_.release ? delimiters_.release : ' ')
           << (delimiters_.repetition ? delimiters_.repetition : ' ') << t;
    }
    out_ << "UNB" << e << interchange.syntaxId << c << interchange.version << e
         << party(interchange.receiver, interchange.receiverQualifier, c) << e
         << party(interchange.sender, interchange.senderQualifier, c) << e << date << c << options_.time << e << control
         << t;
    out_ << "UNH" << e << "1" << e << "CONTRL" << c << (syntax4 ? "4" : "D") << c << (syntax4 ? "1" : "3") << c << "UN"
         << t;
    const auto codes = codesFor(interchange.interchangeErrors, false, true, 1);
    out_ << "UCI" << e << interchange.controlNumber << e << party(interchange.sender, interchange.senderQualifier, c)
         << e << party(interchange.receiver, interchange.receiverQualifier, c) << e << (rejected ? "4" : "7");
    if (!codes.empty()) out_ << e << codes[0];
    out_ << t;
    // Segment group 1 (messages outside groups) comes before segment group 3 (groups).
    spool_->copyTo(out_);
    groupsSpool_->copyTo(out_);
    out_ << "UNT" << e << (segmentsInSet_ + 3) << e << "1" << t;  // UNH, UCI, body, UNT
    out_ << "UNZ" << e << "1" << e << control << t;
  }
  spool_->reset();
  groupsSpool_->reset();
  ++options_.interchangeControl;
  ++written_;
}

}  // namespace edi
