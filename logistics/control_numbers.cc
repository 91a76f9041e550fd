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

  // One statement advances all three counters and reads them back; the row lock it takes makes a
  // concurrent allocation wait for this transaction. (No WHERE on the limits: psqlODBC fails an
  // UPDATE ... RETURNING that matches no row, so the limit is checked on what comes back.)
  std::vector<std::int64_t> nextInterchange, nextGroup, nextMessage;
  session << "UPDATE partner_profile SET next_interchange_number = next_interchange_number + 1, "
             "next_group_number = next_group_number + ?, next_message_number = next_message_number + ? "
             "WHERE party_id = ? RETURNING next_interchange_number, next_group_number, next_message_number",
      bind(groupCount), bind(messageCount), bind(partyId), into(nextInterchange), into(nextGroup), into(nextMessage),
      now;
  if (nextInterchange.empty()) {
    return Problem{ProblemCode::unknown_partner, "party", "party " + std::to_string(partyId) + " has no partner profile"};
  }
  // Past the largest number the counters have moved on but nothing is handed out, now or later:
  // numbers never wrap around to ones already used.
  if (nextInterchange.front() - 1 > largest || nextGroup.front() - 1 > largest || nextMessage.front() - 1 > largest) {
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
