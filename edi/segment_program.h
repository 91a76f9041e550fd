// A segment definition compiled once into a flat table, for the validator's fast path: one slot
// per simple element and per composite component, with its length bounds, what else to check and
// where the next separator leads. A segment is then checked in one pass over its separators,
// found as bit masks, instead of walking the definition element by element (edi/clean_segment.h,
// whose answer it must give whenever it gives one; tests/edi and the validator fuzzer compare the
// two). The shapes of clean segments are remembered, so that most segments need not even that walk.
#pragma once

#include "edi/delimiters.h"
#include "edi/message_spec.h"
#include "edi/segment.h"

#include <cstdint>
#include <vector>

namespace edi {

enum class CleanVerdict {
  clean,      // isCleanSegment would say true
  notClean,   // isCleanSegment would say false
  undecided,  // a case the table does not cover (a release character, repetitions, a component
              // separator in a simple element, more than 62 elements or slots): ask isCleanSegment
};

class SegmentProgram {
 public:
  // `rests`: whether it stops using shapes for a while where they rarely repeat (below); off only
  // where every answer is compared with the element walk's (tests, fuzzer).
  explicit SegmentProgram(const SegmentDefinition& definition, bool rests = true);

  // Only for a segment with no control byte (the caller knows); one with a release character is
  // undecided. Not const: it remembers the shapes of clean segments (below).
  CleanVerdict check(const Segment& segment, const Delimiters& delimiters);

 private:
  // Where a separator after a slot's value leads, besides another slot.
  static constexpr std::uint8_t kTooMany = 0xFE;    // past a composite's last component, or an extra element
  static constexpr std::uint8_t kUndecided = 0xFF;  // a component separator inside a simple element
  static constexpr std::size_t kMaxSlots = 63;      // slot numbers are bits of one word

  enum class Kind : std::uint8_t {
    length,  // text without a code list: the length alone
    value,   // anything else: the fast path's value check (edi/clean_segment.h)
  };

  struct Slot {
    std::uint32_t minLength = 0;
    std::uint32_t span = 0;  // maxLength - minLength: a length is in bounds when length - min <= span (unsigned)
    Kind kind = Kind::length;
    std::uint8_t nextComponent = kTooMany;  // the slot a component separator leads to
    std::uint64_t required = 0;  // a composite's mandatory components, as slot bits, once it is present
    const ValueCheck* check = nullptr;  // for Kind::value
  };

  // A composite with syntax notes: checked at the end, from its components' slot bits.
  struct CompositeNotes {
    std::uint32_t position;  // of the element in the segment
    std::uint32_t firstSlot, components;
    const CompositeDefinition* composite;
  };

  // A value whose bytes matter beyond its length (Kind::value): where it lies, and its slot.
  struct ValueAt {
    std::uint8_t offset = 0, length = 0, slot = 0;
  };
  static constexpr std::size_t kMaxValuesAt = 6;

  // The shape of a clean segment of less than 64 bytes: where its element and component separators
  // lie, and its size. Whether a segment is clean depends on its shape alone (which slot each
  // value falls in, how long it is, which elements and components are present, hence mandatory
  // elements and syntax notes), except for its values of Kind::value, which are checked again.
  // Messages repeat a few shapes per segment over and over (qualifiers, fixed-width numbers and
  // dates): a segment of a known shape costs one separator scan and those value checks.
  struct Shape {
    std::uint64_t elements = 0;    // the element separators' bits and bit `size`, which no separator has
    std::uint64_t components = 0;  // 0 and 0: none yet (a real shape has bit `size` set)
  };
  struct ShapeValues {
    std::uint8_t count = 0;
    ValueAt at[kMaxValuesAt];
  };
  // Direct-mapped by a hash of the shape: a hit costs one comparison, whatever the shape.
  static constexpr std::size_t kShapes = 16;
  static std::size_t shapeSlot(const Shape& shape) {
    return static_cast<std::size_t>(((shape.elements ^ (shape.components * 0x9E3779B97F4A7C15ull)) *
                                     0xD6E8FEB86659FD93ull) >> 60);
  }
  static constexpr std::size_t kShapeBytes = 63;

  // The walk over the separators; records the Kind::value values in `values` while they fit.
  CleanVerdict walk(const Segment& segment, const Delimiters& delimiters, ShapeValues& values) const;
  CleanVerdict recheck(const Segment& segment, const Delimiters& delimiters, const ShapeValues& values) const;
  CleanVerdict finish(std::uint64_t elementsPresent, std::uint64_t slotsPresent, std::uint64_t required) const;

  const SegmentDefinition* definition_;
  bool usable_ = false;  // false: more elements or slots than one word holds; every check is undecided
  std::vector<Slot> slots_;  // the slots, then one for every element past the defined ones
  std::uint8_t firstSlot_[64] = {};  // by element position (1..63): its first slot
  std::uint64_t mandatoryElements_ = 0;  // bit p: element p is mandatory
  std::vector<CompositeNotes> compositeNotes_;
  Shape shapes_[kShapes];
  ShapeValues shapeValues_[kShapes];
  // Shapes pay when they repeat; where they rarely do, walking and remembering costs more than the
  // element walk. So every kRound checks the misses decide: past a quarter, the next kRest checks
  // are left undecided (the caller asks isCleanSegment), then shapes get another chance.
  static constexpr std::uint32_t kRound = 1024, kRest = 65536;
  bool rests_;
  std::uint32_t checks_ = 0, misses_ = 0, resting_ = 0;
};

}  // namespace edi
