// One row of the interchange store: a file that came in from a partner or went out to one,
// kept as raw bytes, with what its envelope says and where it is in its life
// (received -> valid | invalid -> applied | failed; outbound: sent -> acknowledged).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace exchange {

enum class Direction { inbound, outbound };
enum class InterchangeStatus { received, valid, invalid, acknowledged, applied, failed, sent };

const char* directionName(Direction direction);
const char* interchangeStatusName(InterchangeStatus status);
std::optional<InterchangeStatus> interchangeStatusFromName(const std::string& name);

// What the first envelope of a file says; `standard` is "x12", "edifact" or "unknown".
struct InterchangeHeader {
  std::string standard = "unknown";
  std::string version;         // X12 ISA12 ("00401"), EDIFACT syntax ("UNOC:3")
  std::string senderId;        // qualifier:id ("ZZ:ACMEPARTS", "14:4000000000001")
  std::string receiverId;
  std::string controlNumber;   // ISA13, UNB 0020
};

struct InterchangeRecord {
  std::int64_t id = 0;
  Direction direction = Direction::inbound;
  std::optional<std::int64_t> partnerId;
  InterchangeHeader header;
  std::string fileName;
  std::int64_t byteCount = 0;
  std::string sha256;
  std::string receivedAt;
  InterchangeStatus status = InterchangeStatus::received;
  std::string statusChangedAt;
  std::optional<std::string> error;
  int attempts = 0;
  std::optional<std::int64_t> answersId;  // outbound: the inbound interchange it acknowledges
  std::optional<std::string> deliveredAt; // outbound: when it was written to the partner's outbox
};

}  // namespace exchange
