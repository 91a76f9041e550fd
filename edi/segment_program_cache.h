// The validator's compiled segment checks (edi/segment_program.h), built on first use of each
// segment definition and found again in a few instructions per segment.
#pragma once

#include "edi/message_spec.h"
#include "edi/segment_program.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace edi {

// Keyed by the definition's address: definitions live as long as their SpecCatalog, which
// outlives every Validator (and so this cache) that uses it, and a catalog never drops one.
class SegmentProgramCache {
 public:
  // `rests`: see SegmentProgram.
  explicit SegmentProgramCache(bool rests = true) : table_(kInitialSize), rests_(rests) {}

  SegmentProgram& of(const SegmentDefinition& definition) {
    // Open addressing, linear probing; the table is never more than half full.
    const std::size_t mask = table_.size() - 1;
    for (std::size_t i = slotOf(&definition) & mask;; i = (i + 1) & mask) {
      const Entry& entry = table_[i];
      if (entry.definition == &definition) return *entry.program;
      if (entry.definition == nullptr) return add(definition);
    }
  }

 private:
  static constexpr std::size_t kInitialSize = 64;
  struct Entry {
    const SegmentDefinition* definition = nullptr;
    SegmentProgram* program = nullptr;
  };
  static std::size_t slotOf(const SegmentDefinition* definition) {
    return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(definition) * 0x9E3779B97F4A7C15ull) >> 40);
  }
  SegmentProgram& add(const SegmentDefinition& definition);
  void insert(const SegmentDefinition* definition, SegmentProgram* program);

  std::vector<Entry> table_;
  bool rests_;
  std::vector<std::unique_ptr<SegmentProgram>> programs_;
};

}  // namespace edi
