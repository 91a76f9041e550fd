#include "crm/abc_segmentation.h"
#include "crm/customer_merge.h"
#include "crm/lost_customers.h"
#include "crm/rfm_scores.h"
#include "crm/survey_book.h"
#include "tests/crm/crm_fixture.h"

#include <boost/test/unit_test.hpp>

#include <map>

using namespace crm;
using crm_test::CrmFixture;
using crm_test::Line;

namespace {

const Period k2026{"2026-01-01", "2027-01-01"};

void mergeInto(CrmFixture& f, const std::string& survivor, const std::string& absorbed) {
  store::Transaction transaction(f.session);
  BOOST_REQUIRE(CustomerMerges(f.session).merge(transaction, survivor, absorbed).ok());
  transaction.commit();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(segmentation)

// Ten customers with these margins (amount - cost, euros) in 2026, total positive margin 10000:
//
//   customer  margin  cumulative before  class (A while before < 80%, B while before < 95%)
//   C01        5000        0    0%        A
//   C02        3000     5000   50%        A   (reaches 80% exactly: the crossing customer is A)
//   C03        1000     8000   80%        B   700 own + 300 of C03-DUP, merged into it
//   C04         400     9000   90%        B   500 sold, 100 returned (line -200 amount, -100 cost)
//   C05         200     9400   94%        B   plus 999.00 without cost: left out, reported as uncosted
//   C06         150     9600   96%        C
//   C07         100     9750   97.5%      C   tie with C08 on margin: ordered by code
//   C08         100     9850   98.5%      C
//   C09          50     9950   99.5%      C
//   C10         -50    10000  100%        C   a loss: always C, and no part of the total
// A 2025 sale of C10 (margin 9000) lies outside the period and changes nothing.
BOOST_AUTO_TEST_CASE(abc_classes_by_margin_match_the_hand_computed_example) {
  CrmFixture f;
  std::map<std::string, std::int64_t> id;
  for (const char* code : {"C01", "C02", "C03", "C03-DUP", "C04", "C05", "C06", "C07", "C08", "C09", "C10"}) {
    id[code] = f.customer(code);
  }
  f.sale(id["C01"], "2026-02-01", {{900000, 400000}});
  f.sale(id["C02"], "2026-03-01", {{500000, 300000}, {200000, 100000}});
  f.sale(id["C03"], "2026-04-01", {{150000, 80000}});
  f.sale(id["C03-DUP"], "2026-04-02", {{40000, 10000}});
  mergeInto(f, "C03", "C03-DUP");
  f.sale(id["C04"], "2026-05-01", {{60000, 10000}});
  f.sale(id["C04"], "2026-05-09", {{-20000, -10000, -1}}, "return");
  f.sale(id["C05"], "2026-06-01", {{30000, 10000}, {99900, std::nullopt}});
  f.sale(id["C06"], "2026-07-01", {{25000, 10000}});
  f.sale(id["C07"], "2026-08-01", {{20000, 10000}});
  f.sale(id["C08"], "2026-09-01", {{10000, 0}});
  f.sale(id["C09"], "2026-10-01", {{15000, 10000}});
  f.sale(id["C10"], "2026-11-01", {{10000, 15000}});
  f.sale(id["C10"], "2025-11-01", {{1000000, 100000}});

  const auto result = AbcSegmentation(f.session).classify({k2026});
  BOOST_REQUIRE_MESSAGE(result.ok(), result.describe());
  const auto& rows = result.value();
  const std::vector<std::pair<std::string, char>> expected{
      {"C01", 'A'}, {"C02", 'A'}, {"C03", 'B'}, {"C04", 'B'}, {"C05", 'B'},
      {"C06", 'C'}, {"C07", 'C'}, {"C08", 'C'}, {"C09", 'C'}, {"C10", 'C'}};
  BOOST_REQUIRE(rows.size() == expected.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    BOOST_TEST(rows[i].code == expected[i].first);
    BOOST_TEST(rows[i].abcClass == expected[i].second, rows[i].code);
    BOOST_TEST(rows[i].totalMarginCents == 1000000);
  }
  BOOST_TEST(rows[2].marginCents == 100000);
  BOOST_TEST(rows[3].marginCents == 40000);
  BOOST_TEST(rows[4].uncostedCents == 99900);
  BOOST_TEST(rows[5].marginBeforeCents == 960000);
  BOOST_TEST(rows[9].marginCents == -5000);

  // Cutoffs 50/90: C01 (before 0%) A; C02 (before 50%) B; C03 (80%) B; C04 (90%) C.
  const auto tight = AbcSegmentation(f.session).classify({k2026, 50, 90}).value();
  BOOST_TEST(tight[0].abcClass == 'A');
  BOOST_TEST(tight[1].abcClass == 'B');
  BOOST_TEST(tight[2].abcClass == 'B');
  BOOST_TEST(tight[3].abcClass == 'C');
  BOOST_TEST(AbcSegmentation(f.session).classify({k2026, 95, 80}).has(ProblemCode::invalid_value));
  BOOST_TEST(AbcSegmentation(f.session).classify({{"2026-01-01", "2025-01-01"}}).has(ProblemCode::invalid_value));
}

// Five customers in 2026 (the period ends 2027-01-01, excluded):
//
//   customer  last sale   sales  net amount  R rank  F rank  M rank  -> R F M
//   P1        2026-12-01    5      5000        5       5       5         5 5 5
//   P2        2026-11-01    3      1000        3       3       3         3 3 3   one sale recorded under P2-DUP, merged
//   P3        2026-11-01    3      2000        3       3       4         3 3 4   ties P2 on R and F
//   P4        2026-06-01    1       300        2       1       1         2 1 1
//   P5        2026-02-01    2       500        1       2       2         1 2 2   2 sales of 400 + a return of 300
//
// score = 1 + floor(5 * (rank - 1) / n) with n = 5 and RANK() ascending: ties share the lowest
// rank, so P2 and P3 both get 3 where a row number would have split them 3 and 4. P6 only
// returned goods in 2026: no purchase, no score. P7 bought in 2025 only: not in 2026's scores.
BOOST_AUTO_TEST_CASE(rfm_scores_and_lost_customers_match_the_hand_computed_example) {
  CrmFixture f;
  std::map<std::string, std::int64_t> id;
  for (const char* code : {"P1", "P2", "P2-DUP", "P3", "P4", "P5", "P6", "P7"}) id[code] = f.customer(code);
  for (const char* day : {"2026-03-01", "2026-05-01", "2026-07-01", "2026-09-01", "2026-12-01"}) {
    f.sale(id["P1"], day, {{100000}});
  }
  f.sale(id["P2"], "2026-03-01", {{30000}});
  f.sale(id["P2-DUP"], "2026-04-01", {{30000}});
  f.sale(id["P2"], "2026-11-01", {{40000}});
  mergeInto(f, "P2", "P2-DUP");
  f.sale(id["P3"], "2026-01-15", {{50000}});
  f.sale(id["P3"], "2026-06-15", {{50000}});
  f.sale(id["P3"], "2026-11-01", {{100000}});
  f.sale(id["P4"], "2026-06-01", {{30000}});
  f.sale(id["P5"], "2026-01-10", {{40000}});
  f.sale(id["P5"], "2026-02-01", {{40000}});
  f.sale(id["P5"], "2026-03-01", {{-30000}}, "return");
  f.sale(id["P6"], "2026-04-01", {{-10000}}, "return");
  f.sale(id["P6"], "2025-04-01", {{10000}});
  f.sale(id["P7"], "2025-05-05", {{10000}});

  const auto result = RfmScores(f.session).score(k2026);
  BOOST_REQUIRE_MESSAGE(result.ok(), result.describe());
  std::map<std::string, std::string> scores;
  for (const RfmRow& row : result.value()) {
    scores[row.code] = std::to_string(row.recencyScore) + std::to_string(row.frequencyScore) +
                       std::to_string(row.monetaryScore);
  }
  const std::map<std::string, std::string> expected{
      {"P1", "555"}, {"P2", "333"}, {"P3", "334"}, {"P4", "211"}, {"P5", "122"}};
  BOOST_TEST(scores == expected);
  const RfmRow& p5 = result.value().back();
  BOOST_TEST(p5.code == "P5");
  BOOST_TEST(p5.frequency == 2);
  BOOST_TEST(p5.monetaryCents == 50000);
  BOOST_TEST(p5.recencyDays == 334);  // 2026-02-01 to 2027-01-01
  BOOST_TEST(result.value()[1].frequency == 3);  // P2 with P2-DUP's sale

  // Lost as of 2027-01-01 after 6 months: last purchase before 2026-07-01.
  //   P7 2025-05-05 (606 days), P6 2025-04-01 (a 2026 return is no purchase), P5 2026-02-01,
  //   P4 2026-06-01; P4's latest exit survey (answered under P4, 2026-09-01) says "price".
  {
    store::Transaction transaction(f.session);
    SurveyBook book(f.session);
    BOOST_REQUIRE(book.record(transaction, {"X1", "P4", "exit", "2026-08-01", {}, std::string("moved abroad"), {}}).ok());
    BOOST_REQUIRE(book.record(transaction, {"X2", "P4", "exit", "2026-09-01", {}, std::string("price"), {}}).ok());
    transaction.commit();
  }
  const auto lost = LostCustomers(f.session).list(6, "2027-01-01");
  BOOST_REQUIRE_MESSAGE(lost.ok(), lost.describe());
  std::vector<std::string> codes;
  for (const auto& row : lost.value()) codes.push_back(row.code);
  BOOST_TEST(codes == (std::vector<std::string>{"P6", "P7", "P5", "P4"}));
  BOOST_TEST(lost.value()[1].daysSince == 606);
  BOOST_TEST(!lost.value()[2].lostReason.has_value());
  BOOST_TEST(lost.value()[3].lostReason.value_or("") == "price");
  BOOST_TEST(LostCustomers(f.session).list(0, "2027-01-01").has(ProblemCode::invalid_value));
}

BOOST_AUTO_TEST_SUITE_END()
