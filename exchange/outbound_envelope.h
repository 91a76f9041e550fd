// The envelopes around a document we send: ISA/GS ... GE/IEA or UNA/UNB ... UNZ with our ids,
// the partner's, and the control numbers allocated to this interchange (one group, one
// message: every outbound document is its own interchange, so an ack names it unambiguously).
#pragma once

#include "exchange/segment_writer.h"

#include <cstdint>
#include <string>

namespace exchange {

struct Envelope {
  std::string senderQualifier, senderId, receiverQualifier, receiverId;
  std::string groupSender, groupReceiver;  // X12 GS02 / GS03
  std::int64_t interchangeControl = 0, groupControl = 0, messageControl = 0;
  std::string version;    // the partner's: "004010", "005010", "D96A", "D01B"
  std::string timestamp;  // stored form ("2026-11-02T08:00:00.000Z"): the envelope's date and time

  // As written: ISA13 nine digits, ST02 at least four; EDIFACT numbers as they are.
  std::string interchangeReference() const;
  std::string messageReference() const;
};

// X12: ISA and GS (functional identifier `groupCode`, "SM" for a 204); then ST with the
// message's type, counted for SE.
void beginX12(SegmentWriter& writer, const Envelope& envelope, const std::string& groupCode, const std::string& type);
void endX12(SegmentWriter& writer, const Envelope& envelope);
// EDIFACT: UNA, UNB (UNOC, syntax 3) and UNH with the message type in the envelope's directory.
void beginEdifact(SegmentWriter& writer, const Envelope& envelope, const std::string& type);
void endEdifact(SegmentWriter& writer, const Envelope& envelope);

// The same in parts, for an interchange of several messages (a partner's batch): the envelope
// opened once, each message begun and ended with its own reference, and the envelope closed
// with the number of messages (X12: in the one group) it holds.
void openX12(SegmentWriter& writer, const Envelope& envelope, const std::string& groupCode);
void beginX12Message(SegmentWriter& writer, const std::string& type, const std::string& reference);
void endX12Message(SegmentWriter& writer, const std::string& reference);
void closeX12(SegmentWriter& writer, const Envelope& envelope, int messages);
void openEdifact(SegmentWriter& writer, const Envelope& envelope);
void beginEdifactMessage(SegmentWriter& writer, const Envelope& envelope, const std::string& type,
                         const std::string& reference);
void endEdifactMessage(SegmentWriter& writer, const std::string& reference);
void closeEdifact(SegmentWriter& writer, const Envelope& envelope, int messages);

// "20261102" and "0800" of a stored timestamp, and "20261102080000" for DTM format 204.
std::string datePart(const std::string& timestamp);
std::string timePart(const std::string& timestamp);

}  // namespace exchange
