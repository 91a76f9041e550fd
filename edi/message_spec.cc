#include "edi/message_spec.h"

#include <algorithm>

namespace edi {

const std::string& ElementUse::displayName() const {
  if (!name.empty()) return name;
  return element ? element->name : composite->name;
}

namespace {

bool pack(std::string_view code, std::uint64_t& packed) {
  if (code.size() > 8) return false;
  packed = 0;
  for (unsigned char c : code) packed = (packed << 8) | c;
  packed |= static_cast<std::uint64_t>(code.size()) << 60;  // "A" and "\0A" differ
  return code.size() < 8 || (static_cast<unsigned char>(code[0]) >> 4) == 0;
}

}  // namespace

CodeSet::CodeSet(const std::set<std::string, std::less<>>& codes) {
  for (const std::string& code : codes) {
    std::uint64_t packed = 0;
    if (pack(code, packed)) {
      packed_.push_back(packed);
    } else {
      longCodes_.insert(code);
    }
  }
  std::sort(packed_.begin(), packed_.end());
}

bool CodeSet::contains(std::string_view code) const {
  std::uint64_t packed = 0;
  if (pack(code, packed)) return std::binary_search(packed_.begin(), packed_.end(), packed);
  return longCodes_.find(code) != longCodes_.end();
}

std::vector<ValueCheck> compileChecks(const std::vector<ElementUse>& uses) {
  std::vector<ValueCheck> checks;
  checks.reserve(uses.size());
  for (const ElementUse& use : uses) {
    ValueCheck check;
    check.mandatory = use.requirement == Requirement::mandatory;
    check.use = &use;
    check.composite = use.composite;
    if (use.element != nullptr) {
      check.type = use.element->type;
      check.minLength = use.element->minLength;
      check.maxLength = use.element->maxLength;
      check.codes = use.validCodes.empty() ? nullptr : &use.validCodes;
      check.lengthOnly = check.codes == nullptr &&
                         (check.type == ElementType::alphanumeric || check.type == ElementType::identifier);
    }
    checks.push_back(check);
  }
  return checks;
}

NoteKind noteKind(std::string_view kind) {
  if (kind == "R" || kind == "D3") return kind == "R" ? NoteKind::required : NoteKind::oneOrMore;
  if (kind == "C") return NoteKind::conditional;
  if (kind == "E") return NoteKind::exclusion;
  if (kind == "L") return NoteKind::listConditional;
  if (kind == "D1") return NoteKind::oneOnly;
  if (kind == "D2") return NoteKind::allOrNone;
  if (kind == "D4") return NoteKind::oneOrNone;
  if (kind == "D5") return NoteKind::ifFirstAll;
  if (kind == "D6") return NoteKind::ifFirstOneMore;
  if (kind == "D7") return NoteKind::ifFirstNone;
  return NoteKind::paired;
}

const SegmentDefinition* SpecDirectory::segment(std::string_view tag) const {
  const auto found = segments.find(tag);
  return found == segments.end() ? nullptr : found->second.get();
}

const MessageDefinition* SpecDirectory::message(std::string_view id) const {
  const auto found = messages.find(id);
  return found == messages.end() ? nullptr : found->second.get();
}

}  // namespace edi
