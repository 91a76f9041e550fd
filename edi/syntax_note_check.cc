#include "edi/syntax_note_check.h"

namespace edi {

NoteViolation checkNote(const SyntaxNote& note, std::uint64_t present) {
  if (note.positions.empty()) return {};
  const std::size_t given = static_cast<std::size_t>(__builtin_popcountll(present & note.mask));
  const std::uint32_t first = note.positions.front();
  const bool firstGiven = first < 64 && (present >> first & 1);
  const std::size_t total = note.positions.size();
  // Nothing of the note is there and it asks for nothing: the common case, decided here.
  if (given == 0 && note.rule != NoteKind::required && note.rule != NoteKind::oneOrMore &&
      note.rule != NoteKind::oneOnly) {
    return {};
  }
  std::uint32_t firstMissing = 0, secondGiven = 0;
  std::size_t seen = 0;
  for (std::uint32_t p : note.positions) {
    if (p < 64 && (present >> p & 1)) {
      if (++seen == 2) secondGiven = p;
    } else if (firstMissing == 0) {
      firstMissing = p;
    }
  }
  constexpr const char* kMissing = "element.conditional-missing";
  constexpr const char* kExcluded = "element.exclusion-violated";
  switch (note.rule) {
    case NoteKind::paired:
    case NoteKind::allOrNone:
      if (given > 0 && given < total) return {kMissing, firstMissing};
      break;
    case NoteKind::required:
    case NoteKind::oneOrMore:
      if (given == 0) return {kMissing, first};
      break;
    case NoteKind::conditional:
    case NoteKind::ifFirstAll:
      if (firstGiven && given < total) return {kMissing, firstMissing};
      break;
    case NoteKind::exclusion:
    case NoteKind::oneOrNone:
      if (given > 1) return {kExcluded, secondGiven};
      break;
    case NoteKind::listConditional:
    case NoteKind::ifFirstOneMore:
      if (firstGiven && given < 2) return {kMissing, total > 1 ? note.positions[1] : first};
      break;
    case NoteKind::oneOnly:
      if (given != 1) return given == 0 ? NoteViolation{kMissing, first} : NoteViolation{kExcluded, secondGiven};
      break;
    case NoteKind::ifFirstNone:
      if (firstGiven && given > 1) return {kExcluded, secondGiven};
      break;
  }
  return {};
}

namespace {

// checkNote's rules as bit tests on the note's present positions, for notes whose positions
// are all below 64: no counting, no loop.
bool holds(const SyntaxNote& note, std::uint64_t present) {
  const std::uint64_t given = present & note.mask;
  const std::uint64_t first = note.firstMask;
  const bool several = (given & (given - 1)) != 0;
  switch (note.rule) {
    case NoteKind::paired:
    case NoteKind::allOrNone:
      return given == 0 || given == note.mask;
    case NoteKind::required:
    case NoteKind::oneOrMore:
      return given != 0;
    case NoteKind::conditional:
    case NoteKind::ifFirstAll:
      return (given & first) == 0 || given == note.mask;
    case NoteKind::exclusion:
    case NoteKind::oneOrNone:
      return !several;
    case NoteKind::listConditional:
    case NoteKind::ifFirstOneMore:
      return (given & first) == 0 || several;
    case NoteKind::oneOnly:
      return given != 0 && !several;
    case NoteKind::ifFirstNone:
      return (given & first) == 0 || !several;
  }
  return true;
}

}  // namespace

bool notesHold(const std::vector<SyntaxNote>& notes, std::uint64_t present) {
  for (const SyntaxNote& note : notes) {
    if (note.maskComplete && note.mask != 0) {
      if (!holds(note, present)) return false;
    } else if (!note.positions.empty() && checkNote(note, present).code != nullptr) {
      return false;
    }
  }
  return true;
}

}  // namespace edi
