#include "reports/recycling_section.h"

#include <algorithm>

using namespace Poco::Data::Keywords;

namespace reports {

RecyclingSection buildRecyclingSection(Poco::Data::Session& session, const AfterSalesScope& scope) {
  RecyclingSection section;
  std::string start = scope.start, end = scope.end;
  std::vector<std::string> code, unit, basis;
  std::vector<double> quantity;
  std::vector<std::int64_t> records;
  session << "SELECT d.operation_code, d.unit, d.quantity_basis, sum(d.quantity), count(*) FROM disposal_record d"
             " WHERE d.treated_at >= ? AND d.treated_at < ?" +
                 clientRma(scope, "d.rma_id") + " GROUP BY d.operation_code, d.unit, d.quantity_basis",
      bind(start), bind(end), into(code), into(unit), into(basis), into(quantity), into(records), now;
  for (std::size_t i = 0; i < code.size(); ++i) {
    section.records += records[i];
    const double factor = unit[i] == "kg" ? 1 : unit[i] == "t" ? 1000 : 0;
    if (factor == 0) {
      section.recordsWithoutWeight += records[i];
      continue;
    }
    auto found = std::find_if(section.byCode.begin(), section.byCode.end(),
                              [&](const OperationWeight& w) { return w.code == code[i]; });
    if (found == section.byCode.end()) {
      section.byCode.push_back({code[i], code[i].front() == 'R', 0, 0, 0});
      found = section.byCode.end() - 1;
    }
    const double kg = quantity[i] * factor;
    (basis[i] == "measured" ? found->measuredKg : found->estimatedKg) += kg;
    found->records += records[i];
    (basis[i] == "measured" ? section.measuredKg : section.estimatedKg) += kg;
    if (found->recovery) section.recoveredKg += kg;
  }
  // R before D, then by number: R2 before R10.
  std::sort(section.byCode.begin(), section.byCode.end(), [](const OperationWeight& a, const OperationWeight& b) {
    if (a.recovery != b.recovery) return a.recovery;
    return std::stoi(a.code.substr(1)) < std::stoi(b.code.substr(1));
  });

  const double total = section.measuredKg + section.estimatedKg;
  const std::string withoutWeight = "Records in units, litres or m3 (no weight); records not treated yet.";
  section.kpis.push_back(totalKpi("disposal_records", "Disposal records",
                                  "Disposal records whose treatment date falls in the period.", "records",
                                  static_cast<double>(section.records)));
  section.kpis.push_back(totalKpi("treated_weight_kg", "Weight treated",
                                  "Weight of the treated goods (kg, tonnes converted), measured and estimated.", "kg",
                                  total, withoutWeight));
  section.kpis.push_back(rateKpi("recovery_rate", "Recovery rate",
                                 "Weight treated by a recovery operation (R1-R13) over all weight treated "
                                 "(R and D codes, Directive 2008/98/EC).",
                                 "kg recovered (R codes)", "kg treated", withoutWeight, "kg", section.recoveredKg,
                                 total));
  section.kpis.push_back(rateKpi("measured_weight_rate", "Measured weight",
                                 "Weight that was weighed, not estimated, over all weight treated.", "kg measured",
                                 "kg treated", withoutWeight, "kg", section.measuredKg, total));
  return section;
}

}  // namespace reports
