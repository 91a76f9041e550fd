#include "logistics/tender_response.h"

#include "logistics/enum_names.h"

namespace logistics {
namespace {

constexpr std::array<std::pair<TenderAction, const char*>, 2> kActions{{
    {TenderAction::accepted, "accepted"},
    {TenderAction::declined, "declined"},
}};

}  // namespace

const char* tenderActionName(TenderAction action) { return enumName(kActions, action); }
std::optional<TenderAction> tenderActionFromName(const std::string& name) { return enumFromName(kActions, name); }

}  // namespace logistics
