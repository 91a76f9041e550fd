#include "crm/survey_book.h"
#include "crm/survey_import.h"
#include "crm/survey_import_runs.h"
#include "tests/crm/crm_fixture.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace crm;
using namespace Poco::Data::Keywords;
using crm_test::CrmFixture;

namespace {

// Line numbers matter: the quoted comment of line 3 spans lines 3 and 4, so the next row is line 5.
const char* const kExport =
    "source_key,customer,survey,answered_at,score,lost_reason,comment\r\n"   // 1
    "R1,ANNA,csat,2026-10-01T09:00:00Z,5,,\r\n"                                 // 2
    "R2,LOY-77,nps,2026-10-02,9,,\"great, really\n"                             // 3
    "quick\"\r\n"                                                               // 4
    "R3,BEN,exit,2026-10-03T10:00Z,,moved abroad,\r\n"                          // 5
    "R4,ANNA,csat,2026-10-04,6,,\r\n"                                           // 6: score out of range
    "R5,BEN,exit,2026-10-05,,,\r\n"                                             // 7: exit without reason
    "R6,NOBODY,nps,2026-10-06,7,,\r\n"                                          // 8: unknown customer
    "R7,ANNA,csat,yesterday,4,,\r\n"                                            // 9: bad time
    "R8,ANNA,csat\r\n"                                                          // 10: too few fields
    "R9,ANNA,poll,2026-10-07,3,,\r\n"                                           // 11: unknown survey
    "R10,ANNA,nps,2026-10-08,seven,,\r\n"                                       // 12: score not a number
    "\r\n"
    "R1,ANNA,csat,2026-10-01T09:00:00Z,5,,\r\n";                                // 14: repeated in the file

SurveyImportOutcome importText(CrmFixture& f, const std::string& text) {
  std::istringstream in(text);
  store::Transaction transaction(f.session);
  SurveyImportOutcome outcome = importSurveyCsv(transaction, in, "answers.csv");
  transaction.commit();
  return outcome;
}

SurveyImportOutcome replay(CrmFixture& f, std::int64_t runId) {
  store::Transaction transaction(f.session);
  SurveyImportOutcome outcome = replaySurveyRejects(transaction, runId);
  transaction.commit();
  return outcome;
}

// ANNA (also loyalty id LOY-77) and BEN; returns ANNA's party id.
std::int64_t customersOfTheExport(CrmFixture& f) {
  const std::int64_t anna = f.customer("ANNA");
  f.customer("BEN");
  f.session << "INSERT INTO party_identifier (party_id, scheme, value) VALUES (?, 'loyalty', 'LOY-77')", bind(anna), now;
  return anna;
}

std::int64_t answersOf(CrmFixture& f, const std::string& sourceKey) {
  std::int64_t count = 0;
  f.session << "SELECT COUNT(*) FROM survey_response WHERE source_key = ?", bind(sourceKey), into(count), now;
  return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(survey_import)

BOOST_AUTO_TEST_CASE(a_survey_export_imports_once_and_rejects_bad_rows_with_line_and_reason) {
  CrmFixture f;
  const std::int64_t anna = customersOfTheExport(f);

  const SurveyImportOutcome first = importText(f, kExport);
  BOOST_TEST(first.rows == 11);  // the blank line is no row
  BOOST_TEST(first.imported == 3);
  BOOST_TEST(first.alreadyKnown == 1);  // R1 a second time, at line 14
  BOOST_REQUIRE(first.rejected.size() == 7u);
  const std::vector<int> lines{6, 7, 8, 9, 10, 11, 12};
  for (std::size_t i = 0; i < lines.size(); ++i) BOOST_TEST(first.rejected[i].line == lines[i]);
  BOOST_TEST(first.rejected[0].reason.find("invalid_value (score): a CSAT score is 1 to 5") == 0u, first.rejected[0].reason);
  BOOST_TEST(first.rejected[1].reason.find("missing_field (lost_reason)") == 0u, first.rejected[1].reason);
  BOOST_TEST(first.rejected[2].reason.find("unknown_customer") == 0u, first.rejected[2].reason);
  BOOST_TEST(first.rejected[3].reason.find("invalid_timestamp (answered_at)") == 0u, first.rejected[3].reason);
  BOOST_TEST(first.rejected[4].reason == "3 fields where the header has 7");
  BOOST_TEST(first.rejected[5].reason.find("invalid_value (survey)") == 0u, first.rejected[5].reason);
  BOOST_TEST(first.rejected[6].reason == "score: 'seven' is not a whole number");

  const auto answers = SurveyBook(f.session).of(anna);
  BOOST_REQUIRE(answers.size() == 2u);
  BOOST_TEST(answers[0].survey == "nps");  // newest first; matched by loyalty id
  BOOST_TEST(answers[0].score.value_or(-1) == 9);
  BOOST_TEST(answers[0].comment.value_or("") == "great, really\nquick");
  BOOST_TEST(answers[0].answeredAt == "2026-10-02T00:00:00.000Z");
  BOOST_TEST(answers[1].answeredAt == "2026-10-01T09:00:00.000Z");

  // The same export again adds nothing and refuses the same rows.
  const SurveyImportOutcome second = importText(f, kExport);
  BOOST_TEST(second.rows == 11);
  BOOST_TEST(second.imported == 0);
  BOOST_TEST(second.alreadyKnown == 4);
  BOOST_TEST(second.rejected.size() == 7u);
  std::int64_t stored = 0;
  f.session << "SELECT COUNT(*) FROM survey_response", into(stored), now;
  BOOST_TEST(stored == 3);
}

BOOST_AUTO_TEST_CASE(an_export_without_the_required_columns_imports_nothing) {
  CrmFixture f;
  f.customer("ANNA");
  const SurveyImportOutcome outcome = importText(f, "id;customer;score\nR1;ANNA;5\n");
  BOOST_TEST(outcome.imported == 0);
  BOOST_REQUIRE(outcome.rejected.size() == 1u);
  BOOST_TEST(outcome.rejected[0].line == 1);
  BOOST_TEST(outcome.rejected[0].reason == "the header lacks the column(s) source_key, customer, survey, answered_at");
}

BOOST_AUTO_TEST_CASE(a_row_saved_in_latin1_is_refused_with_its_column_and_the_others_import) {
  CrmFixture f;
  f.customer("ANNA");
  const SurveyImportOutcome outcome =
      importText(f, "source_key,customer,survey,answered_at,score,lost_reason,comment\n"
                    "R1,ANNA,csat,2026-10-01,5,,sch\xF6n\n"
                    "R2,ANNA,csat,2026-10-02,4,,schön\n");
  BOOST_TEST(outcome.imported == 1);
  BOOST_REQUIRE(outcome.rejected.size() == 1u);
  BOOST_TEST(outcome.rejected[0].line == 2);
  BOOST_TEST(outcome.rejected[0].reason == "comment: 'sch\\xF6n' is not UTF-8 text (save the file as UTF-8)");
  std::string comment;
  f.session << "SELECT comment FROM survey_response", into(comment), now;
  BOOST_TEST(comment == "schön");
}

BOOST_AUTO_TEST_CASE(refused_rows_are_kept_with_their_line_the_row_as_it_stood_and_the_reason) {
  CrmFixture f;
  customersOfTheExport(f);
  const SurveyImportOutcome outcome = importText(f, kExport);

  SurveyImportRuns runs(f.session);
  const auto run = runs.find(outcome.runId);
  BOOST_REQUIRE(run.has_value());
  BOOST_TEST(run->fileName == "answers.csv");
  BOOST_TEST(run->header == "source_key,customer,survey,answered_at,score,lost_reason,comment");
  BOOST_TEST(run->rows == 11);
  BOOST_TEST(run->imported == 3);
  BOOST_TEST(run->alreadyKnown == 1);
  BOOST_TEST(run->rejected == 7);
  const auto kept = runs.rejects(outcome.runId, false);
  BOOST_REQUIRE(kept.size() == 7u);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    BOOST_TEST(kept[i].line == outcome.rejected[i].line);
    BOOST_TEST(kept[i].reason == outcome.rejected[i].reason);
    BOOST_TEST(!kept[i].resolvedBy.has_value());
  }
  BOOST_TEST(kept[0].raw == "R4,ANNA,csat,2026-10-04,6,,");
  BOOST_TEST(kept[2].raw == "R6,NOBODY,nps,2026-10-06,7,,");
  BOOST_TEST(kept[4].raw == "R8,ANNA,csat");
}

BOOST_AUTO_TEST_CASE(a_replay_after_the_fix_applies_the_refused_answer_once_and_keeps_the_rest_refused) {
  CrmFixture f;
  customersOfTheExport(f);
  const SurveyImportOutcome first = importText(f, kExport);
  BOOST_TEST(answersOf(f, "R6") == 0);

  f.customer("NOBODY");  // the fix: the customer of line 8 is known now
  const SurveyImportOutcome again = replay(f, first.runId);
  BOOST_TEST(again.runId > first.runId);
  BOOST_TEST(again.rows == 7);
  BOOST_TEST(again.imported == 1);
  BOOST_TEST(again.resolved == 1);
  BOOST_REQUIRE(again.rejected.size() == 6u);
  BOOST_TEST(again.rejected[2].line == 9);  // lines of the original file
  BOOST_TEST(answersOf(f, "R6") == 1);

  SurveyImportRuns runs(f.session);
  BOOST_TEST(runs.find(again.runId)->replayOf.value_or(0) == first.runId);
  const auto outstanding = runs.rejects(first.runId, true);
  BOOST_TEST(outstanding.size() == 6u);
  const auto all = runs.rejects(first.runId, false);
  BOOST_TEST(all[2].line == 8);
  BOOST_TEST(all[2].resolvedBy.value_or(0) == again.runId);
  BOOST_TEST(runs.rejects(again.runId, false).size() == 6u);

  // A second replay takes only what is still outstanding, and adds nothing twice.
  const SurveyImportOutcome third = replay(f, first.runId);
  BOOST_TEST(third.rows == 6);
  BOOST_TEST(third.imported == 0);
  BOOST_TEST(answersOf(f, "R6") == 1);
}

BOOST_AUTO_TEST_CASE(a_run_without_outstanding_rejects_replays_nothing) {
  CrmFixture f;
  f.customer("ANNA");
  const SurveyImportOutcome clean =
      importText(f, "source_key,customer,survey,answered_at,score\nR1,ANNA,csat,2026-10-01,5\n");
  BOOST_TEST(clean.rejected.empty());
  const SurveyImportOutcome again = replay(f, clean.runId);
  BOOST_TEST(again.runId == 0);
  BOOST_TEST(SurveyImportRuns(f.session).list(10).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_latin1_row_is_kept_byte_for_byte_and_refused_again_by_a_replay) {
  CrmFixture f;
  f.customer("ANNA");
  const SurveyImportOutcome outcome =
      importText(f, "source_key,customer,survey,answered_at,score,lost_reason,comment\n"
                    "R1,ANNA,csat,2026-10-01,5,,sch\xF6n\n");
  const auto kept = SurveyImportRuns(f.session).rejects(outcome.runId, false);
  BOOST_REQUIRE(kept.size() == 1u);
  BOOST_TEST(kept[0].raw == "R1,ANNA,csat,2026-10-01,5,,sch\xF6n");
  // Replayed as it stands, it is refused again for the same reason: the bytes were not changed.
  const SurveyImportOutcome again = replay(f, outcome.runId);
  BOOST_REQUIRE(again.rejected.size() == 1u);
  BOOST_TEST(again.rejected[0].reason == "comment: 'sch\\xF6n' is not UTF-8 text (save the file as UTF-8)");
  BOOST_TEST(again.rejected[0].raw == kept[0].raw);
}

BOOST_AUTO_TEST_SUITE_END()
