// A service case (inquiry, complaint, installation, maintenance, warranty claim) with its SLA:
// the targets copied from the customer's tier when it was opened, and where it stands against
// them at a given time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace crm {

enum class CaseKind { inquiry, complaint, installation, maintenance, warranty_claim };
const char* caseKindName(CaseKind kind);
std::optional<CaseKind> caseKindFromName(const std::string& name);

// Against one target: met (done by the due time, inclusive), missed (done after it), running
// (not done, due time not passed), overdue (not done, due time passed).
enum class SlaState { met, missed, running, overdue };
const char* slaStateName(SlaState state);

struct ServiceCase {
  std::int64_t id = 0;
  std::string number;        // CASE-<id>
  std::string customerCode;  // as opened (a merged-away customer's cases stay under its code)
  CaseKind kind = CaseKind::inquiry;
  std::optional<std::string> serialNumber, summary, remedialAction;
  std::string openedAt;
  std::optional<std::string> firstResponseAt, resolvedAt;
  int firstResponseTargetHours = 0, resolutionTargetHours = 0;

  std::string firstResponseDueAt() const;
  std::string resolutionDueAt() const;
  // Hours from opening; empty while not done.
  std::optional<double> firstResponseHours() const;
  std::optional<double> resolutionHours() const;
  SlaState firstResponseState(const std::string& at) const;
  SlaState resolutionState(const std::string& at) const;
  // Either target overdue or missed at `at`.
  bool outsideSla(const std::string& at) const;
};

}  // namespace crm
