#include "store/timestamp.h"
#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace Poco::Data::Keywords;
using test_support::ProgramResult;
using test_support::runAfterflow;
using test_support::TemporaryDirectory;
using test_support::TestDatabase;

namespace {

// Runs afterflow on the test's database.
ProgramResult run(TestDatabase& test, std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), {"--db", test.url()});
  return runAfterflow(arguments);
}

// A sale of one line for a seeded customer, written as the sales ledger would.
void sale(Poco::Data::Session& session, const std::string& key, const std::string& customer, const std::string& day,
          std::int64_t amount, std::int64_t cost) {
  std::int64_t customerId = 0, saleId = 0;
  session << "SELECT party_id FROM party WHERE party_code = ?", bind(customer), into(customerId), now;
  session << "INSERT INTO sale (source_key, source_format, kind, business_day, occurred_at, customer_id, total_cents, "
             "created_at) VALUES (?, 'csv', 'sale', ?, ?, ?, ?, ?) RETURNING sale_id",
      bind(key), bind(day), bind(day + "T12:00:00.000Z"), bind(customerId), bind(amount),
      bind(store::currentTimestamp()), into(saleId), now;
  session << "INSERT INTO sale_line (sale_id, line_no, quantity, amount_cents, cost_cents) VALUES (?, 1, 1, ?, ?)",
      bind(saleId), bind(amount), bind(cost), now;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crm_commands)

BOOST_AUTO_TEST_CASE(customer_merge_shows_up_in_list_and_show_and_unmerge_undoes_it) {
  TestDatabase test;
  BOOST_REQUIRE(run(test, {"db", "seed"}).exitCode == 0);
  const ProgramResult merged = run(test, {"customer", "merge", "CUST-0001", "CUST-0002", "--note", "same person"});
  BOOST_TEST(merged.exitCode == 0, merged.err);
  BOOST_TEST(merged.out == "merged CUST-0002 into CUST-0001\n");
  const ProgramResult again = run(test, {"customer", "merge", "CUST-0003", "CUST-0002"});
  BOOST_TEST(again.exitCode == 1);
  BOOST_TEST(again.err == "afterflow customer merge: already_merged (absorbed): 'CUST-0002' is merged into "
                          "'CUST-0001' already; unmerge it first\n");
  BOOST_TEST(run(test, {"customer", "merge", "CUST-0001", "CUST-0001"}).exitCode == 1);

  const ProgramResult list = run(test, {"customer", "list"});
  BOOST_TEST(list.out.find("CUST-0002") == std::string::npos, list.out);
  BOOST_TEST(list.out.find("CUST-0001       Anna Schmidt                    South     standard  \n") != std::string::npos,
             list.out);
  const ProgramResult show = run(test, {"customer", "show", "CUST-0001"});
  BOOST_TEST(show.exitCode == 0, show.err);
  BOOST_TEST(show.out.find("merged from   CUST-0002\n") != std::string::npos, show.out);
  BOOST_TEST(show.out.find("merge         CUST-0002 into CUST-0001 at ") != std::string::npos, show.out);

  const ProgramResult unmerged = run(test, {"customer", "unmerge", "CUST-0002"});
  BOOST_TEST(unmerged.exitCode == 0, unmerged.err);
  BOOST_TEST(unmerged.out == "unmerged CUST-0002 from CUST-0001\n");
  BOOST_TEST(run(test, {"customer", "list"}).out.find("CUST-0002") != std::string::npos);
  BOOST_TEST(run(test, {"customer", "unmerge", "CUST-0002"}).exitCode == 1);
  BOOST_TEST(run(test, {"customer", "merge", "CUST-0001"}).exitCode == 2);
  BOOST_TEST(run(test, {"customer", "show", "NOBODY"}).exitCode == 1);
}

