#include "demo/service_desk.h"

#include "crm/case_book.h"
#include "crm/survey_import.h"
#include "demo/edi_time.h"
#include "store/transaction.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>

namespace demo {
namespace {

void openCases(store::Database& database, const YearPlan& plan, const std::map<std::string, std::string>& customers,
               ServiceOutcome& outcome) {
  Poco::Data::Session session = database.session();
  crm::CaseBook book(session);
  store::Transaction transaction(session);
  for (const PlannedCase& planned : plan.cases) {
    const auto customer = customers.find(planned.loyaltyId);
    if (customer == customers.end()) continue;
    crm::CaseOpening opening;
    opening.customerCode = customer->second;
    opening.kind = crm::caseKindFromName(planned.kind).value_or(crm::CaseKind::inquiry);
    opening.summary = planned.summary;
    opening.openedAt = storedTime(planned.openedAt);
    const auto opened = book.open(transaction, opening);
    if (!opened) {
      outcome.problems.push_back("case of " + customer->second + ": " + opened.describe());
      continue;
    }
    ++outcome.casesOpened;
    const std::string& number = opened.value().number;
    if (planned.respondedAt) {
      const auto responded = book.respond(transaction, number, storedTime(*planned.respondedAt));
      if (!responded) outcome.problems.push_back(number + " respond: " + responded.describe());
    }
    if (planned.resolvedAt) {
      const auto resolved = book.resolve(transaction, number, storedTime(*planned.resolvedAt), planned.remedialAction);
      if (!resolved) {
        outcome.problems.push_back(number + " resolve: " + resolved.describe());
      } else {
        ++outcome.casesResolved;
      }
    }
  }
  transaction.commit();
}

void importSurveys(store::Database& database, const YearPlan& plan, const std::map<std::string, std::string>& customers,
                   const std::string& directory, ServiceOutcome& outcome) {
  Poco::File(directory).createDirectories();
  outcome.surveyFile = Poco::Path(directory).append("survey-export-" + std::to_string(plan.year) + ".csv").toString();
  {
    Poco::FileOutputStream out(outcome.surveyFile);
    out << "source_key,customer,survey,answered_at,score,lost_reason\n";
    for (const PlannedSurvey& s : plan.surveys) {
      if (!customers.count(s.loyaltyId)) continue;
      out << s.sourceKey << ',' << s.loyaltyId << ',' << s.survey << ',' << storedTime(s.answeredAt) << ','
          << (s.score ? std::to_string(*s.score) : "") << ',' << s.lostReason.value_or("") << '\n';
    }
  }
  Poco::Data::Session session = database.session();
  store::Transaction transaction(session);
  Poco::FileInputStream in(outcome.surveyFile);
  const crm::SurveyImportOutcome imported = crm::importSurveyCsv(transaction, in, outcome.surveyFile);
  transaction.commit();
  outcome.surveysImported = imported.imported;
  for (const crm::SurveyReject& reject : imported.rejected) {
    outcome.problems.push_back(outcome.surveyFile + " line " + std::to_string(reject.line) + ": " + reject.reason);
  }
}

}  // namespace

ServiceOutcome runServiceDesk(store::Database& database, const YearPlan& plan,
                              const std::map<std::string, std::string>& customers, const std::string& surveyDirectory) {
  ServiceOutcome outcome;
  openCases(database, plan, customers, outcome);
  importSurveys(database, plan, customers, surveyDirectory, outcome);
  return outcome;
}

}  // namespace demo
