#include "reports/period.h"

#include <boost/test/unit_test.hpp>

using namespace reports;

BOOST_AUTO_TEST_SUITE(period)

BOOST_AUTO_TEST_CASE(months_quarters_and_years_parse_to_half_open_day_ranges) {
  const auto october = parsePeriod("2026-10");
  BOOST_REQUIRE(october.has_value());
  BOOST_TEST(october->start == "2026-10-01");
  BOOST_TEST(october->end == "2026-11-01");
  const auto q4 = parsePeriod("2026Q4");
  BOOST_REQUIRE(q4.has_value());
  BOOST_TEST(q4->start == "2026-10-01");
  BOOST_TEST(q4->end == "2027-01-01");
  BOOST_TEST(parsePeriod("2026-q3")->start == "2026-07-01");
  BOOST_TEST(parsePeriod("2026")->end == "2027-01-01");
  for (const char* bad : {"2026-13", "2026Q5", "26", "2026-1", "abcd", "2026-10x", ""}) {
    BOOST_TEST(!parsePeriod(bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_CASE(a_period_knows_the_one_before_the_same_one_a_year_earlier_and_its_months) {
  BOOST_TEST(parsePeriod("2026-01")->previous().label() == "2025-12");
  BOOST_TEST(parsePeriod("2026Q1")->previous().label() == "2025Q4");
  BOOST_TEST(parsePeriod("2026Q3")->yearBefore().label() == "2025Q3");
  BOOST_TEST(parsePeriod("2026")->previous().label() == "2025");
  const auto months = parsePeriod("2026Q3")->months();
  BOOST_REQUIRE(months.size() == 3u);
  BOOST_TEST(months[0].label() == "2026-07");
  BOOST_TEST(months[2].end == "2026-10-01");
  BOOST_TEST(parsePeriod("2026")->months().size() == 12u);
}

BOOST_AUTO_TEST_SUITE_END()
