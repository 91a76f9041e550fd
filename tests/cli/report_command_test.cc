#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>

using namespace Poco::Data::Keywords;
using test_support::ProgramResult;
using test_support::runAfterflow;
using test_support::TestDatabase;

namespace {

ProgramResult run(TestDatabase& test, std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), {"--db", test.url()});
  return runAfterflow(arguments);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_commands)

BOOST_AUTO_TEST_CASE(a_quarterly_report_of_the_seeded_client_has_its_after_sales_sections) {
  TestDatabase test;
  BOOST_REQUIRE(run(test, {"db", "seed"}).exitCode == 0);
  // The sample products are the sample client's: its report counts their returns and sales.
  std::int64_t products = 0;
  test.database().session() << "SELECT count(*) FROM product p JOIN party m ON m.party_id = p.manufacturer_id"
                               " WHERE m.party_code = 'NORDWIND'",
      into(products), now;
  BOOST_TEST(products == 5);

  const ProgramResult json =
      run(test, {"report", "quarterly", "--client", "NORDWIND", "--period", "2026Q3", "--lost-after", "6"});
  BOOST_REQUIRE_MESSAGE(json.exitCode == 0, json.err);
  Poco::JSON::Parser parser;
  const auto root = parser.parse(json.out).extract<Poco::JSON::Object::Ptr>();
  for (const char* section : {"returns", "service", "recycling", "customers"}) {
    BOOST_TEST_REQUIRE(root->has(section), section);
    BOOST_TEST(root->getObject(section)->has("kpi_definitions"), section);
  }
  BOOST_TEST(root->getObject("returns")->getObject("kpis")->isNull("return_rate"));
  const std::string definition = root->getObject("customers")
                                     ->getObject("kpi_definitions")
                                     ->getObject("lost_customers")
                                     ->getValue<std::string>("definition");
  BOOST_TEST(definition.find("6 months") != std::string::npos, definition);

  const ProgramResult html =
      run(test, {"report", "annual", "--client", "NORDWIND", "--period", "2026", "--format", "html"});
  BOOST_TEST(html.exitCode == 0, html.err);
  BOOST_TEST(html.out.find("No returns in this period.") != std::string::npos);

  const ProgramResult refused = run(test, {"report", "quarterly", "--period", "2026Q3", "--lost-after", "0"});
  BOOST_TEST(refused.exitCode == 2);
  BOOST_TEST(refused.err.find("lost-after takes a number of months from 1") != std::string::npos, refused.err);
}

BOOST_AUTO_TEST_SUITE_END()
