// Expected failures as values, shared by the domain libraries: a refused write or lookup returns
// a Problem (stable code, field, sentence) instead of throwing. Each library keeps its own code
// enum and names; this header only holds the shapes, so crm and logistics need not depend on
// each other to agree on them.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace outcome {

// Where in a document a refused value stood, when the record was read from one: the segment's
// position in its message (the header being 1), its tag, and the element ("TD108"). Callers that
// name no document leave it empty.
struct Location {
  std::uint32_t segment = 0;
  std::string tag;
  std::string element;

  bool known() const { return segment != 0; }
  // "segment 8 (TD1), element TD108"; empty when unknown.
  std::string describe() const {
    if (!known()) return "";
    std::string text = "segment " + std::to_string(segment) + " (" + tag + ")";
    return element.empty() ? text : text + ", element " + element;
  }
};

// Code is a library's enum; problemCodeName(Code) must be declared in the enum's namespace.
template <typename Code>
struct Problem {
  Code code;
  std::string field;    // the field at fault ("bill_of_lading", "lines[2].quantity"), or empty
  std::string message;  // one sentence for people: what is wrong and, where useful, what would do
  Location where = {};  // set when the value came from a document

  // "duplicate_reference (bill_of_lading): ..." for logs and command-line output; a problem read
  // from a document says where first: "segment 8 (TD1), element TD108: invalid_value (TD108): ...".
  std::string describe() const {
    std::string text = where.known() ? where.describe() + ": " : "";
    text += problemCodeName(code);
    if (!field.empty()) text += " (" + field + ")";
    return text + ": " + message;
  }
};

// Either a value or at least one Problem.
template <typename Code, typename T>
class Result {
 public:
  using ProblemType = Problem<Code>;

  Result(T value) : value_(std::move(value)) {}
  Result(ProblemType problem) : problems_{std::move(problem)} {}
  Result(std::vector<ProblemType> problems) : problems_(std::move(problems)) {
    if (problems_.empty()) throw std::logic_error("a refused Result needs at least one problem");
  }

  bool ok() const { return problems_.empty(); }
  explicit operator bool() const { return ok(); }

  // Asking a refused result for its value is a programming error.
  const T& value() const {
    if (!ok()) throw std::logic_error("value() of a refused result: " + describe());
    return *value_;
  }
  const std::vector<ProblemType>& problems() const { return problems_; }
  bool has(Code code) const {
    for (const ProblemType& problem : problems_) {
      if (problem.code == code) return true;
    }
    return false;
  }
  // All problems, "; "-separated; empty when ok.
  std::string describe() const {
    std::string text;
    for (const ProblemType& problem : problems_) text += (text.empty() ? "" : "; ") + problem.describe();
    return text;
  }

 private:
  std::optional<T> value_;
  std::vector<ProblemType> problems_;
};

// The value of a write that returns nothing but can be refused.
struct Done {};

}  // namespace outcome
