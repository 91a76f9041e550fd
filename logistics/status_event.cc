#include "logistics/status_event.h"

#include "logistics/enum_names.h"

namespace logistics {
namespace {

constexpr std::array<std::pair<StatusCodeList, const char*>, 3> kCodeLists{{
    {StatusCodeList::x12, "x12"},
    {StatusCodeList::edifact, "edifact"},
    {StatusCodeList::afterflow, "afterflow"},
}};

}  // namespace

const char* statusCodeListName(StatusCodeList list) { return enumName(kCodeLists, list); }
std::optional<StatusCodeList> statusCodeListFromName(const std::string& name) {
  return enumFromName(kCodeLists, name);
}

}  // namespace logistics
