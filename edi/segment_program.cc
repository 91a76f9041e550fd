#include "edi/segment_program.h"

#include "edi/clean_segment.h"
#include "edi/syntax_note_check.h"

#include <emmintrin.h>

namespace edi {

SegmentProgram::SegmentProgram(const SegmentDefinition& definition, bool rests)
    : definition_(&definition), rests_(rests) {
  const std::size_t defined = definition.checks.size();
  std::size_t slots = 0;
  for (const ValueCheck& check : definition.checks) slots += check.composite ? check.composite->checks.size() : 1;
  if (defined >= 63 || slots + 1 > kMaxSlots) return;  // + 1: the slot of extra elements
  const auto addSlot = [this](const ValueCheck& check) {
    Slot slot;
    // Numbers are measured without their sign and decimal mark: the value check measures them.
    const bool measured = check.type != ElementType::numeric && check.type != ElementType::decimal;
    slot.minLength = measured ? check.minLength : 0;
    slot.span = measured ? check.maxLength - check.minLength : 0xFFFFFFFFu;
    if (measured && check.minLength > check.maxLength) {  // no length fits
      slot.minLength = 0xFFFFFFFFu;
      slot.span = 0;
    }
    slot.kind = check.lengthOnly ? Kind::length : Kind::value;
    slot.check = &check;
    slots_.push_back(slot);
  };
  for (std::size_t p = 1; p <= defined; ++p) {
    const ValueCheck& check = definition.checks[p - 1];
    if (p < 64 && check.mandatory) mandatoryElements_ |= std::uint64_t(1) << p;
    firstSlot_[p] = static_cast<std::uint8_t>(slots_.size());
    if (check.composite == nullptr) {
      addSlot(check);
      slots_.back().nextComponent = kUndecided;  // a simple value with a component separator in it
      continue;
    }
    const CompositeDefinition& composite = *check.composite;
    const std::size_t first = slots_.size();
    std::uint64_t required = 0;
    for (std::size_t c = 0; c < composite.checks.size(); ++c) {
      addSlot(composite.checks[c]);
      if (composite.checks[c].mandatory) required |= std::uint64_t(1) << (first + c);
      slots_.back().nextComponent =
          c + 1 < composite.checks.size() ? static_cast<std::uint8_t>(first + c + 1) : kTooMany;
    }
    for (std::size_t s = first; s < slots_.size(); ++s) slots_[s].required = required;
    if (!composite.notes.empty()) {
      compositeNotes_.push_back({static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(first),
                                 static_cast<std::uint32_t>(composite.checks.size()), &composite});
    }
  }
  // Elements past the defined ones must be empty: a slot no value fits, whose separators lead nowhere.
  Slot extra;
  extra.span = 0;  // with minLength 0: only the empty value is in bounds
  extra.nextComponent = kTooMany;
  const std::uint8_t extraSlot = static_cast<std::uint8_t>(slots_.size());
  slots_.push_back(extra);
  for (std::size_t p = defined + 1; p < 64; ++p) firstSlot_[p] = extraSlot;
  usable_ = true;
}

namespace {

// Bit i: text[base + i] is `wanted`, for i < 64 and base + i < size. Loads start below `size`
// and so end at most 15 bytes past it (Segment::kReadablePastEnd). Repetitions are looked for
// only when the interchange has a repetition separator.
template <bool kRepetition>
inline void separatorMasks(const char* text, std::size_t base, std::size_t size, const Delimiters& delimiters,
                           std::uint64_t& elements, std::uint64_t& components, std::uint64_t& repetitions) {
  const __m128i e = _mm_set1_epi8(delimiters.element);
  const __m128i c = _mm_set1_epi8(delimiters.component);
  const __m128i r = _mm_set1_epi8(delimiters.repetition);
  elements = components = repetitions = 0;
  const std::size_t end = size - base < 64 ? size - base : 64;
  for (std::size_t i = 0; i < end; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + base + i));
    elements |= std::uint64_t(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, e)))) << i;
    components |= std::uint64_t(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, c)))) << i;
    if (kRepetition) repetitions |= std::uint64_t(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, r)))) << i;
  }
  if (end < 64) {
    const std::uint64_t inside = (std::uint64_t(1) << end) - 1;
    elements &= inside;
    components &= inside;
    if (kRepetition) repetitions &= inside;
  }
}

// The same, false when the text holds a repetition separator.
inline bool separatorMasks(const char* text, std::size_t base, std::size_t size, const Delimiters& delimiters,
                           std::uint64_t& elements, std::uint64_t& components) {
  std::uint64_t repetitions = 0;
  if (delimiters.repetition == 0) {
    separatorMasks<false>(text, base, size, delimiters, elements, components, repetitions);
    return true;
  }
  separatorMasks<true>(text, base, size, delimiters, elements, components, repetitions);
  return repetitions == 0;
}

}  // namespace

