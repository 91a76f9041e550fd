// The plan of the demo year, without a database: its shape (seasons, regions) and that the
// seed alone decides it.
#include "demo/year_plan.h"

#include <boost/test/unit_test.hpp>

#include <map>

using namespace demo;

namespace {

std::vector<crm::Product> catalog() {
  return {{0, "WM-800", std::nullopt, "Washing machine", std::nullopt, 72.0, 0.35, 64900, true, 24},
          {0, "FR-300", std::nullopt, "Fridge", std::nullopt, 65.0, 0.62, 79900, true, 36},
          {0, "FLT-01", std::nullopt, "Filter", std::nullopt, 0.3, 0.001, 1990, false, std::nullopt}};
}

DemoOptions options(std::uint64_t seed, int shipments) {
  DemoOptions o;
  o.seed = seed;
  o.scale = {"test", shipments, shipments, shipments / 2};
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(year_plan)

BOOST_AUTO_TEST_CASE(the_same_seed_plans_the_same_year_and_another_seed_another) {
  const auto products = catalog();
  const YearPlan a = planYear(options(7, 2000), 2025, products), b = planYear(options(7, 2000), 2025, products),
                 c = planYear(options(8, 2000), 2025, products);
  BOOST_REQUIRE_EQUAL(a.shipments.size(), b.shipments.size());
  int sameAsOther = 0;
  for (std::size_t i = 0; i < a.shipments.size(); ++i) {
    BOOST_TEST((a.shipments[i].shipped == b.shipments[i].shipped));
    BOOST_TEST(a.shipments[i].billOfLading == b.shipments[i].billOfLading);
    BOOST_TEST(a.shipments[i].delivered.has_value() == b.shipments[i].delivered.has_value());
    if (a.shipments[i].shipped == c.shipments[i].shipped) ++sameAsOther;
  }
  BOOST_TEST(a.returns.size() == b.returns.size());
  BOOST_TEST(a.sales.size() == b.sales.size());
  BOOST_TEST(sameAsOther < 20);
}

BOOST_AUTO_TEST_CASE(the_year_peaks_before_christmas_dips_in_summer_and_ends_with_shipments_on_their_way) {
  const YearPlan plan = planYear(options(1, 20000), 2025, catalog());
  std::map<int, int> byMonth;
  int underway = 0;
  for (const PlannedShipment& s : plan.shipments) {
    ++byMonth[s.shipped.month()];
    BOOST_TEST(s.shipped.year() == 2025);
    if (!s.delivered && s.mishap != Mishap::lost) ++underway;
    if (s.delivered) BOOST_TEST((*s.delivered < plan.end));
  }
  BOOST_TEST(byMonth[11] + byMonth[12] > 1.7 * (byMonth[7] + byMonth[8]));
  BOOST_TEST(byMonth[4] > byMonth[8]);
  BOOST_TEST(underway > 0);
}

BOOST_AUTO_TEST_CASE(some_card_holders_stop_buying_in_the_first_year_and_only_they_answer_exit_surveys) {
  const DemoOptions twoYears = options(3, 4000);
  BOOST_REQUIRE(twoYears.years == 2);
  const auto products = catalog();
  const YearPlan first = planYear(twoYears, 2024, products), second = planYear(twoYears, 2025, products);
  BOOST_TEST(first.firstYear == 2024);
  BOOST_TEST(second.firstYear == 2024);
  std::map<std::string, Poco::DateTime> lastSale;
  for (const YearPlan* plan : {&first, &second}) {
    for (const PlannedSale& sale : plan->sales) {
      if (sale.loyaltyId && (!lastSale.count(*sale.loyaltyId) || lastSale[*sale.loyaltyId] < sale.at)) lastSale[*sale.loyaltyId] = sale.at;
    }
  }
  int exits = 0, goneBeforeTheReportYear = 0;
  for (const YearPlan* plan : {&first, &second}) {
    for (const PlannedSurvey& survey : plan->surveys) {
      if (survey.survey != "exit") continue;
      ++exits;
      BOOST_TEST(survey.lostReason.has_value());
      BOOST_TEST(survey.answeredAt.year() == plan->year);
      const auto last = lastSale.find(survey.loyaltyId);
      if (last == lastSale.end()) continue;  // left without ever buying
      BOOST_TEST((last->second < survey.answeredAt), survey.loyaltyId);
      if (last->second.year() == 2024) ++goneBeforeTheReportYear;
    }
  }
  BOOST_TEST(exits > 40);
  BOOST_TEST(goneBeforeTheReportYear > 20);
}

BOOST_AUTO_TEST_CASE(regions_differ_in_punctuality_and_the_peak_makes_every_region_later) {
  const YearPlan plan = planYear(options(1, 20000), 2025, catalog());
  std::map<std::string, std::pair<int, int>> onTime, peakOnTime;  // region: on time, delivered
  for (const PlannedShipment& s : plan.shipments) {
    if (!s.delivered) continue;
    const Poco::DateTime day(s.delivered->year(), s.delivered->month(), s.delivered->day());
    auto& tally = (s.shipped.month() >= 11 ? peakOnTime : onTime)[demoRegions()[s.region].code];
    tally.first += day <= s.promised ? 1 : 0;
    ++tally.second;
  }
  const auto rate = [](const std::pair<int, int>& t) { return static_cast<double>(t.first) / t.second; };
  BOOST_TEST(rate(onTime["HH"]) > rate(onTime["SN"]) + 0.08);
  BOOST_TEST(rate(onTime["NL-NH"]) > rate(onTime["FR-IDF"]) + 0.05);
  for (const auto& [region, tally] : onTime) BOOST_TEST(rate(peakOnTime[region]) < rate(tally), region);
}

BOOST_AUTO_TEST_SUITE_END()
