#include "crm/result.h"

namespace crm {

const char* problemCodeName(ProblemCode code) {
  switch (code) {
    case ProblemCode::missing_field: return "missing_field";
    case ProblemCode::invalid_value: return "invalid_value";
    case ProblemCode::invalid_timestamp: return "invalid_timestamp";
    case ProblemCode::unknown_customer: return "unknown_customer";
    case ProblemCode::role_not_held: return "role_not_held";
    case ProblemCode::merge_into_itself: return "merge_into_itself";
    case ProblemCode::already_merged: return "already_merged";
    case ProblemCode::merged_away: return "merged_away";
    case ProblemCode::not_merged: return "not_merged";
    case ProblemCode::unknown_case: return "unknown_case";
    case ProblemCode::already_responded: return "already_responded";
    case ProblemCode::already_resolved: return "already_resolved";
    case ProblemCode::time_goes_backwards: return "time_goes_backwards";
    case ProblemCode::no_credit_account: return "no_credit_account";
    case ProblemCode::code_taken: return "code_taken";
    case ProblemCode::identifier_taken: return "identifier_taken";
  }
  return "unknown_problem";
}

}  // namespace crm
