#include "edi/clean_segment.h"

#include "edi/syntax_note_check.h"
#include "edi/value_check.h"

#include <emmintrin.h>

#include <cstring>

namespace edi {
namespace {

bool lengthAndCodeHold(std::string_view value, const ValueCheck& check) {
  if (value.size() < check.minLength || value.size() > check.maxLength) return false;
  return check.codes == nullptr || check.codes->contains(value);
}

bool allDigits(std::string_view value) {
  bool digits = true;
  for (char c : value) digits &= c >= '0' && c <= '9';
  return digits;
}

// Decides the common types here, exactly as checkValue would for a value with no release or
// control byte (a value is never empty here); the rest, and numbers with a sign or a decimal
// mark, go to checkValue.
inline bool cleanValue(std::string_view value, const ValueCheck& check, const ValueRules& rules) {
  if (check.lengthOnly) return value.size() >= check.minLength && value.size() <= check.maxLength;
  switch (check.type) {
    case ElementType::alphanumeric:
    case ElementType::identifier:
      return lengthAndCodeHold(value, check);
    case ElementType::numeric:
    case ElementType::decimal:
      // Only digits: the digit count is the size.
      if (allDigits(value)) return lengthAndCodeHold(value, check);
      break;
    case ElementType::date:
      return isValidDate(value) && lengthAndCodeHold(value, check);
    case ElementType::time:
      return isValidTime(value) && lengthAndCodeHold(value, check);
    default:
      break;
  }
  return checkValue(value, *check.use, rules).empty();
}

// Bit i set: value[i] is the separator; for values of at most 64 bytes. Loads run up to 15
// bytes past the value, which Segment::kReadablePastEnd allows.
inline std::uint64_t separatorBits(const char* value, std::size_t size, char separator) {
  const __m128i wanted = _mm_set1_epi8(separator);
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < size; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(value + i));
    bits |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, wanted)))) << i;
  }
  return size < 64 ? bits & ((std::uint64_t(1) << size) - 1) : bits;
}

bool cleanComposite(std::string_view value, const CompositeDefinition& composite, char separator,
                    const ValueRules& rules) {
  const ValueCheck* check = composite.checks.data();
  const ValueCheck* const last = check + composite.checks.size();
  std::uint64_t present = 0;
  std::uint32_t position = 0;
  const std::size_t size = value.size();
  // The separators found at once (nearly every composite is short); a longer one is walked.
  const bool fits = size <= 64;
  std::uint64_t separators = fits ? separatorBits(value.data(), size, separator) : 0;
  std::size_t at = 0;
  for (;; ++check) {
    if (check == last) return false;  // more components than defined
    ++position;
    std::size_t stop;
    if (fits) {
      stop = separators != 0 ? static_cast<std::size_t>(__builtin_ctzll(separators)) : size;
      separators &= separators - 1;
    } else {
      stop = at;
      while (stop != size && value[stop] != separator) ++stop;
    }
    if (stop == at) {
      if (check->mandatory) return false;
    } else {
      if (position < 64) present |= std::uint64_t(1) << position;
      if (!cleanValue(value.substr(at, stop - at), *check, rules)) return false;
    }
    if (stop == size) break;
    at = stop + 1;
  }
  if (position < composite.lastMandatory) return false;  // a mandatory component after the last one given
  return composite.notes.empty() || notesHold(composite.notes, present);
}

}  // namespace

bool isCleanValue(std::string_view value, const ValueCheck& check, const ValueRules& rules) {
  return cleanValue(value, check, rules);
}

bool isCleanSegment(const Segment& segment, const SegmentDefinition& definition, const Delimiters& delimiters) {
  if (segment.hasRelease()) return false;
  const std::size_t defined = definition.checks.size();
  const std::size_t count = segment.elementCount();
  if (count < definition.lastMandatory) return false;
  for (std::size_t p = defined + 1; p <= count; ++p) {
    if (!segment.elementWithin(p).empty()) return false;
  }
  const ValueRules rules{segment.standard(), '\0', delimiters.decimal, false};
  const char repetition = delimiters.repetition;
  std::uint64_t present = 0;
  const std::size_t last = count < defined ? count : defined;
  for (std::size_t p = 1; p <= last; ++p) {
    const ValueCheck& check = definition.checks[p - 1];
    const std::string_view raw = segment.elementWithin(p);  // p <= count
    if (raw.empty()) {
      if (check.mandatory) return false;
      continue;
    }
    if (p < 64) present |= std::uint64_t(1) << p;
    // Repetitions are rare: the full check splits them.
    if (repetition != 0 && std::memchr(raw.data(), repetition, raw.size()) != nullptr) return false;
    const CompositeDefinition* composite = check.composite;
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
