#include "exchange/interchange_record.h"

namespace exchange {
namespace {

constexpr const char* kStatusNames[] = {"received", "valid", "invalid", "acknowledged", "applied", "failed", "sent"};

}  // namespace

const char* directionName(Direction direction) { return direction == Direction::inbound ? "inbound" : "outbound"; }

const char* interchangeStatusName(InterchangeStatus status) { return kStatusNames[static_cast<int>(status)]; }

std::optional<InterchangeStatus> interchangeStatusFromName(const std::string& name) {
  for (int i = 0; i < static_cast<int>(std::size(kStatusNames)); ++i) {
    if (name == kStatusNames[i]) return static_cast<InterchangeStatus>(i);
  }
  return std::nullopt;
}

}  // namespace exchange
