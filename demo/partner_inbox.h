// Where the demo's partners drop their files: each file is written to the partner's inbox
// directory and received through exchange::Intake exactly as `afterflow receive` does (kept,
// validated, acknowledged to the partner's outbox, applied in one transaction). What happened
// is tallied, and every file that was not applied is named with the intake's reason.
#pragma once

#include "edi/spec_catalog.h"
#include "exchange/intake.h"
#include "store/database.h"

#include <string>
#include <vector>

namespace demo {

struct IntakeTally {
  int received = 0, applied = 0, notApplied = 0;
  std::size_t messages = 0;
  int acknowledged = 0;                 // acks written to partners' outboxes
  std::vector<std::string> problems;    // "FILE: summary" of each file not applied
};

class PartnerInbox {
 public:
  PartnerInbox(store::Database& database, edi::SpecCatalog& catalog, std::string partnersDirectory)
      : intake_(database, catalog), partnersDirectory_(std::move(partnersDirectory)) {}

  // The inbox and outbox directories of a partner (created on first use).
  std::string inboxOf(const std::string& partnerCode) const;
  std::string outboxOf(const std::string& partnerCode) const;

  // Writes `content` as `fileName` into the partner's inbox and receives it.
  void deliver(const std::string& partnerCode, const std::string& fileName, const std::string& content);

  const IntakeTally& tally() const { return tally_; }

 private:
  exchange::Intake intake_;
  std::string partnersDirectory_;
  IntakeTally tally_;
};

}  // namespace demo
