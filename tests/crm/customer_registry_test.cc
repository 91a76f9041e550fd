#include "crm/contact_keys.h"
#include "crm/customer_registry.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace crm;
using namespace Poco::Data::Keywords;

BOOST_AUTO_TEST_SUITE(customer_registry)

BOOST_AUTO_TEST_CASE(emails_and_phones_written_differently_give_one_key) {
  BOOST_TEST(emailKey(" Anna.Schmidt@Example.ORG ").value_or("") == "anna.schmidt@example.org");
  BOOST_TEST(!emailKey("anna.schmidt").has_value());
  BOOST_TEST(!emailKey("@example.org").has_value());
  BOOST_TEST(phoneKey("+49 (89) 123-456").value_or("") == "4989123456");
  BOOST_TEST(phoneKey("0049 89 123456").value_or("") == "4989123456");
  BOOST_TEST(phoneKey("089 / 12 34 56").value_or("") == "4989123456");
  BOOST_TEST(phoneKey("01 23 45 67 89", "33").value_or("") == "33123456789");
  BOOST_TEST(!phoneKey("112").has_value());
}

BOOST_AUTO_TEST_CASE(a_customer_is_found_by_loyalty_id_email_or_phone_and_through_a_merge) {
  test_support::TestDatabase test;
  Poco::Data::Session session = test.migrated().session();
  CustomerRegistry registry(session);
  std::int64_t anna = 0, other = 0;
  {
    store::Transaction transaction(session);
    anna = registry.create(transaction, {std::string("LOY-1"), std::string("anna@example.org"),
                                         std::string("+49 89 123456"), std::string("Anna"), {}, {}, {}, {}});
    other = registry.create(transaction, {{}, std::string("a.schmidt@example.org"), {}, {}, {}, {}, {}, {}});
    transaction.commit();
  }
  BOOST_TEST(registry.match({std::string("LOY-1"), {}, {}, {}, {}, {}, {}, {}}).value_or(0) == anna);
  BOOST_TEST(registry.match({{}, std::string(" ANNA@example.org"), {}, {}, {}, {}, {}, {}}).value_or(0) == anna);
  BOOST_TEST(registry.match({{}, {}, std::string("089 123456"), {}, {}, {}, {}, {}}).value_or(0) == anna);
  BOOST_TEST(!registry.match({std::string("LOY-9"), std::string("nobody@example.org"), {}, {}, {}, {}, {}, {}}));
  std::string code;
  session << "SELECT party_code FROM party WHERE party_id = ?", bind(anna), into(code), now;
  BOOST_TEST(code == "CUST-" + std::to_string(anna));

  // Merged into Anna: the other customer's e-mail now finds Anna.
  session << "UPDATE customer_profile SET merged_into = ? WHERE party_id = ?", bind(anna), bind(other), now;
  BOOST_TEST(registry.match({{}, std::string("a.schmidt@example.org"), {}, {}, {}, {}, {}, {}}).value_or(0) == anna);
  BOOST_TEST(registry.resolve(other) == anna);
  {
    store::Transaction transaction(session);
    const std::int64_t again = registry.matchOrCreate(transaction, {std::string("LOY-1"), {}, {}, {}, {}, {}, {}, {}});
    BOOST_TEST(again == anna);
    transaction.commit();
  }
}

BOOST_AUTO_TEST_SUITE_END()
