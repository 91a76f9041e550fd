#include "reports/service_section.h"

#include "crm/service_case.h"

#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace reports {
namespace {

std::optional<std::string> optional(const Poco::Nullable<std::string>& value) {
  return value.isNull() ? std::nullopt : std::optional<std::string>(value.value());
}

}  // namespace

ServiceSection buildServiceSection(Poco::Data::Session& session, const AfterSalesScope& scope) {
  ServiceSection section;
  std::string start = scope.start, end = scope.end;
  // Cases are judged against their targets as they stood when the period ended, so a report on
  // a past period reads the same whenever it is made.
  const std::string judgedAt = scope.end + "T00:00:00.000Z";

  std::vector<std::string> kind, openedAt;
  std::vector<Poco::Nullable<std::string>> respondedAt, resolvedAt;
  std::vector<int> responseTarget, resolutionTarget;
  session << "SELECT c.kind, c.opened_at, c.first_response_at, c.resolved_at, c.first_response_target_h,"
             " c.resolution_target_h FROM service_case c WHERE c.opened_at >= ? AND c.opened_at < ?" +
                 clientCustomer(scope, "c.customer_id"),
      bind(start), bind(end), into(kind), into(openedAt), into(respondedAt), into(resolvedAt), into(responseTarget),
      into(resolutionTarget), now;

  for (const crm::CaseKind k : {crm::CaseKind::inquiry, crm::CaseKind::complaint, crm::CaseKind::installation,
                                crm::CaseKind::maintenance, crm::CaseKind::warranty_claim}) {
    section.byKind.push_back({crm::caseKindName(k), 0, 0, 0, 0});
  }
  std::vector<double> responseHours, resolutionHours;
  std::int64_t judged = 0, attained = 0;
  for (std::size_t i = 0; i < kind.size(); ++i) {
    crm::ServiceCase c;
    c.openedAt = openedAt[i];
    c.firstResponseAt = optional(respondedAt[i]);
    c.resolvedAt = optional(resolvedAt[i]);
    c.firstResponseTargetHours = responseTarget[i];
    c.resolutionTargetHours = resolutionTarget[i];
    // Steps taken after the period's end are not known yet at the time the cases are judged.
    if (c.firstResponseAt && *c.firstResponseAt >= judgedAt) c.firstResponseAt.reset();
    if (c.resolvedAt && *c.resolvedAt >= judgedAt) c.resolvedAt.reset();
    if (const auto hours = c.firstResponseHours()) responseHours.push_back(*hours);
    if (const auto hours = c.resolutionHours()) resolutionHours.push_back(*hours);
    const crm::SlaState response = c.firstResponseState(judgedAt), resolution = c.resolutionState(judgedAt);
    const bool outside = c.outsideSla(judgedAt);
    const bool within = response == crm::SlaState::met && resolution == crm::SlaState::met;
    for (CaseKindRow& row : section.byKind) {
      if (row.kind != kind[i]) continue;
      ++row.cases;
      row.withinSla += within ? 1 : 0;
      row.outsideSla += outside ? 1 : 0;
      row.running += within || outside ? 0 : 1;
    }
    judged += within || outside ? 1 : 0;
    attained += within ? 1 : 0;
    section.complaints += kind[i] == "complaint" ? 1 : 0;
  }
  section.cases = static_cast<std::int64_t>(kind.size());

  std::vector<std::string> survey;
  std::vector<int> score;
  session << "SELECT r.survey, r.score FROM survey_response r"
             " WHERE r.survey IN ('csat', 'nps') AND r.answered_at >= ? AND r.answered_at < ?" +
                 clientCustomer(scope, "r.customer_id"),
      bind(start), bind(end), into(survey), into(score), now;
  std::int64_t csatSum = 0, satisfied = 0, promoters = 0, detractors = 0;
  std::int64_t perScore[6] = {0, 0, 0, 0, 0, 0};
  for (std::size_t i = 0; i < survey.size(); ++i) {
    if (survey[i] == "csat") {
      ++section.csatResponses;
      csatSum += score[i];
      satisfied += score[i] >= 4 ? 1 : 0;
      if (score[i] >= 1 && score[i] <= 5) ++perScore[score[i]];
    } else {
      ++section.npsResponses;
      promoters += score[i] >= 9 ? 1 : 0;
      detractors += score[i] <= 6 ? 1 : 0;
    }
  }
  for (int s = 1; s <= 5; ++s) section.csatScores.push_back({std::to_string(s), std::to_string(s), perScore[s], 0, {}});
  setShares(section.csatScores);

  const auto n = [](std::int64_t count) { return static_cast<double>(count); };
  const std::string opened = "cases opened in the period";
  section.kpis.push_back(
      totalKpi("cases", "Service cases", "Service cases opened in the period.", "cases", n(section.cases)));
  section.kpis.push_back(totalKpi("complaints", "Complaints",
                                  "Service cases of the kind complaint opened in the period.", "cases",
                                  n(section.complaints)));
  for (auto& kpi : durationKpis("first_response", "First response time",
                                "Hours from opening to the first response (a case resolved without one: to its "
                                "resolution), over the cases opened in the period.",
                                "cases with a first response", "Cases not answered by the period's end.",
                                responseHours)) {
    section.kpis.push_back(std::move(kpi));
  }
  for (auto& kpi : durationKpis("resolution", "Resolution time",
                                "Hours from opening to resolution, over the cases opened in the period.",
                                "resolved cases", "Cases not resolved by the period's end.", resolutionHours)) {
    section.kpis.push_back(std::move(kpi));
  }
  section.kpis.push_back(rateKpi(
      "sla_attainment_rate", "SLA attainment",
      "Cases that met both targets copied onto them at opening (first response and resolution, each by its due "
      "time), judged at the period's end.",
      "met both targets", opened + " and judged",
      "Cases still running at the period's end (neither target missed, not both met yet).", "cases", n(attained),
      n(judged)));
  section.kpis.push_back(rateKpi("csat_avg", "CSAT, average score",
                                 "Average CSAT score (1 to 5) of the answers given in the period.", "sum of scores",
                                 "CSAT answers", "NPS and exit surveys.", "score", n(csatSum),
                                 n(section.csatResponses)));
  section.kpis.push_back(rateKpi("csat_rate", "CSAT (satisfied)", "CSAT answers of 4 or 5 out of 5.",
                                 "answers of 4 or 5", "CSAT answers", "NPS and exit surveys.", "answers", n(satisfied),
                                 n(section.csatResponses)));
  Kpi nps = rateKpi("nps", "NPS",
                    "Net promoter score: promoters (9-10) minus detractors (0-6), per 100 NPS answers given in the "
                    "period (-100 to 100).",
                    "promoters minus detractors", "NPS answers", "CSAT and exit surveys.", "points",
                    n(promoters - detractors), n(section.npsResponses));
  if (nps.value) *nps.value *= 100;
  section.kpis.push_back(nps);
  return section;
}

}  // namespace reports
