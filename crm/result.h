// Expected failures of the customer database, returned as values: a merge into a merged-away
// customer, a case resolved twice, a survey line with a bad score is a Problem with a stable
// code, never an exception. Exceptions are left for infrastructure. (Mirrors logistics/problem.h
// rather than sharing it: crm must not depend on logistics, and the codes are crm's own.)
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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
};

const char* problemCodeName(ProblemCode code);

struct Problem {
  ProblemCode code;
  std::string field;    // the field at fault ("score", "answered_at"), or empty
  std::string message;  // one sentence for people: what is wrong and, where useful, what would do

  // "already_resolved (case): ..." for logs and command-line output.
  std::string describe() const;
};

// Either a value or at least one Problem.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}
  Result(Problem problem) : problems_{std::move(problem)} {}
  Result(std::vector<Problem> problems) : problems_(std::move(problems)) {
    if (problems_.empty()) throw std::logic_error("a refused Result needs at least one problem");
  }

  bool ok() const { return problems_.empty(); }
  explicit operator bool() const { return ok(); }
  // Asking a refused result for its value is a programming error.
  const T& value() const {
    if (!ok()) throw std::logic_error("value() of a refused result: " + describe());
    return *value_;
  }
  const std::vector<Problem>& problems() const { return problems_; }
  bool has(ProblemCode code) const {
    for (const Problem& problem : problems_) {
      if (problem.code == code) return true;
    }
    return false;
  }
  std::string describe() const {
    std::string text;
    for (const Problem& problem : problems_) text += (text.empty() ? "" : "; ") + problem.describe();
    return text;
  }

 private:
  std::optional<T> value_;
  std::vector<Problem> problems_;
};

struct Done {};

}  // namespace crm
