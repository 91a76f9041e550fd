#include "crm/party_directory.h"
#include "crm/product_catalog.h"
#include "crm/sample_directory.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace crm;
using test_support::TestDatabase;

namespace {

Party carrier(const std::string& code) {
  Party party;
  party.code = code;
  party.name = "Carrier " + code;
  party.roles = {PartyRole::carrier};
  party.identifiers = {{"x12:02", code + "-SCAC"}};
  party.region = "North";
  return party;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(party_directory)

BOOST_AUTO_TEST_CASE(a_party_comes_back_with_its_roles_identifiers_and_missing_fields_as_missing) {
  TestDatabase test;
  PartyDirectory directory(test.migrated());
  Party party = carrier("FAST");
  party.roles.push_back(PartyRole::recycler);
  const std::int64_t id = directory.add(party);
  const auto found = directory.findByCode("FAST");
  BOOST_REQUIRE(found.has_value());
  BOOST_TEST(found->id == id);
  BOOST_TEST(found->name == "Carrier FAST");
  BOOST_TEST(found->region.value_or("") == "North");
  BOOST_TEST(!found->email.has_value());
  BOOST_REQUIRE_EQUAL(found->roles.size(), 2u);
  BOOST_TEST((found->roles[0] == PartyRole::carrier));
  BOOST_TEST((found->roles[1] == PartyRole::recycler));
  BOOST_REQUIRE_EQUAL(found->identifiers.size(), 1u);
  BOOST_TEST(found->identifiers[0].value == "FAST-SCAC");
  BOOST_TEST(!directory.findByCode("SLOW").has_value());
}

BOOST_AUTO_TEST_CASE(listing_by_role_returns_only_holders_of_that_role_in_code_order) {
  TestDatabase test;
  PartyDirectory directory(test.migrated());
  directory.add(carrier("ZULU"));
  directory.add(carrier("ALPHA"));
  Party dealer;
  dealer.code = "DEALER";
  dealer.name = "A dealer";
  dealer.roles = {PartyRole::dealer};
  directory.add(dealer);
  const auto carriers = directory.list(PartyRole::carrier);
  BOOST_REQUIRE_EQUAL(carriers.size(), 2u);
  BOOST_TEST(carriers[0].code == "ALPHA");
  BOOST_TEST(carriers[1].code == "ZULU");
  BOOST_TEST(directory.list().size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_taken_identifier_refuses_the_whole_party) {
  TestDatabase test;
  PartyDirectory directory(test.migrated());
  directory.add(carrier("ONE"));
  Party clash = carrier("TWO");
  clash.identifiers = {{"x12:02", "ONE-SCAC"}};
  BOOST_CHECK_THROW(directory.add(clash), Poco::Exception);
  BOOST_TEST(!directory.findByCode("TWO").has_value());
}

BOOST_AUTO_TEST_CASE(the_sample_directory_loads_once_however_often_it_is_asked) {
  TestDatabase test;
  const SampleLoadOutcome first = loadSampleDirectory(test.migrated());
  BOOST_TEST(first.partiesAdded > 5);
  BOOST_TEST(first.productsAdded > 3);
  const SampleLoadOutcome second = loadSampleDirectory(test.database());
  BOOST_TEST(second.partiesAdded == 0);
  BOOST_TEST(second.productsAdded == 0);
  BOOST_TEST(PartyDirectory(test.database()).list(PartyRole::recycler).size() == 1u);
  const auto products = ProductCatalog(test.database()).list();
  BOOST_TEST(products.size() == static_cast<std::size_t>(first.productsAdded));
  const auto filter = std::find_if(products.begin(), products.end(), [](const Product& p) { return p.sku == "FLT-01"; });
  BOOST_REQUIRE(filter != products.end());
  BOOST_TEST(!filter->warrantyMonths.has_value());  // read back as missing, not as 0
  BOOST_TEST(products.front().warrantyMonths.value_or(0) > 0);
}

BOOST_AUTO_TEST_CASE(enrolling_a_party_refuses_a_taken_code_or_identifier_and_missing_fields_each_named) {
  TestDatabase test;
  PartyDirectory directory(test.migrated());
  directory.add(carrier("FAST"));

  Party copy = carrier("FAST");
  copy.identifiers.push_back({"scac", "SLOW"});
  copy.identifiers.push_back({"scac", "SLOW"});
  const auto refused = directory.enroll(copy);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.has(ProblemCode::code_taken));
  BOOST_TEST(refused.describe().find("identifier_taken (identifier x12:02): x12:02 'FAST-SCAC' names party FAST") !=
                 std::string::npos,
             refused.describe());
  BOOST_TEST(refused.describe().find("'SLOW' is given twice") != std::string::npos, refused.describe());

  Party empty;
  empty.name = "Caf\xE9";
  const auto incomplete = directory.enroll(empty);
  BOOST_REQUIRE(!incomplete.ok());
  BOOST_TEST(incomplete.describe().find("missing_field (code)") != std::string::npos, incomplete.describe());
  BOOST_TEST(incomplete.describe().find("missing_field (role)") != std::string::npos, incomplete.describe());
  BOOST_TEST(incomplete.describe().find("invalid_value (name): is not UTF-8 text") != std::string::npos,
             incomplete.describe());
  BOOST_TEST(directory.list().size() == 1u);

  const auto added = directory.enroll(carrier("SLOW"));
  BOOST_REQUIRE(added.ok());
  BOOST_TEST(directory.findByCode("SLOW")->id == added.value());
}

BOOST_AUTO_TEST_SUITE_END()
