// Message definitions in memory: data elements, composites, segments and the loop structure of
// each message, as loaded from schemas/edi/ (see schemas/xsd/edi-spec.xsd for the file format).
#pragma once

#include "edi/delimiters.h"

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace edi {

enum class ElementType { alphanumeric, identifier, numeric, decimal, date, time, binary, alphabetic };

// X12: M mandatory, O optional, X relational (see the syntax notes). EDIFACT: M, C conditional.
enum class Requirement { mandatory, optional, conditional, relational };

constexpr std::uint32_t kUnbounded = 0xFFFFFFFFu;

// A segment tag (2 or 3 characters) as one number, so matching a tag is one comparison.
constexpr std::uint32_t packTag(std::string_view tag) {
  // Tags are 2 or 3 characters: those sizes without a loop (this runs for every segment).
  const auto byte = [&tag](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(tag[i])); };
  if (tag.size() == 3) return byte(0) << 16 | byte(1) << 8 | byte(2);
  if (tag.size() == 2) return byte(0) << 8 | byte(1);
  std::uint32_t code = 0;
  for (std::size_t i = 0; i < tag.size() && i < 4; ++i) code = (code << 8) | static_cast<unsigned char>(tag[i]);
  return code;
}

struct ElementDefinition {
  std::string id;
  std::string name;
  ElementType type = ElementType::alphanumeric;
  int impliedDecimals = 0;  // X12 Nn
  std::uint32_t minLength = 0;
  std::uint32_t maxLength = 0;
  std::set<std::string, std::less<>> codes;  // empty: any value of the type
};

struct CompositeDefinition;

// A closed code list, looked up on every coded element: codes of up to 8 bytes (nearly all) as
// sorted integers, so a lookup is a binary search over numbers rather than string compares.
class CodeSet {
 public:
  CodeSet() = default;
  explicit CodeSet(const std::set<std::string, std::less<>>& codes);
  bool empty() const { return packed_.empty() && longCodes_.empty(); }
  bool contains(std::string_view code) const;

 private:
  std::vector<std::uint64_t> packed_;
  std::set<std::string, std::less<>> longCodes_;
};

// An element or composite at one position of a segment or composite.
struct ElementUse {
  const ElementDefinition* element = nullptr;      // exactly one of these two is set
  const CompositeDefinition* composite = nullptr;
  Requirement requirement = Requirement::optional;
  std::uint32_t maxRepeat = 1;
  std::string name;                                 // position-specific name, else the definition's
  std::set<std::string, std::less<>> codes;         // narrows the definition's codes when not empty
  CodeSet validCodes;                               // set when loaded: these codes, else the definition's

  const std::string& displayName() const;
};

// X12 syntax notes (P R C E L) and EDIFACT dependency notes (D1..D7) over 1-based positions.
enum class NoteKind { paired, required, conditional, exclusion, listConditional,
                      oneOnly, allOrNone, oneOrMore, oneOrNone, ifFirstAll, ifFirstOneMore, ifFirstNone };

struct SyntaxNote {
  std::string kind;  // as written: "P", "R", "C", "E", "L", "D1" .. "D7"
  NoteKind rule = NoteKind::paired;
  std::vector<std::uint32_t> positions;
  std::uint64_t mask = 0;  // bit p set for each position p < 64, set when loaded
  bool maskComplete = false;  // every position is below 64, so `mask` alone decides the note
  std::uint64_t firstMask = 0;  // the bit of the first position (when below 64), set when loaded
};

// The rule a written note kind names ("P" paired, "D3" one or more, ...).
NoteKind noteKind(std::string_view kind);

// One position of a segment or composite, flattened for the validator's fast path
// (edi/clean_segment.h): what it needs in 32 bytes, next to its neighbours.
struct ValueCheck {
  ElementType type = ElementType::alphanumeric;  // of a simple element
  bool mandatory = false;
  // A simple element of text (AN, ID, an) without a code list: only its length can be wrong in
  // a segment of printable bytes without release characters, and that is decided first.
  bool lengthOnly = false;
  std::uint32_t minLength = 0, maxLength = 0;
  const CodeSet* codes = nullptr;                 // null: any value of the type
  const CompositeDefinition* composite = nullptr;  // set for a composite (then type and the rest are unused)
  const ElementUse* use = nullptr;                // the whole definition, for the rare cases
};

// The checks of `uses`, in order; built once the uses no longer move.
std::vector<ValueCheck> compileChecks(const std::vector<ElementUse>& uses);

struct CompositeDefinition {
  std::string id;
  std::string name;
  std::vector<ElementUse> components;
  std::vector<SyntaxNote> notes;
  std::vector<ValueCheck> checks;    // of the components, set when loaded
  std::uint32_t lastMandatory = 0;   // position of the last mandatory component, set when loaded
};

struct SegmentDefinition {
  std::string id;
  std::string name;
  std::vector<ElementUse> elements;
  std::vector<SyntaxNote> notes;
  std::uint32_t lastMandatory = 0;  // position of the last mandatory element, set when loaded
  std::vector<ValueCheck> checks;   // of the elements, set when loaded
  // Set when loaded: the positions any note names, and whether a note can fire with none present
  // (R, D1, D3). When neither holds for a segment's elements, its notes need no look.
  std::uint64_t notePositions = 0;
  bool noteNeedsPresence = false;
};

// A segment at its place in a message, or a loop (segment group) of them; a loop's first child
// is its trigger segment.
struct StructureNode {
  const SegmentDefinition* segment = nullptr;  // null for a loop
  std::uint32_t tagCode = 0;                   // packTag(tag()), set when loaded
  std::string loopId;
  Requirement requirement = Requirement::optional;
  std::uint32_t maxOccurs = 1;
  std::vector<StructureNode> children;
  std::vector<std::uint32_t> mandatoryChildren;  // indices of children with requirement M, set when loaded
  std::uint64_t mandatoryMask = 0;               // the same as bits, for indices below 64
  std::vector<std::uint32_t> childTags;          // the children's tagCode side by side, set when loaded

  bool isLoop() const { return segment == nullptr; }
  // The tag that starts this node: its segment's, or its trigger segment's.
  const std::string& tag() const { return isLoop() ? children.front().tag() : segment->id; }
};

struct MessageDefinition {
  Standard standard = Standard::x12;
  std::string version;  // 004010, D96A
  std::string id;       // 856, DESADV
  std::string name;
  std::string functionalGroup;  // X12 GS01
  std::string agency, release;  // EDIFACT UNH S009
  StructureNode root;           // a loop without trigger: the message body
  std::vector<std::string> tags;  // every segment tag the message uses, sorted
};

// All definitions of one standard and version (one directory).
struct SpecDirectory {
  Standard standard = Standard::x12;
  std::string version;
  std::map<std::string, std::unique_ptr<ElementDefinition>, std::less<>> elements;
  std::map<std::string, std::unique_ptr<CompositeDefinition>, std::less<>> composites;
  std::map<std::string, std::unique_ptr<SegmentDefinition>, std::less<>> segments;
  std::map<std::string, std::unique_ptr<MessageDefinition>, std::less<>> messages;

  const SegmentDefinition* segment(std::string_view tag) const;
  const MessageDefinition* message(std::string_view id) const;
};

}  // namespace edi
