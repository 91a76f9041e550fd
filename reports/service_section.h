// The service section of a quarterly or annual report: first response and resolution times of
// the service cases opened in the period, their SLA attainment, complaints, and what customers
// said in CSAT and NPS surveys (docs/KPI.md). Read from service_case and survey_response,
// bounded by the period; the SLA rules are crm's (crm/service_case.h).
#pragma once

#include "reports/after_sales_scope.h"
#include "reports/breakdown.h"
#include "reports/kpi.h"

#include <Poco/Data/Session.h>

#include <vector>

namespace reports {

// Cases of one kind: how they stand against their SLA targets at the period's end.
struct CaseKindRow {
  std::string kind;  // "complaint"
  std::int64_t cases = 0, withinSla = 0, outsideSla = 0, running = 0;
};

struct ServiceSection {
  std::int64_t cases = 0, complaints = 0, csatResponses = 0, npsResponses = 0;
  // cases, complaints, first_response_avg_hours, first_response_p90_hours, resolution_avg_hours,
  // resolution_p90_hours, sla_attainment_rate, csat_avg, csat_rate, nps
  std::vector<Kpi> kpis;
  std::vector<CaseKindRow> byKind;  // the five kinds, in crm's order
  std::vector<BreakdownRow> csatScores;  // 1 to 5: answers per score
};

ServiceSection buildServiceSection(Poco::Data::Session& session, const AfterSalesScope& scope);

}  // namespace reports
