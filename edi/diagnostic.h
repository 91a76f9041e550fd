// What the EDI engine says about a file: errors and tolerated deviations, each with a precise
// location and a stable code. Expected failures of input are values in a list, never exceptions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace edi {

enum class Severity { error, warning };

// Where in the input a diagnostic points. Counters are 1-based; 0 means "not applicable".
struct Location {
  std::uint64_t offset = 0;        // byte offset in the file (0-based)
  std::uint32_t line = 0;          // line in the file, when it has line breaks
  std::uint32_t interchange = 0;   // interchange in the file
  std::uint32_t group = 0;         // functional group (X12 GS, EDIFACT UNG) in the interchange
  std::uint32_t message = 0;       // transaction set / message in the group or interchange
  std::uint64_t segment = 0;       // segment in the interchange
  std::uint32_t segmentInMessage = 0;  // segment position counted from ST / UNH = 1
  std::string tag;                 // segment tag, when known
  std::uint32_t element = 0;       // data element position in the segment
  std::uint32_t component = 0;     // component position in a composite
  std::uint32_t repetition = 0;    // repetition of a repeating element
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  // stable, e.g. "envelope.se-count"; see docs/EDI.md
  std::string message;
  Location where;
};

// Diagnostics of one run, in order. A tolerated deviation that repeats is counted, not repeated.
// Past a limit (a file with millions of errors), diagnostics are counted but no longer kept, so
// memory stays bounded; the counts stay exact.
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t limit = 100000) : limit_(limit) {}

  void add(Diagnostic diagnostic) {
    if (diagnostic.severity == Severity::error) ++errors_;
    if (items_.size() < limit_) {
      items_.push_back(std::move(diagnostic));
    } else {
      ++dropped_;
    }
  }
  void error(std::string code, std::string message, Location where) {
    add({Severity::error, std::move(code), std::move(message), std::move(where)});
  }
  void warning(std::string code, std::string message, Location where) {
    add({Severity::warning, std::move(code), std::move(message), std::move(where)});
  }

  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t errorCount() const { return errors_; }
  std::size_t warningCount() const { return items_.size() + dropped_ - errors_; }
  std::size_t droppedCount() const { return dropped_; }  // counted, not kept
  bool hasErrors() const { return errors_ > 0; }
  void clear() {
    items_.clear();
    errors_ = dropped_ = 0;
  }

 private:
  std::vector<Diagnostic> items_;
  std::size_t limit_;
  std::size_t errors_ = 0;
  std::size_t dropped_ = 0;
};

// "FILE:LINE: error: [code] message (interchange 1, group 1, message 2, segment 14 N1, element 3)"
std::string formatDiagnostic(const Diagnostic& diagnostic, const std::string& fileName);

}  // namespace edi
