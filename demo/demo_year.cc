#include "demo/demo_year.h"

#include "crm/product_catalog.h"
#include "demo/customer_codes.h"
#include "demo/demo_partners.h"
#include "demo/disposal_report_writer.h"
#include "demo/freight_invoice_writer.h"
#include "demo/receipt_advice_writer.h"
#include "demo/return_desk.h"
#include "demo/return_notice_writer.h"
#include "demo/sales_export_writer.h"
#include "demo/ship_notice_writer.h"
#include "demo/status_report_writer.h"
#include "demo/year_plan.h"
#include "pos_import/pos_import_runs.h"
#include "pos_import/pos_importer.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/Timespan.h>

#include <cstdio>

namespace demo {
namespace {

std::string folder(const std::string& root, const std::string& name) {
  Poco::Path path(root);
  path.makeDirectory();
  path.pushDirectory(name);
  return path.toString();
}

std::string monthTag(int year, int month) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%d-%02d", year, month);
  return buffer;
}

// The month's files go out on its last evening.
Poco::DateTime sentAt(int year, int month) {
  return Poco::DateTime(year, month, Poco::DateTime::daysOfMonth(year, month), 22, 0);
}

void importSales(store::Database& database, const YearPlan& plan, const std::string& directory,
                 const std::string& schemasRoot, DemoOutcome& outcome) {
  Poco::File(directory).createDirectories();
  for (std::size_t store = 0; store < demoStores().size(); ++store) {
    const Store& shop = demoStores()[store];
    for (int month = 1; month <= 12; ++month) {
      std::vector<const PlannedSale*> sales;
      for (const PlannedSale& sale : plan.sales) {
        if (sale.store == store && sale.at.month() == month) sales.push_back(&sale);
      }
      if (sales.empty()) continue;
      const std::string path = Poco::Path(directory)
                                   .setFileName(shop.code + "-" + monthTag(plan.year, month) + (shop.poslog ? ".xml" : ".csv"))
                                   .toString();
      {
        Poco::FileOutputStream out(path);
        out << (shop.poslog ? salesPoslog(sales) : salesCsv(sales));
      }
      pos_import::ImportOptions options;
      options.schemasRoot = schemasRoot;
      options.format = shop.poslog ? pos_import::PosFormat::poslog : pos_import::PosFormat::csv;
      if (!shop.poslog) options.mappingPath = Poco::Path(schemasRoot).append("pos-mappings/vendor-a-with-cost.ini").toString();
      const pos_import::ImportSummary summary = pos_import::importPosFile(database, path, options);
      ++outcome.posFiles;
      outcome.salesImported += summary.imported;
      outcome.customersCreated += summary.customersCreated;
      for (const std::string& problem : summary.problems) outcome.problems.push_back(path + ": " + problem);
      if (summary.rejected > 0) {
        for (const auto& reject : pos_import::PosImportRuns(database).rejects(summary.runId, 0, 3)) {
          outcome.problems.push_back(path + " " + reject.location + ": " + reject.reason);
        }
      }
    }
  }
}

}  // namespace

DemoOutcome DemoYear::run(const std::function<void(const std::string&)>& progress) {
  const auto say = [&](const std::string& line) {
    if (progress) progress(line);
  };
  DemoOutcome outcome;
  const std::string schemas = options_.schemasRoot.empty() ? edi::SpecCatalog::defaultSchemasRoot() : options_.schemasRoot;
  edi::SpecCatalog catalog(schemas);
  PartnerInbox inbox(database_, catalog, folder(options_.outDirectory, "partners"));

  auto setUp = DemoPartners::setUp(database_, inbox);
  if (!setUp) {
    outcome.problems.push_back("partner profiles: " + setUp.describe());
    return outcome;
  }
  DemoPartners partners = setUp.value();
  const std::vector<crm::Product> products = crm::ProductCatalog(database_).list();
  say("directory seeded, 8 partner profiles");
  for (int year = options_.year - options_.years + 1; year <= options_.year; ++year) {
    runYear(planYear(options_, year, products), partners, inbox, schemas, outcome, say);
  }
  outcome.intake = inbox.tally();
  for (const std::string& problem : outcome.intake.problems) outcome.problems.push_back(problem);
  outcome.report = writeQuarterlyReport(database_, options_.year, folder(options_.outDirectory, "report"));
  return outcome;
}

