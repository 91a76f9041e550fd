#include "edi/clean_segment.h"

#include "edi/syntax_note_check.h"
#include "edi/value_check.h"

#include <cstring>

namespace edi {
namespace {

bool cleanValue(std::string_view value, const ElementUse& use, const ValueRules& rules) {
  const ElementDefinition& definition = *use.element;
  if (definition.type == ElementType::alphanumeric || definition.type == ElementType::identifier) {
    if (value.size() < definition.minLength || value.size() > definition.maxLength) return false;
    return use.validCodes.empty() || use.validCodes.contains(value);
  }
  return checkValue(value, use, rules).empty();
}

bool cleanComposite(std::string_view value, const CompositeDefinition& composite, char separator,
                    const ValueRules& rules) {
  const std::size_t defined = composite.components.size();
  std::uint64_t present = 0;
  std::size_t c = 0;
  const char* at = value.data();
  const char* const end = at + value.size();
  for (;;) {
    if (c == defined) return false;  // more components than defined
    const char* stop = static_cast<const char*>(std::memchr(at, separator, static_cast<std::size_t>(end - at)));
    if (stop == nullptr) stop = end;
    const ElementUse& part = composite.components[c++];
    const std::string_view text(at, static_cast<std::size_t>(stop - at));
    if (text.empty()) {
      if (part.requirement == Requirement::mandatory) return false;
    } else {
      if (c < 64) present |= std::uint64_t(1) << c;
      if (!cleanValue(text, part, rules)) return false;
    }
    if (stop == end) break;
    at = stop + 1;
  }
  for (; c < defined; ++c) {
    if (composite.components[c].requirement == Requirement::mandatory) return false;
  }
  return composite.notes.empty() || notesHold(composite.notes, present);
}

}  // namespace

bool isCleanSegment(const Segment& segment, const SegmentDefinition& definition, const Delimiters& delimiters) {
  if (segment.hasRelease()) return false;
  const std::size_t defined = definition.elements.size();
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
    const ElementUse& use = definition.elements[p - 1];
    const std::string_view raw = segment.element(p);
    if (raw.empty()) {
      if (use.requirement == Requirement::mandatory) return false;
      continue;
    }
    if (p < 64) present |= std::uint64_t(1) << p;
    // Repetitions are rare: the full check splits them.
    if (repetition != 0 && std::memchr(raw.data(), repetition, raw.size()) != nullptr) return false;
    if (use.composite == nullptr) {
      if (!cleanValue(raw, use, rules)) return false;
    } else if (!cleanComposite(raw, *use.composite, delimiters.component, rules)) {
      return false;
    }
  }
  if (!definition.noteNeedsPresence && (present & definition.notePositions) == 0) return true;
  return notesHold(definition.notes, present);
}

}  // namespace edi
