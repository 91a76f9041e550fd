// Expected failures of the customer database, returned as values: a merge into a merged-away
// customer, a case resolved twice, a survey line with a bad score is a Problem with a stable
// code, never an exception. Exceptions are left for infrastructure. The shapes come from
// outcome/outcome.h; the codes are crm's own.
#pragma once

#include "outcome/outcome.h"

namespace crm {

// Stable codes: callers switch on them and their names appear in output. Add; never rename or reuse.
enum class ProblemCode {
  missing_field,        // a required value is absent or empty
  invalid_value,        // a value outside its range or enumeration
  invalid_timestamp,    // neither "2026-10-01T08:30:00.000Z" (milliseconds optional) nor a day where one is allowed
  unknown_customer,     // no party with that code or id
  role_not_held,        // the party exists but is not a customer (or dealer, where one is needed)
  merge_into_itself,
  already_merged,       // the customer to merge away is merged into another already
  merged_away,          // the customer to merge into (or to work on) is itself merged away
  not_merged,           // unmerge of a customer that is not merged
  unknown_case,
  already_responded,
  already_resolved,
  time_goes_backwards,  // a case step dated before the step it follows
  no_credit_account,    // a partial credit update for a party that has no account yet
  code_taken,           // a new party's code is another party's already
  identifier_taken,     // an identifier (scheme and value) names another party already
};

const char* problemCodeName(ProblemCode code);

using Problem = outcome::Problem<ProblemCode>;

// The value of a write or lookup that may be refused: either a value or at least one Problem.
template <typename T>
using Result = outcome::Result<ProblemCode, T>;

using Done = outcome::Done;

}  // namespace crm