void DemoYear::runYear(const YearPlan& plan, DemoPartners& partners, PartnerInbox& inbox, const std::string& schemas,
                       DemoOutcome& outcome, const std::function<void(const std::string&)>& say) {
  outcome.shipmentsPlanned += plan.shipments.size();
  outcome.salesPlanned += plan.sales.size();
  outcome.returnsPlanned += plan.returns.size();
  say(std::to_string(plan.year) + ": planned " + std::to_string(plan.shipments.size()) + " shipments, " +
      std::to_string(plan.sales.size()) + " POS receipts, " + std::to_string(plan.returns.size()) + " returns");

  importSales(database_, plan, folder(options_.outDirectory, "pos"), schemas, outcome);
  say("POS so far: " + std::to_string(outcome.posFiles) + " till exports imported, " + std::to_string(outcome.salesImported) +
      " sales, " + std::to_string(outcome.customersCreated) + " customers");
  const std::map<std::string, std::string> customers = customerCodesByLoyaltyId(database_);
  const auto customerOf = [&](const std::optional<std::string>& loyaltyId) -> std::optional<std::string> {
    if (!loyaltyId) return std::nullopt;
    const auto found = customers.find(*loyaltyId);
    return found == customers.end() ? std::nullopt : std::optional<std::string>(found->second);
  };

  for (int month = 1; month <= 12; ++month) {
    const std::string tag = monthTag(plan.year, month);
    const Poco::DateTime at = sentAt(plan.year, month);
    // One interchange per partner and kind of document: the month's messages, received at once.
    const auto send = [&](const std::string& partner, const char* groupCode, const std::string& kind,
                          const std::function<void(InterchangeBatch&)>& fill) {
      InterchangeBatch batch(partners.sender(partner), partners.nextControlNumber(partner), at, groupCode);
      fill(batch);
      if (batch.messages() > 0) inbox.deliver(partner, kind + "-" + tag + ".edi", batch.finish());
    };
    std::vector<const PlannedShipment*> shipped;
    for (const PlannedShipment& s : plan.shipments) {
      if (s.shipped.month() == month) shipped.push_back(&s);
    }
    const auto each = [&](auto&& wanted, auto&& write) {
      return [&, wanted, write](InterchangeBatch& batch) {
        for (const PlannedShipment* s : shipped) {
          if (wanted(*s)) write(batch, *s);
        }
      };
    };
    const auto domestic = [](const PlannedShipment& s) { return demoRegions()[s.region].domestic; };
    const auto european = [](const PlannedShipment& s) { return !demoRegions()[s.region].domestic; };
    send(kClient, "SH", "856", each(domestic, writeShipNotice856));
    send(kEuropeanClient, "", "DESADV", each(european, writeDesadv));
    send(kRoadCarrier, "QM", "214", each([](const PlannedShipment& s) { return s.carrier == Carrier::road; },
                                         [&](InterchangeBatch& b, const PlannedShipment& s) { writeStatus214(b, s, plan.end); }));
    send(kRailCarrier, "", "IFTSTA", each([](const PlannedShipment& s) { return s.carrier == Carrier::rail; },
                                          [&](InterchangeBatch& b, const PlannedShipment& s) { writeIftsta(b, s, plan.end); }));
    send(kClient, "RE", "944", each([&](const PlannedShipment& s) { return domestic(s) && s.receivedAt.has_value(); },
                                    writeReceipt944));
    send(kEuropeanClient, "", "RECADV",
         each([&](const PlannedShipment& s) { return european(s) && s.receivedAt.has_value(); }, writeRecadv));
    send(kRoadCarrier, "IM", "210", each([](const PlannedShipment& s) { return s.invoicedAt.has_value(); },
                                         writeFreightInvoice210));

    std::vector<const PlannedReturn*> returns;
    for (const PlannedReturn& r : plan.returns) {
      if (r.requestedAt.month() == month) returns.push_back(&r);
    }
    for (const Store& store : demoStores()) {
      send(store.dealer, "AN", "180", [&](InterchangeBatch& batch) {
        for (const PlannedReturn* r : returns) {
          if (r->channel == ReturnChannel::dealer180 && r->dealer == store.dealer) writeReturn180(batch, *r, customerOf(r->loyaltyId));
        }
      });
    }
    send(kRecycler, "", "RETANN", [&](InterchangeBatch& batch) {
      for (const PlannedReturn* r : returns) {
        if (r->channel == ReturnChannel::recyclerRetann) writeRetann(batch, *r, customerOf(r->loyaltyId));
      }
    });
    for (const std::string& problem : workThroughReturns(database_, returns)) outcome.problems.push_back(problem);

    std::vector<const PlannedReturn*> certified;
    Poco::DateTime issued = at;
    for (const PlannedReturn* r : returns) {
      if (!r->certified) continue;
      certified.push_back(r);
      if (*r->certified > issued) issued = *r->certified;
    }
    if (!certified.empty()) {
      const std::string number = "DR-" + tag;
      inbox.deliver(kRecycler, "disposal-report-" + tag + ".xml", disposalReportXml(number, issued, kRecycler, certified));
      ++outcome.disposalReports;
    }
    say("month " + tag + ": " + std::to_string(shipped.size()) + " shipments, " + std::to_string(returns.size()) +
        " returns; " + std::to_string(inbox.tally().received) + " partner files received so far");
  }

  const ServiceOutcome service = runServiceDesk(database_, plan, customers, folder(options_.outDirectory, "surveys"));
  for (const std::string& problem : service.problems) outcome.problems.push_back(problem);
  outcome.service.casesOpened += service.casesOpened;
  outcome.service.casesResolved += service.casesResolved;
  outcome.service.surveysImported += service.surveysImported;
  outcome.service.surveyFile = service.surveyFile;
  say("service " + std::to_string(plan.year) + ": " + std::to_string(service.casesOpened) + " cases, " +
      std::to_string(service.surveysImported) + " survey answers");
}

}  // namespace demo
