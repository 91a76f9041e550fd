#include "logistics/problem.h"

namespace logistics {

const char* problemCodeName(ProblemCode code) {
  switch (code) {
    case ProblemCode::missing_field: return "missing_field";
    case ProblemCode::invalid_value: return "invalid_value";
    case ProblemCode::invalid_timestamp: return "invalid_timestamp";
    case ProblemCode::unknown_party: return "unknown_party";
    case ProblemCode::role_not_held: return "role_not_held";
    case ProblemCode::unknown_product: return "unknown_product";
    case ProblemCode::unknown_interchange: return "unknown_interchange";
    case ProblemCode::duplicate_reference: return "duplicate_reference";
    case ProblemCode::unknown_shipment: return "unknown_shipment";
    case ProblemCode::ambiguous_reference: return "ambiguous_reference";
    case ProblemCode::unknown_line: return "unknown_line";
    case ProblemCode::unmapped_status_code: return "unmapped_status_code";
    case ProblemCode::unknown_partner: return "unknown_partner";
    case ProblemCode::duplicate_partner: return "duplicate_partner";
    case ProblemCode::control_numbers_exhausted: return "control_numbers_exhausted";
    case ProblemCode::unknown_rma: return "unknown_rma";
    case ProblemCode::transition_not_allowed: return "transition_not_allowed";
    case ProblemCode::time_goes_backwards: return "time_goes_backwards";
    case ProblemCode::missing_disposition: return "missing_disposition";
    case ProblemCode::invalid_ewc_code: return "invalid_ewc_code";
    case ProblemCode::hazardous_flag_mismatch: return "hazardous_flag_mismatch";
    case ProblemCode::invalid_operation_code: return "invalid_operation_code";
    case ProblemCode::unknown_serial: return "unknown_serial";
  }
  return "unknown_problem";
}

}  // namespace logistics
