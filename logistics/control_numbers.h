// Outbound control numbers per partner (interchange ISA13 / UNB 0020, group GS06 / UNG 0048,
// message ST02 / UNH 0062). A number is handed out once: allocation increments the partner's
// counters inside the caller's transaction, and a rolled-back transaction gives its numbers back
// only because nothing was sent with them.
#pragma once

#include "logistics/problem.h"
#include "store/transaction.h"

#include <cstdint>

namespace logistics {

struct ControlNumbers {
  std::int64_t interchange = 0;
  std::int64_t firstGroup = 0;    // groups use firstGroup .. firstGroup + groups - 1
  std::int64_t firstMessage = 0;  // messages use firstMessage .. firstMessage + messages - 1
  int groups = 0;
  int messages = 0;
};

// Allocates one interchange number and `groups` / `messages` consecutive numbers for one
// outbound interchange. Safe under concurrency on both backends: the UPDATE locks the profile
// row until the transaction ends, so a concurrent allocation waits and then sees the new values.
// Refused for an unknown partner, counts below 1, or when a number would no longer fit the
// standard's field (9 digits in X12, 14 characters in EDIFACT): numbers never wrap around.
Result<ControlNumbers> allocateControlNumbers(store::Transaction& transaction, std::int64_t partyId, int groups = 1,
                                              int messages = 1);

}  // namespace logistics
