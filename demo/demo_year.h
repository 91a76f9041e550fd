// `afterflow demo` as a library call: generated years of a manufacturer's after-sales logistics
// (the report's year and, by default, the one before), fed through the product's own paths into
// an empty database. The sample directory and partner profiles; then, year by year, the stores'
// till exports through pos_import; each month the partners'
// files written to their inboxes and received by exchange::Intake (ship notices 856/DESADV,
// status reports 214/IFTSTA, receipts 944/RECADV, freight invoices 210, returns 180/RETANN,
// disposal reports), the service centre's steps on each RMA, service cases and surveys through
// crm; and last the quarterly report of the year's last quarter in every format.
#pragma once

#include "demo/demo_options.h"
#include "demo/demo_partners.h"
#include "demo/partner_inbox.h"
#include "demo/report_files.h"
#include "demo/service_desk.h"
#include "demo/year_plan.h"
#include "store/database.h"

#include <functional>
#include <string>
#include <vector>

namespace demo {

struct DemoOutcome {
  std::size_t shipmentsPlanned = 0, salesPlanned = 0, returnsPlanned = 0;
  int posFiles = 0;
  std::uint64_t salesImported = 0, customersCreated = 0;
  IntakeTally intake;  // every partner file, disposal reports included
  int disposalReports = 0;
  ServiceOutcome service;
  ReportFiles report;
  // Whatever was refused, rejected or not applied, with where and why. The demo is meant to
  // have none: any line here is a bug of the generator or of the product.
  std::vector<std::string> problems;

  bool ok() const { return problems.empty() && report.problem.empty(); }
};

class DemoYear {
 public:
  DemoYear(store::Database& database, DemoOptions options) : database_(database), options_(std::move(options)) {}

  // `progress` hears one line per phase. Throws only for infrastructure (I/O, database).
  DemoOutcome run(const std::function<void(const std::string&)>& progress = {});

 private:
  void runYear(const YearPlan& plan, DemoPartners& partners, PartnerInbox& inbox, const std::string& schemas,
               DemoOutcome& outcome, const std::function<void(const std::string&)>& say);

  store::Database& database_;
  DemoOptions options_;
};

}  // namespace demo
