#include "edi/message_spec.h"

namespace edi {

const std::string& ElementUse::displayName() const {
  if (!name.empty()) return name;
  return element ? element->name : composite->name;
}

const std::set<std::string, std::less<>>& ElementUse::validCodes() const {
  static const std::set<std::string, std::less<>> kNone;
  if (!codes.empty()) return codes;
  return element ? element->codes : kNone;
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
