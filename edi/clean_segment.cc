#include "edi/clean_segment.h"

#include "edi/syntax_note_check.h"
#include "edi/value_check.h"

#include <cstring>

namespace edi {
namespace {

bool lengthAndCodeHold(std::string_view value, const ValueCheck& check) {
  if (value.size() < check.minLength || value.size() > check.maxLength) return false;
  return check.codes == nullptr || check.codes->contains(value);
}

// Text, identifiers and unsigned integers (most values) are decided here; the rest by checkValue.
inline bool cleanValue(std::string_view value, const ValueCheck& check, const ValueRules& rules) {
  switch (check.type) {
    case ElementType::alphanumeric:
    case ElementType::identifier:
      return lengthAndCodeHold(value, check);
    case ElementType::numeric: {
      bool digits = true;
      for (char c : value) digits &= c >= '0' && c <= '9';
      if (digits) return lengthAndCodeHold(value, check);
      break;  // a sign, or not a number: checkValue tells
    }
    default:
      break;
  }
  return checkValue(value, *check.use, rules).empty();
}

bool cleanComposite(std::string_view value, const CompositeDefinition& composite, char separator,
                    const ValueRules& rules) {
  const ValueCheck* check = composite.checks.data();
  const ValueCheck* const last = check + composite.checks.size();
  std::uint64_t present = 0;
  std::uint32_t position = 0;
  const char* at = value.data();
  const char* const end = at + value.size();
  for (;; ++check) {
    if (check == last) return false;  // more components than defined
    ++position;
    // Components are a few bytes long: a plain loop beats a call to memchr.
    const char* stop = at;
    while (stop != end && *stop != separator) ++stop;
    if (stop == at) {
      if (check->mandatory) return false;
    } else {
      if (position < 64) present |= std::uint64_t(1) << position;
      if (!cleanValue(std::string_view(at, static_cast<std::size_t>(stop - at)), *check, rules)) return false;
    }
    if (stop == end) break;
    at = stop + 1;
  }
  if (position < composite.lastMandatory) return false;  // a mandatory component after the last one given
  return composite.notes.empty() || notesHold(composite.notes, present);
}

}  // namespace

bool isCleanSegment(const Segment& segment, const SegmentDefinition& definition, const Delimiters& delimiters) {
  if (segment.hasRelease()) return false;
  const std::size_t defined = definition.checks.size();
  const std::size_t count = segment.elementCount();
  if (count < definition.lastMandatory) return false;
  for (std::size_t p = defined + 1; p <= count; ++p) {
    if (!segment.element(p).empty()) return false;
  }
  const ValueRules rules{segment.standard(), '\0', delimiters.decimal, false};
  const char repetition = delimiters.repetition;
  std::uint64_t present = 0;
  const std::size_t last = count < defined ? count : defined;
  for (std::size_t p = 1; p <= last; ++p) {
    const ValueCheck& check = definition.checks[p - 1];
    const std::string_view raw = segment.element(p);
    if (raw.empty()) {
      if (check.mandatory) return false;
      continue;
    }
    if (p < 64) present |= std::uint64_t(1) << p;
    // Repetitions are rare: the full check splits them.
    if (repetition != 0 && std::memchr(raw.data(), repetition, raw.size()) != nullptr) return false;
    const CompositeDefinition* composite = check.use->composite;
    if (composite == nullptr) {
      if (!cleanValue(raw, check, rules)) return false;
    } else if (!cleanComposite(raw, *composite, delimiters.component, rules)) {
      return false;
    }
  }
  if (!definition.noteNeedsPresence && (present & definition.notePositions) == 0) return true;
  return notesHold(definition.notes, present);
}

}  // namespace edi
