#include "crm/service_case.h"

#include "crm/calendar.h"

#include <array>
#include <utility>

namespace crm {
namespace {

const std::array<std::pair<CaseKind, const char*>, 5> kKinds{{{CaseKind::inquiry, "inquiry"},
                                                              {CaseKind::complaint, "complaint"},
                                                              {CaseKind::installation, "installation"},
                                                              {CaseKind::maintenance, "maintenance"},
                                                              {CaseKind::warranty_claim, "warranty_claim"}}};

SlaState stateOf(const std::optional<std::string>& doneAt, const std::string& dueAt, const std::string& at) {
  if (doneAt) return *doneAt <= dueAt ? SlaState::met : SlaState::missed;
  return at <= dueAt ? SlaState::running : SlaState::overdue;
}

}  // namespace

const char* caseKindName(CaseKind kind) {
  for (const auto& [value, name] : kKinds) {
    if (value == kind) return name;
  }
  return "inquiry";
}

std::optional<CaseKind> caseKindFromName(const std::string& name) {
  for (const auto& [value, text] : kKinds) {
    if (name == text) return value;
  }
  return std::nullopt;
}

const char* slaStateName(SlaState state) {
  switch (state) {
    case SlaState::met: return "met";
    case SlaState::missed: return "missed";
    case SlaState::running: return "running";
    case SlaState::overdue: return "overdue";
  }
  return "running";
}

std::string ServiceCase::firstResponseDueAt() const { return addHours(openedAt, firstResponseTargetHours); }
std::string ServiceCase::resolutionDueAt() const { return addHours(openedAt, resolutionTargetHours); }

std::optional<double> ServiceCase::firstResponseHours() const {
  if (!firstResponseAt) return std::nullopt;
  return hoursBetween(openedAt, *firstResponseAt);
}

std::optional<double> ServiceCase::resolutionHours() const {
  if (!resolvedAt) return std::nullopt;
  return hoursBetween(openedAt, *resolvedAt);
}

SlaState ServiceCase::firstResponseState(const std::string& at) const {
  return stateOf(firstResponseAt, firstResponseDueAt(), at);
}

SlaState ServiceCase::resolutionState(const std::string& at) const {
  return stateOf(resolvedAt, resolutionDueAt(), at);
}

bool ServiceCase::outsideSla(const std::string& at) const {
  for (SlaState state : {firstResponseState(at), resolutionState(at)}) {
    if (state == SlaState::missed || state == SlaState::overdue) return true;
  }
  return false;
}

}  // namespace crm
