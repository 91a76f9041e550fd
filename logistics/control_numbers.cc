#include "logistics/control_numbers.h"

#include "logistics/record_checks.h"

#include <Poco/Data/Statement.h>

#include <vector>

using namespace Poco::Data::Keywords;

namespace logistics {
namespace {

// ISA13, GS06 and ST02 hold at most nine digits; UNB 0020, UNG 0048 and UNH 0062 are an..14.
constexpr std::int64_t kX12Largest = 999'999'999;
constexpr std::int64_t kEdifactLargest = 99'999'999'999'999;

}  // namespace

Result<ControlNumbers> allocateControlNumbers(store::Transaction& transaction, std::int64_t partyId, int groups,
                                              int messages) {
  Poco::Data::Session& session = writeSession(transaction);
  if (groups < 1 || messages < 1) {
    return Problem{ProblemCode::invalid_value, groups < 1 ? "groups" : "messages",
                   "an interchange carries at least one group and one message"};
  }
  std::vector<std::string> standard;
  session << "SELECT standard FROM partner_profile WHERE party_id = ?", bind(partyId), into(standard), now;
  if (standard.empty()) {
    return Problem{ProblemCode::unknown_partner, "party", "party " + std::to_string(partyId) + " has no partner profile"};
  }
  const std::int64_t largest = standard.front() == "x12" ? kX12Largest : kEdifactLargest;
  const std::int64_t groupCount = groups, messageCount = messages;

  // One statement reads and advances all three counters. The WHERE refuses an allocation that
  // would pass the largest number instead of wrapping around to numbers already used.
  std::vector<std::int64_t> nextInterchange, nextGroup, nextMessage;
  session << "UPDATE partner_profile SET next_interchange_number = next_interchange_number + 1, "
             "next_group_number = next_group_number + ?, next_message_number = next_message_number + ? "
             "WHERE party_id = ? AND next_interchange_number <= ? AND next_group_number + ? - 1 <= ? "
             "AND next_message_number + ? - 1 <= ? "
             "RETURNING next_interchange_number, next_group_number, next_message_number",
      bind(groupCount), bind(messageCount), bind(partyId), bind(largest), bind(groupCount), bind(largest),
      bind(messageCount), bind(largest), into(nextInterchange), into(nextGroup), into(nextMessage), now;
  if (nextInterchange.empty()) {
    return Problem{ProblemCode::control_numbers_exhausted, "party",
                   "party " + std::to_string(partyId) + " has used every control number up to " +
                       std::to_string(largest) + "; agree a new sender id with the partner"};
  }
  ControlNumbers numbers;
  numbers.interchange = nextInterchange.front() - 1;
  numbers.firstGroup = nextGroup.front() - groupCount;
  numbers.firstMessage = nextMessage.front() - messageCount;
  numbers.groups = groups;
  numbers.messages = messages;
  return numbers;
}

}  // namespace logistics
