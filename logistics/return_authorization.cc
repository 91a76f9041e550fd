#include "logistics/return_authorization.h"

#include "logistics/enum_names.h"

namespace logistics {
namespace {

constexpr std::array<std::pair<RmaStatus, const char*>, 7> kStatuses{{
    {RmaStatus::requested, "requested"},
    {RmaStatus::authorized, "authorized"},
    {RmaStatus::in_transit, "in_transit"},
    {RmaStatus::received, "received"},
    {RmaStatus::inspected, "inspected"},
    {RmaStatus::disposition_decided, "disposition_decided"},
    {RmaStatus::closed, "closed"},
}};
constexpr std::array<std::pair<Disposition, const char*>, 6> kDispositions{{
    {Disposition::restock, "restock"},
    {Disposition::refurbish, "refurbish"},
    {Disposition::repair, "repair"},
    {Disposition::return_to_vendor, "return_to_vendor"},
    {Disposition::recycle, "recycle"},
    {Disposition::dispose, "dispose"},
}};

struct Transition {
  RmaStatus from, to;
};

// The whole timeline as data: a step not listed here is out of order.
constexpr Transition kTransitions[] = {
    {RmaStatus::requested, RmaStatus::authorized},
    {RmaStatus::requested, RmaStatus::closed},  // refused
    {RmaStatus::authorized, RmaStatus::in_transit},
    {RmaStatus::authorized, RmaStatus::received},  // brought in, not shipped
    {RmaStatus::authorized, RmaStatus::closed},    // never used
    {RmaStatus::in_transit, RmaStatus::received},
    {RmaStatus::received, RmaStatus::inspected},
    {RmaStatus::inspected, RmaStatus::disposition_decided},
    {RmaStatus::disposition_decided, RmaStatus::closed},
};

}  // namespace

const char* rmaStatusName(RmaStatus status) { return enumName(kStatuses, status); }
std::optional<RmaStatus> rmaStatusFromName(const std::string& name) { return enumFromName(kStatuses, name); }
const char* dispositionName(Disposition disposition) { return enumName(kDispositions, disposition); }
std::optional<Disposition> dispositionFromName(const std::string& name) { return enumFromName(kDispositions, name); }

bool rmaTransitionAllowed(RmaStatus from, RmaStatus to) {
  for (const Transition& transition : kTransitions) {
    if (transition.from == from && transition.to == to) return true;
  }
  return false;
}

std::vector<RmaStatus> rmaNextSteps(RmaStatus from) {
  std::vector<RmaStatus> next;
  for (const Transition& transition : kTransitions) {
    if (transition.from == from) next.push_back(transition.to);
  }
  return next;
}

}  // namespace logistics