BOOST_AUTO_TEST_CASE(customer_credit_and_profile_are_set_and_shown) {
  TestDatabase test;
  BOOST_REQUIRE(run(test, {"db", "seed"}).exitCode == 0);
  BOOST_TEST(run(test, {"customer", "credit", "CUST-0001"}).out == "CUST-0001: no credit account\n");
  const ProgramResult partial = run(test, {"customer", "credit", "CUST-0001", "--exposure", "10"});
  BOOST_TEST(partial.exitCode == 1);
  BOOST_TEST(partial.err.find("no_credit_account") != std::string::npos, partial.err);
  const ProgramResult set = run(test, {"customer", "credit", "CUST-0001", "--limit", "5000", "--rating", "B"});
  BOOST_TEST(set.exitCode == 0, set.err);
  BOOST_TEST(set.out == "CUST-0001: limit 5000.00, exposure 0.00, available 5000.00, rating B, not overdue\n");
  const ProgramResult risk =
      run(test, {"customer", "credit", "CUST-0001", "--exposure", "5200.5", "--overdue", "yes"});
  BOOST_TEST(risk.out ==
             "CUST-0001: limit 5000.00, exposure 5200.50, available -200.50, rating B, overdue, at risk\n");
  BOOST_TEST(run(test, {"customer", "credit", "DEALER-MUC", "--limit", "100000", "--rating", "A"}).exitCode == 0);
  BOOST_TEST(run(test, {"customer", "credit", "CUST-0001", "--rating", "Z"}).exitCode == 1);
  BOOST_TEST(run(test, {"customer", "credit", "CUST-0001", "--limit", "12,50"}).exitCode == 2);

  const ProgramResult profile =
      run(test, {"customer", "profile", "CUST-0002", "--tier", "gold", "--age-band", "35-44", "--income-band", "high"});
  BOOST_TEST(profile.exitCode == 0, profile.err);
  BOOST_TEST(run(test, {"customer", "list", "--tier", "gold"}).out ==
             "CUST-0002       Jonas Weber                     East      gold      \n");
  BOOST_TEST(run(test, {"customer", "list", "--role", "dealer", "--region", "South"}).out.find("DEALER-MUC") == 0u);
  BOOST_TEST(run(test, {"customer", "profile", "CUST-0002", "--gender", "robot"}).exitCode == 1);
  BOOST_TEST(run(test, {"customer", "show", "CUST-0002"}).out.find("profile       tier gold, age 35-44, gender -, "
                                                                      "income high\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_case_is_opened_answered_and_resolved_against_the_tiers_sla) {
  TestDatabase test;
  BOOST_REQUIRE(run(test, {"db", "seed"}).exitCode == 0);
  BOOST_REQUIRE(run(test, {"customer", "profile", "CUST-0001", "--tier", "gold"}).exitCode == 0);
  const ProgramResult opened =
      run(test, {"case", "open", "CUST-0001", "--kind", "complaint", "--summary", "drum noise", "--at", "2026-10-01T08:00Z"});
  BOOST_TEST(opened.exitCode == 0, opened.err);
  BOOST_TEST(opened.out == "opened CASE-1 (complaint for CUST-0001): first response due 2026-10-01T16:00:00.000Z "
                           "(8h), resolution due 2026-10-04T08:00:00.000Z (72h)\n");
  const ProgramResult early = run(test, {"case", "respond", "CASE-1", "--at", "2026-09-30"});
  BOOST_TEST(early.exitCode == 1);
  BOOST_TEST(early.err.find("time_goes_backwards") != std::string::npos, early.err);
  const ProgramResult responded = run(test, {"case", "respond", "CASE-1", "--at", "2026-10-01T10:30:00Z"});
  BOOST_TEST(responded.out == "CASE-1: first response after 2.5h, target 8h: met\n");
  BOOST_TEST(run(test, {"case", "resolve", "CASE-1"}).exitCode == 2);  // --action is required
  const ProgramResult resolved =
      run(test, {"case", "resolve", "CASE-1", "--action", "replaced the bearing", "--at", "2026-10-04T10:00Z"});
  BOOST_TEST(resolved.out == "CASE-1: resolved after 74.0h, target 72h: missed\n");
  const ProgramResult twice = run(test, {"case", "resolve", "CASE-1", "--action", "again", "--at", "2026-10-05"});
  BOOST_TEST(twice.exitCode == 1);
  BOOST_TEST(twice.err.find("already_resolved") != std::string::npos, twice.err);

  BOOST_REQUIRE(run(test, {"case", "open", "CUST-0002", "--kind", "inquiry", "--at", "2026-10-01T08:00Z"}).exitCode == 0);
  const ProgramResult list = run(test, {"case", "list", "--at", "2026-10-02T09:00Z"});
  BOOST_TEST(list.out ==
             "CASE-1    CUST-0001   complaint       2026-10-01T08:00:00.000Z  response met 2.5h      resolution missed 74.0h  "
             "OUTSIDE SLA\n"
             "CASE-2    CUST-0002   inquiry         2026-10-01T08:00:00.000Z  response overdue       resolution running       "
             "OUTSIDE SLA\n");
  const ProgramResult open = run(test, {"case", "list", "--open", "--at", "2026-10-01T09:00Z"});
  BOOST_TEST(open.out.find("CASE-2") == 0u, open.out);
  BOOST_TEST(open.out.find("OUTSIDE SLA") == std::string::npos, open.out);
  BOOST_TEST(run(test, {"case", "open", "CUST-0001", "--kind", "party"}).exitCode == 2);
}

BOOST_AUTO_TEST_CASE(survey_import_is_idempotent_and_names_rejected_lines) {
  TestDatabase test;
  BOOST_REQUIRE(run(test, {"db", "seed"}).exitCode == 0);
  TemporaryDirectory directory;
  const std::string file = directory.file("answers.csv");
  std::ofstream(file) << "source_key,customer,survey,answered_at,score,lost_reason\n"
                         "S1,CUST-0001,csat,2026-10-01,5,\n"
                         "S2,CUST-0002,nps,2026-10-02,11,\n"
                         "S3,CUST-0003,exit,2026-10-03,,moved away\n";
  const ProgramResult first = run(test, {"survey", "import", file});
  BOOST_TEST(first.exitCode == 1);
  BOOST_TEST(first.out == file + ": 3 rows, 2 imported, 0 already known, 1 rejected (survey import run 1)\n");
  BOOST_TEST(first.err == file + ":3: invalid_value (score): an NPS score is 0 to 10\n");
  const ProgramResult second = run(test, {"survey", "import", file});
  BOOST_TEST(second.out == file + ": 3 rows, 0 imported, 2 already known, 1 rejected (survey import run 2)\n");
  BOOST_TEST(run(test, {"customer", "show", "CUST-0003"}).out.find("exit  2026-10-03T00:00:00.000Z reason: moved away") !=
             std::string::npos);
  BOOST_TEST(run(test, {"survey", "import", directory.file("missing.csv")}).exitCode == 1);
}

BOOST_AUTO_TEST_CASE(a_survey_answer_refused_for_an_unknown_customer_is_shown_and_replayed_after_the_customer_is_added) {
  TestDatabase test;
  BOOST_REQUIRE(run(test, {"db", "seed"}).exitCode == 0);
  TemporaryDirectory directory;
  const std::string file = directory.file("answers.csv");
  std::ofstream(file) << "source_key,customer,survey,answered_at,score,lost_reason\n"
                         "S1,NEWBIE,csat,2026-10-01,4,\n";
  BOOST_TEST(run(test, {"survey", "import", file}).exitCode == 1);
  const ProgramResult shown = run(test, {"survey", "show", "1"});
  BOOST_TEST(shown.out.find("  line 2: unknown_customer (customer)") != std::string::npos, shown.out);
  BOOST_TEST(shown.out.find("    S1,NEWBIE,csat,2026-10-01,4,\n") != std::string::npos, shown.out);

  BOOST_REQUIRE(run(test, {"party", "add", "NEWBIE", "--name", "New Customer", "--role", "customer"}).exitCode == 0);
  const ProgramResult replayed = run(test, {"survey", "replay", "1"});
  BOOST_TEST(replayed.exitCode == 0, replayed.err);
  BOOST_TEST(replayed.out == "run 1: 1 rows, 1 imported, 0 already known, 0 rejected, 1 resolved (survey import run 2)\n");
  BOOST_TEST(run(test, {"survey", "show", "1"}).out.find("(resolved by run 2)") != std::string::npos);
  BOOST_TEST(run(test, {"survey", "replay", "1"}).out == "survey import run 1 has no outstanding rejects: nothing to replay\n");
  BOOST_TEST(run(test, {"survey", "list"}).out.find("(replay of run 1)") != std::string::npos);
  BOOST_TEST(run(test, {"survey", "replay", "7"}).exitCode == 1);
  BOOST_TEST(run(test, {"survey", "replay", "x"}).exitCode == 2);
}

BOOST_AUTO_TEST_CASE(segment_commands_classify_score_and_list_lost_customers) {
  TestDatabase test;
  BOOST_REQUIRE(run(test, {"db", "seed"}).exitCode == 0);
  {
    Poco::Data::Session session = test.migrated().session();
    // Margins in 2026: CUST-0001 800, CUST-0002 150, CUST-0003 50 (of 1000): A, B (before 80%), C (before 95%).
    // RFM, n = 3, score = 1 + floor(5 * (rank - 1) / 3), ranks 1, 2, 3 -> scores 1, 2, 4:
    //   recency  0001 (03-01) 1, 0002 (11-01) 2, 0003 (12-02) 4
    //   frequency 0001 and 0002 tie on 1 sale: both rank 1 -> 1; 0003 (2 sales) rank 3 -> 4
    //   monetary 0002 and 0003 tie on 200.00: both 1; 0001 (1000.00) rank 3 -> 4
    sale(session, "k1", "CUST-0001", "2026-03-01", 100000, 20000);
    sale(session, "k2", "CUST-0002", "2026-11-01", 20000, 5000);
    sale(session, "k3", "CUST-0003", "2026-12-01", 10000, 5000);
    sale(session, "k4", "CUST-0003", "2026-12-02", 10000, 10000);
  }
  test.close();
  const ProgramResult abc = run(test, {"segment", "abc", "--from", "2026-01-01", "--to", "2027-01-01"});
  BOOST_TEST(abc.exitCode == 0, abc.err);
  BOOST_TEST(abc.out ==
             "A  CUST-0001               800.00    80.0%\n"
             "B  CUST-0002               150.00    95.0%\n"
             "C  CUST-0003                50.00   100.0%\n");
  BOOST_TEST(run(test, {"customer", "list", "--segment", "B", "--from", "2026-01-01", "--to", "2027-01-01"}).out.find(
                 "CUST-0002") == 0u);
  const ProgramResult rfm = run(test, {"segment", "rfm", "--from", "2026-01-01", "--to", "2027-01-01"});
  BOOST_TEST(rfm.out ==
             "114  CUST-0001       last 2026-03-01 (306 days), 1 purchases, 1000.00\n"
             "211  CUST-0002       last 2026-11-01 (61 days), 1 purchases, 200.00\n"
             "441  CUST-0003       last 2026-12-02 (30 days), 2 purchases, 200.00\n");
  const ProgramResult lost = run(test, {"segment", "lost", "--months", "6", "--as-of", "2027-01-01"});
  BOOST_TEST(lost.out == "CUST-0001       last 2026-03-01 (306 days)  reason unknown\n");
  BOOST_TEST(run(test, {"segment", "abc", "--a-cutoff", "99", "--b-cutoff", "90"}).exitCode == 1);
  BOOST_TEST(run(test, {"segment", "lost", "--months", "many"}).exitCode == 2);
}

BOOST_AUTO_TEST_SUITE_END()
