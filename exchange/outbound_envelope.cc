#include "exchange/outbound_envelope.h"

namespace exchange {
namespace {

std::string padded(const std::string& value, std::size_t width) {
  return value.size() >= width ? value : value + std::string(width - value.size(), ' ');
}

std::string zeroPadded(std::int64_t number, int width) {
  const std::string digits = std::to_string(number);
  return digits.size() >= static_cast<std::size_t>(width) ? digits : std::string(width - digits.size(), '0') + digits;
}

}  // namespace

std::string datePart(const std::string& timestamp) {
  return timestamp.substr(0, 4) + timestamp.substr(5, 2) + timestamp.substr(8, 2);
}
std::string timePart(const std::string& timestamp) { return timestamp.substr(11, 2) + timestamp.substr(14, 2); }

std::string Envelope::interchangeReference() const {
  return version.rfind("00", 0) == 0 ? zeroPadded(interchangeControl, 9) : std::to_string(interchangeControl);
}
std::string Envelope::messageReference() const {
  return version.rfind("00", 0) == 0 ? zeroPadded(messageControl, 4) : std::to_string(messageControl);
}

void beginX12(SegmentWriter& writer, const Envelope& e, const std::string& groupCode, const std::string& type) {
  const bool version5 = e.version >= "005010";
  const std::string date = datePart(e.timestamp), time = timePart(e.timestamp);
  writer.addRaw("ISA*00*          *00*          *" + padded(e.senderQualifier, 2) + "*" + padded(e.senderId, 15) +
                "*" + padded(e.receiverQualifier, 2) + "*" + padded(e.receiverId, 15) + "*" + date.substr(2) + "*" +
                time + "*" + (version5 ? "^" : "U") + "*" + e.version.substr(0, 5) + "*" + e.interchangeReference() +
                "*0*P*:");
  writer.add("GS", {{groupCode}, {e.groupSender}, {e.groupReceiver}, {date}, {time}, {std::to_string(e.groupControl)},
                    {"X"}, {e.version}});
  writer.startMessage();
  writer.add("ST", {{type}, {e.messageReference()}});
}

void endX12(SegmentWriter& writer, const Envelope& e) {
  writer.add("SE", {{std::to_string(writer.messageSegments() + 1)}, {e.messageReference()}});
  writer.add("GE", {{"1"}, {std::to_string(e.groupControl)}});
  writer.add("IEA", {{"1"}, {e.interchangeReference()}});
}

void beginEdifact(SegmentWriter& writer, const Envelope& e, const std::string& type) {
  writer.addRaw("UNA:+.? ");
  writer.add("UNB", {{"UNOC", "3"}, {e.senderId, e.senderQualifier}, {e.receiverId, e.receiverQualifier},
                     {datePart(e.timestamp).substr(2), timePart(e.timestamp)}, {e.interchangeReference()}});
  writer.startMessage();
  writer.add("UNH", {{e.messageReference()}, {type, e.version.substr(0, 1), e.version.substr(1), "UN"}});
}

void endEdifact(SegmentWriter& writer, const Envelope& e) {
  writer.add("UNT", {{std::to_string(writer.messageSegments() + 1)}, {e.messageReference()}});
  writer.add("UNZ", {{"1"}, {e.interchangeReference()}});
}

}  // namespace exchange
