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

void openX12(SegmentWriter& writer, const Envelope& e, const std::string& groupCode) {
  const bool version5 = e.version >= "005010";
  const std::string date = datePart(e.timestamp), time = timePart(e.timestamp);
  writer.addRaw("ISA*00*          *00*          *" + padded(e.senderQualifier, 2) + "*" + padded(e.senderId, 15) +
                "*" + padded(e.receiverQualifier, 2) + "*" + padded(e.receiverId, 15) + "*" + date.substr(2) + "*" +
                time + "*" + (version5 ? "^" : "U") + "*" + e.version.substr(0, 5) + "*" + e.interchangeReference() +
                "*0*P*:");
  writer.add("GS", {{groupCode}, {e.groupSender}, {e.groupReceiver}, {date}, {time}, {std::to_string(e.groupControl)},
                    {"X"}, {e.version}});
}

void beginX12Message(SegmentWriter& writer, const std::string& type, const std::string& reference) {
  writer.startMessage();
  writer.add("ST", {{type}, {reference}});
}

void endX12Message(SegmentWriter& writer, const std::string& reference) {
  writer.add("SE", {{std::to_string(writer.messageSegments() + 1)}, {reference}});
}

void closeX12(SegmentWriter& writer, const Envelope& e, int messages) {
  writer.add("GE", {{std::to_string(messages)}, {std::to_string(e.groupControl)}});
  writer.add("IEA", {{"1"}, {e.interchangeReference()}});
}

void beginX12(SegmentWriter& writer, const Envelope& e, const std::string& groupCode, const std::string& type) {
  openX12(writer, e, groupCode);
  beginX12Message(writer, type, e.messageReference());
}

void endX12(SegmentWriter& writer, const Envelope& e) {
  endX12Message(writer, e.messageReference());
  closeX12(writer, e, 1);
}

void openEdifact(SegmentWriter& writer, const Envelope& e) {
  writer.addRaw("UNA:+.? ");
  writer.add("UNB", {{"UNOC", "3"}, {e.senderId, e.senderQualifier}, {e.receiverId, e.receiverQualifier},
                     {datePart(e.timestamp).substr(2), timePart(e.timestamp)}, {e.interchangeReference()}});
}

void beginEdifactMessage(SegmentWriter& writer, const Envelope& e, const std::string& type,
                         const std::string& reference) {
  writer.startMessage();
  writer.add("UNH", {{reference}, {type, e.version.substr(0, 1), e.version.substr(1), "UN"}});
}

void endEdifactMessage(SegmentWriter& writer, const std::string& reference) {
  writer.add("UNT", {{std::to_string(writer.messageSegments() + 1)}, {reference}});
}

void closeEdifact(SegmentWriter& writer, const Envelope& e, int messages) {
  writer.add("UNZ", {{std::to_string(messages)}, {e.interchangeReference()}});
}

void beginEdifact(SegmentWriter& writer, const Envelope& e, const std::string& type) {
  openEdifact(writer, e);
  beginEdifactMessage(writer, e, type, e.messageReference());
}

void endEdifact(SegmentWriter& writer, const Envelope& e) {
  endEdifactMessage(writer, e.messageReference());
  closeEdifact(writer, e, 1);
}

}  // namespace exchange
