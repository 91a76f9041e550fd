#include "reports/returns_section.h"

#include "crm/calendar.h"

#include <Poco/Nullable.h>

#include <algorithm>
#include <map>

using namespace Poco::Data::Keywords;

namespace reports {
namespace {

// The dispositions of the rma table, in the order the goods are worth most to least.
const char* const kDispositions[][2] = {{"restock", "Restock"},          {"refurbish", "Refurbish"},
                                        {"repair", "Repair"},            {"return_to_vendor", "Return to vendor"},
                                        {"recycle", "Recycle"},          {"dispose", "Dispose"}};

// Units on the RMA's lines that count in the scope (the client's products only).
std::string linesUnits(const AfterSalesScope& scope, const std::string& rmaColumn) {
  return "(SELECT COALESCE(sum(l.quantity), 0) FROM rma_line l WHERE l.rma_id = " + rmaColumn +
         clientProduct(scope, "l.product_id") + ")";
}

}  // namespace

ReturnsSection buildReturnsSection(Poco::Data::Session& session, const AfterSalesScope& scope) {
  ReturnsSection section;
  std::string start = scope.start, end = scope.end;

  // RMAs requested in the period: their reasons and units.
  std::vector<Poco::Nullable<std::string>> reasonCode, reasonText;
  std::vector<double> units;
  session << "SELECT r.reason_code, r.reason, " + linesUnits(scope, "r.rma_id") +
                 " FROM rma_status_history h JOIN rma r ON r.rma_id = h.rma_id"
                 " WHERE h.status = 'requested' AND h.changed_at >= ? AND h.changed_at < ?" +
                 clientRma(scope, "r.rma_id"),
      bind(start), bind(end), into(reasonCode), into(reasonText), into(units), now;
  std::map<std::string, BreakdownRow> reasons;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::string code = reasonCode[i].isNull() ? "" : reasonCode[i].value();
    const std::string text = reasonText[i].isNull() ? "" : reasonText[i].value();
    const std::string key = !code.empty() ? code : !text.empty() ? text : "(none)";
    BreakdownRow& row = reasons[key];
    if (row.key.empty()) {
      row.key = key;
      row.label = !text.empty() ? text : !code.empty() ? code : "(no reason given)";
    }
    ++row.count;
    row.quantity += units[i];
    section.returnedUnits += units[i];
  }
  section.returns = static_cast<std::int64_t>(units.size());
  for (auto& [key, row] : reasons) section.reasons.push_back(row);
  std::stable_sort(section.reasons.begin(), section.reasons.end(),
                   [](const BreakdownRow& a, const BreakdownRow& b) { return a.count > b.count; });
  setShares(section.reasons);

  // Units sold in the period: the positive lines of POS transactions (returned goods at the
  // counter are negative lines and not an RMA).
  Poco::Nullable<double> sold;
  session << "SELECT sum(l.quantity) FROM sale s JOIN sale_line l ON l.sale_id = s.sale_id"
             " WHERE s.business_day >= ? AND s.business_day < ? AND l.quantity > 0" +
                 clientProduct(scope, "l.product_id"),
      bind(start), bind(end), into(sold), now;
  section.soldUnits = sold.isNull() ? 0 : sold.value();

  // RMAs whose disposition was decided in the period: processing time from reception.
  std::vector<std::string> decidedAt;
  std::vector<Poco::Nullable<std::string>> receivedAt, disposition;
  std::vector<double> decidedUnits;
  session << "SELECT d.changed_at, rc.changed_at, r.disposition, " + linesUnits(scope, "r.rma_id") +
                 " FROM rma_status_history d JOIN rma r ON r.rma_id = d.rma_id"
                 " LEFT JOIN rma_status_history rc ON rc.rma_id = d.rma_id AND rc.status = 'received'"
                 " WHERE d.status = 'disposition_decided' AND d.changed_at >= ? AND d.changed_at < ?" +
                 clientRma(scope, "r.rma_id"),
      bind(start), bind(end), into(decidedAt), into(receivedAt), into(disposition), into(decidedUnits), now;
  std::vector<double> hours;
  std::map<std::string, BreakdownRow> byDisposition;
  for (const auto& [key, label] : kDispositions) byDisposition[key] = {key, label, 0, 0, std::nullopt};
  for (std::size_t i = 0; i < decidedAt.size(); ++i) {
    if (!receivedAt[i].isNull()) hours.push_back(crm::hoursBetween(receivedAt[i].value(), decidedAt[i]));
    if (disposition[i].isNull()) continue;
    BreakdownRow& row = byDisposition[disposition[i].value()];
    ++row.count;
    row.quantity += decidedUnits[i];
  }
  for (const auto& [key, label] : kDispositions) section.dispositions.push_back(byDisposition[key]);
  setShares(section.dispositions);

  const std::string scopeNote = scope.clientId ? " of the client's products" : "";
  section.kpis.push_back(totalKpi("returns", "Returns", "Return authorisations (RMAs) requested in the period" +
                                                            scopeNote + ".",
                                  "RMAs", static_cast<double>(section.returns)));
  section.kpis.push_back(rateKpi(
      "return_rate", "Return rate",
      "Units on the RMAs requested in the period over the units sold in it (POS sales), same scope.",
      "units returned (RMA lines)", "units sold (POS sale lines)",
      "Goods taken back at the counter (negative POS lines, no RMA); RMA lines without a product when a client "
      "is asked for; lines counted by their quantity whatever their unit.",
      "units", section.returnedUnits, section.soldUnits));
  for (Kpi& kpi : durationKpis("return_processing", "Return processing time",
                               "Hours from the RMA's reception to its disposition decision.",
                               "RMAs with a disposition decided in the period",
                               "RMAs not decided yet; RMAs decided without a recorded reception.", hours)) {
    section.kpis.push_back(std::move(kpi));
  }
  return section;
}

}  // namespace reports