CleanVerdict SegmentProgram::check(const Segment& segment, const Delimiters& delimiters) {
  if (resting_ != 0) {
    --resting_;
    return CleanVerdict::undecided;
  }
  if (!usable_ || segment.hasRelease()) return CleanVerdict::undecided;
  const std::string_view text = segment.text();
  const std::size_t size = text.size();
  Shape seen;
  if (size <= kShapeBytes) {
    // The full check splits repetitions.
    if (!separatorMasks(text.data(), 0, size, delimiters, seen.elements, seen.components)) return CleanVerdict::undecided;
    seen.elements |= std::uint64_t(1) << size;
    const std::size_t k = shapeSlot(seen);
    const bool known = shapes_[k].elements == seen.elements && shapes_[k].components == seen.components;
    misses_ += known ? 0 : 1;
    if (++checks_ == kRound) {
      if (misses_ > kRound / 4 && rests_) resting_ = kRest;
      checks_ = misses_ = 0;
    }
    if (known) return recheck(segment, delimiters, shapeValues_[k]);
  }
  // Separators that coincide are the full check's business (a shape is only ever remembered with
  // component separators apart from element separators, so such a segment matches none).
  const char element = delimiters.element, component = delimiters.component, repetition = delimiters.repetition;
  if (component == 0 || component == element || repetition == element || (repetition != 0 && repetition == component)) {
    return CleanVerdict::undecided;
  }
  ShapeValues values;
  const CleanVerdict verdict = walk(segment, delimiters, values);
  if (verdict == CleanVerdict::clean && size <= kShapeBytes && values.count <= kMaxValuesAt) {
    shapes_[shapeSlot(seen)] = seen;
    shapeValues_[shapeSlot(seen)] = values;
  }
  return verdict;
}

CleanVerdict SegmentProgram::recheck(const Segment& segment, const Delimiters& delimiters,
                                     const ShapeValues& values) const {
  if (values.count == 0) return CleanVerdict::clean;
  const std::string_view text = segment.text();
  const ValueRules rules{segment.standard(), '\0', delimiters.decimal, false};
  for (std::size_t v = 0; v < values.count; ++v) {
    const ValueAt& at = values.at[v];
    if (!isCleanValue(text.substr(at.offset, at.length), *slots_[at.slot].check, rules)) return CleanVerdict::notClean;
  }
  return CleanVerdict::clean;
}

CleanVerdict SegmentProgram::walk(const Segment& segment, const Delimiters& delimiters, ShapeValues& values) const {
  const std::size_t count = segment.elementCount();
  if (count == 0) return finish(0, 0, 0);
  if (count > 62) return CleanVerdict::undecided;
  const std::string_view text = segment.text();
  const char* const data = text.data();
  const std::size_t size = text.size();
  const ValueRules rules{segment.standard(), '\0', delimiters.decimal, false};

  std::uint64_t elementsPresent = 0, slotsPresent = 0, required = 0;
  std::size_t position = 1;
  std::size_t slot = firstSlot_[1];
  std::size_t start = static_cast<std::size_t>(segment.elementWithin(1).data() - data);  // after the tag
  // One token per value between separators; the end of the text ends the last one.
  for (std::size_t base = start;; base += 64) {
    std::uint64_t elements = 0, components = 0;
    const bool last = size - base < 64;
    if (base < size && !separatorMasks(data, base, size, delimiters, elements, components)) {
      return CleanVerdict::undecided;  // the full check splits repetitions
    }
    std::uint64_t stops = elements | components;
    if (last) stops |= std::uint64_t(1) << (size - base);  // past the last byte: the end of the text
    while (stops != 0) {
      const std::size_t bit = static_cast<std::size_t>(__builtin_ctzll(stops));
      const std::size_t at = base + bit;
      const bool byComponent = (components >> bit & 1) != 0;
      stops &= stops - 1;
      const std::size_t length = at - start;
      const Slot& s = slots_[slot];
      // Before the value is checked: in a simple element the component separator is part of the
      // value, which is then not this token.
      if (byComponent && s.nextComponent >= kTooMany) {
        return s.nextComponent == kTooMany ? CleanVerdict::notClean : CleanVerdict::undecided;
      }
      const bool given = length != 0;
      const bool elementGiven = given || byComponent;
      elementsPresent |= std::uint64_t(elementGiven) << position;
      required |= elementGiven ? s.required : 0;
      if (given) {
        if (length - s.minLength > s.span) return CleanVerdict::notClean;
        if (s.kind != Kind::length) {
          if (!isCleanValue(std::string_view(data + start, length), *s.check, rules)) return CleanVerdict::notClean;
          if (values.count < kMaxValuesAt) {
            values.at[values.count] = {static_cast<std::uint8_t>(start), static_cast<std::uint8_t>(length),
                                       static_cast<std::uint8_t>(slot)};
          }
          ++values.count;  // past kMaxValuesAt: the shape is not kept (at most 63 values: no overflow)
        }
        slotsPresent |= std::uint64_t(1) << slot;
      }
      if (at >= size) return finish(elementsPresent, slotsPresent, required);
      start = at + 1;
      if (byComponent) {
        slot = s.nextComponent;
      } else {
        slot = firstSlot_[++position];
      }
    }
  }
}

CleanVerdict SegmentProgram::finish(std::uint64_t elementsPresent, std::uint64_t slotsPresent,
                                    std::uint64_t required) const {
  if ((mandatoryElements_ & ~elementsPresent) != 0 || (required & ~slotsPresent) != 0) return CleanVerdict::notClean;
  for (const CompositeNotes& notes : compositeNotes_) {
    if ((elementsPresent >> notes.position & 1) == 0) continue;
    const std::uint64_t components = slotsPresent >> notes.firstSlot & ((std::uint64_t(1) << notes.components) - 1);
    if (!notesHold(notes.composite->notes, components << 1)) return CleanVerdict::notClean;
  }
  const SegmentDefinition& definition = *definition_;
  if (!definition.noteNeedsPresence && (elementsPresent & definition.notePositions) == 0) return CleanVerdict::clean;
  return notesHold(definition.notes, elementsPresent) ? CleanVerdict::clean : CleanVerdict::notClean;
}

}  // namespace edi
