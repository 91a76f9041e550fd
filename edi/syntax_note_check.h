// Whether a syntax note (X12 P R C E L, EDIFACT D1..D7) holds for the positions present in a
// segment or composite. One rule table shared by the validator's full check, which reports the
// violation, and its fast path, which only needs to know there is none.
#pragma once

#include "edi/message_spec.h"

#include <cstdint>

namespace edi {

struct NoteViolation {
  const char* code = nullptr;  // "element.conditional-missing" or "element.exclusion-violated"; null: none
  std::uint32_t position = 0;  // the position the violation is reported at
};

// `present` has bit p set for each present position p < 64.
NoteViolation checkNote(const SyntaxNote& note, std::uint64_t present);

// True when every note holds (the fast path's question).
bool notesHold(const std::vector<SyntaxNote>& notes, std::uint64_t present);

}  // namespace edi
