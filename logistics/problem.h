// Expected failures of the logistics library, returned as values: a record that is refused
// (bad input, a reference already taken, a step out of order) is a Problem with a stable code,
// never an exception. Exceptions are left for infrastructure (the database is unreachable...).
#pragma once

#include "outcome/outcome.h"

namespace logistics {

// Stable codes: callers (the intake, acknowledgments, the CLI, tests) switch on them and their
// names appear in logs and stored interchange errors. Add codes; never rename or reuse one.
enum class ProblemCode {
  missing_field,              // a required value is absent or empty
  invalid_value,              // a value outside its range or enumeration, or inconsistent with another
  invalid_timestamp,          // not ISO-8601 UTC as stored ("2026-10-01T08:30:00.000Z")
  unknown_party,              // a party id that does not exist
  role_not_held,              // the party exists but does not hold the role the record needs
  unknown_product,
  unknown_interchange,
  duplicate_reference,        // a business reference (BOL, PRO, RMA number...) already recorded
  unknown_shipment,
  ambiguous_reference,        // a reference that names several shipments
  unknown_line,               // a receipt line for a shipment line that does not exist
  unmapped_status_code,       // a status code with no normalized status (e.g. an estimate)
  unknown_partner,
  duplicate_partner,          // a second profile for a party, or a sender id already used
  control_numbers_exhausted,  // the next control number would not fit the standard's field
  unknown_rma,
  transition_not_allowed,     // an RMA step out of order
  time_goes_backwards,        // an RMA step dated before the step it follows
  missing_disposition,        // disposition_decided without a disposition
  invalid_ewc_code,
  hazardous_flag_mismatch,    // an asterisked (hazardous) EWC code recorded as not hazardous
  invalid_operation_code,     // not an EU R1-R13 / D1-D15 code
  unknown_serial,             // a serial number the linked RMA does not list
};

// The code's stable name, e.g. "duplicate_reference".
const char* problemCodeName(ProblemCode code);

using Problem = outcome::Problem<ProblemCode>;

// The value of a write or lookup that may be refused: either a value or at least one Problem.
template <typename T>
using Result = outcome::Result<ProblemCode, T>;

using Done = outcome::Done;

}  // namespace logistics
