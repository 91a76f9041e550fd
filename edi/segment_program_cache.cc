#include "edi/segment_program_cache.h"

namespace edi {

__attribute__((noinline)) SegmentProgram& SegmentProgramCache::add(const SegmentDefinition& definition) {
  programs_.push_back(std::make_unique<SegmentProgram>(definition, rests_));
  if (2 * programs_.size() > table_.size()) {
    std::vector<Entry> old(2 * table_.size());
    old.swap(table_);
    for (const Entry& entry : old) {
      if (entry.definition != nullptr) insert(entry.definition, entry.program);
    }
  }
  insert(&definition, programs_.back().get());
  return *programs_.back();
}

void SegmentProgramCache::insert(const SegmentDefinition* definition, SegmentProgram* program) {
  const std::size_t mask = table_.size() - 1;
  std::size_t i = slotOf(definition) & mask;
  while (table_[i].definition != nullptr) i = (i + 1) & mask;
  table_[i] = {definition, program};
}

}  // namespace edi
