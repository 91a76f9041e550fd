#include "crm/customer_merge.h"
#include "crm/customer_registry.h"
#include "crm/purchase_history.h"
#include "crm/sales_ledger.h"
#include "tests/crm/crm_fixture.h"

#include <Poco/Nullable.h>

#include <boost/test/unit_test.hpp>

using namespace crm;
using crm_test::CrmFixture;
using namespace Poco::Data::Keywords;

namespace {

// One line of one unit of the washer, sold (quantity 1) or returned (-1), with a serial.
Sale unitSale(const std::string& key, const std::string& serial, double quantity = 1,
              const std::string& day = "2026-03-02") {
  Sale sale;
  sale.sourceKey = key;
  sale.sourceFormat = "csv";
  sale.kind = quantity > 0 ? "sale" : "return";
  sale.businessDay = day;
  sale.occurredAt = day + "T10:00:00.000Z";
  SaleLine line;
  line.sku = "WM-800";
  line.serialNumber = serial;
  line.quantity = quantity;
  line.amountCents = quantity > 0 ? 49900 : -49900;
  sale.lines.push_back(line);
  sale.totalCents = line.amountCents;
  return sale;
}

LedgerResult record(CrmFixture& f, const std::vector<Sale>& sales) {
  store::Transaction transaction(f.session);
  const LedgerResult result = SalesLedger(transaction).record(sales);
  transaction.commit();
  return result;
}

std::int64_t saleIdOf(CrmFixture& f, const std::string& key) {
  std::int64_t id = 0;
  f.session << "SELECT sale_id FROM sale WHERE source_key = ?", bind(key), into(id), now;
  return id;
}

// The unit of a serial as "status sold-by-KEY", or "none".
std::string unitOf(CrmFixture& f, const std::string& serial) {
  std::vector<std::string> status, key;
  f.session << "SELECT u.status, s.source_key FROM installed_unit u JOIN sale s ON s.sale_id = u.sale_id "
               "WHERE u.serial_number = ?",
      bind(serial), into(status), into(key), now;
  if (status.empty()) return "none";
  BOOST_TEST(status.size() == 1u);
  return status[0] + " sold-by-" + key[0];
}

std::int64_t units(CrmFixture& f) {
  std::int64_t n = 0;
  f.session << "SELECT COUNT(*) FROM installed_unit", into(n), now;
  return n;
}

// A sale of one unit whose customer the source names by these keys.
Sale namedSale(const std::string& key, std::optional<std::string> loyalty, std::optional<std::string> email,
               std::optional<std::string> phone) {
  Sale sale = unitSale(key, "SN-" + key);
  sale.customer.loyaltyId = std::move(loyalty);
  sale.customer.email = std::move(email);
  sale.customer.phone = std::move(phone);
  return sale;
}

std::int64_t customerOfSale(CrmFixture& f, const std::string& key) {
  std::int64_t id = 0;
  f.session << "SELECT customer_id FROM sale WHERE source_key = ?", bind(key), into(id), now;
  return id;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sales_ledger)

BOOST_AUTO_TEST_CASE(a_serial_in_a_refused_sale_or_a_repeated_key_does_not_keep_the_recorded_sale_from_installing_it) {
  CrmFixture f;
  Sale refused = unitSale("k:refused", "SN-1");
  refused.currency = "euro";
  Sale repeated = unitSale("k:first", "SN-1");
  const LedgerResult result = record(f, {unitSale("k:first", "SN-1"), refused, repeated});
  BOOST_TEST(result.recorded == 1u);
  BOOST_TEST(result.refused.size() == 1u);
  BOOST_TEST(result.alreadyKnown == 1u);
  BOOST_TEST(result.unitsInstalled == 1u);
  BOOST_TEST(unitOf(f, "SN-1") == "installed sold-by-k:first");

  // A refused sale alone installs nothing.
  Sale alone = unitSale("k:refused-2", "SN-2");
  alone.businessDay = "2026-02-30";
  BOOST_TEST(record(f, {alone}).unitsInstalled == 0u);
  BOOST_TEST(unitOf(f, "SN-2") == "none");
}

BOOST_AUTO_TEST_CASE(a_sale_with_text_the_database_cannot_store_is_refused_alone_with_its_line) {
  CrmFixture f;
  Sale badDescription = unitSale("k:latin1", "SN-7");
  badDescription.lines.front().description = std::string("K\xfchlschrank");  // Latin-1 in a UTF-8 file
  Sale nulEmail = unitSale("k:nul", "SN-8");
  nulEmail.customer.email = std::string("a\0b@example.org", 15);
  const LedgerResult result = record(f, {badDescription, unitSale("k:good", "SN-9"), nulEmail});
  BOOST_TEST(result.recorded == 1u);
  BOOST_REQUIRE(result.refused.size() == 2u);
  BOOST_TEST(result.refused[0].index == 0u);
  BOOST_TEST(result.refused[0].reason == "line 1: text is not UTF-8 (or holds a NUL byte)");
  BOOST_TEST(result.refused[1].index == 2u);
  BOOST_TEST(result.refused[1].reason.find("not UTF-8") != std::string::npos);
  BOOST_TEST(unitOf(f, "SN-9") == "installed sold-by-k:good");
}

BOOST_AUTO_TEST_CASE(a_sale_already_recorded_that_comes_again_neither_installs_its_unit_twice_nor_takes_it_back) {
  CrmFixture f;
  record(f, {unitSale("k:old", "SN-1", 1, "2026-01-10")});
  BOOST_TEST(unitOf(f, "SN-1") == "installed sold-by-k:old");
  // The unit was returned and sold anew; the file with the old sale comes again after the new one.
  record(f, {unitSale("k:back", "SN-1", -1, "2026-02-01")});
  BOOST_TEST(unitOf(f, "SN-1") == "returned sold-by-k:old");
  const LedgerResult again = record(f, {unitSale("k:new", "SN-1", 1, "2026-03-01"), unitSale("k:old", "SN-1", 1, "2026-01-10")});
  BOOST_TEST(again.recorded == 1u);
  BOOST_TEST(again.alreadyKnown == 1u);
  BOOST_TEST(again.unitsInstalled == 1u);
  BOOST_TEST(unitOf(f, "SN-1") == "installed sold-by-k:new");
  BOOST_TEST(record(f, {unitSale("k:old", "SN-1", 1, "2026-01-10")}).unitsInstalled == 0u);
  BOOST_TEST(unitOf(f, "SN-1") == "installed sold-by-k:new");
  BOOST_TEST(units(f) == 1);
}

BOOST_AUTO_TEST_CASE(a_return_then_a_sale_of_one_serial_in_one_batch_leaves_the_unit_installed_with_the_later_sale) {
  CrmFixture f;
  record(f, {unitSale("k:1", "SN-1")});
  const LedgerResult result = record(f, {unitSale("k:2", "SN-1", -1), unitSale("k:3", "SN-1")});
  BOOST_TEST(result.unitsInstalled == 1u);
  BOOST_TEST(result.unitsReturned == 0u);
  BOOST_TEST(unitOf(f, "SN-1") == "installed sold-by-k:3");

  // Sold and returned in one batch: returned. Sold, returned, sold again: installed by the last.
  const LedgerResult back = record(f, {unitSale("k:4", "SN-2"), unitSale("k:5", "SN-2", -1)});
  BOOST_TEST(back.unitsInstalled == 1u);
  BOOST_TEST(back.unitsReturned == 1u);
  BOOST_TEST(unitOf(f, "SN-2") == "returned sold-by-k:4");
  record(f, {unitSale("k:6", "SN-3"), unitSale("k:7", "SN-3", -1), unitSale("k:8", "SN-3")});
  BOOST_TEST(unitOf(f, "SN-3") == "installed sold-by-k:8");
  BOOST_TEST(units(f) == 3);
}

BOOST_AUTO_TEST_CASE(a_sale_recorded_while_its_customer_is_merged_away_goes_back_with_it_on_unmerge) {
  CrmFixture f;
  std::int64_t anna = 0, annaDup = 0;
  {
    store::Transaction transaction(f.session);
    CustomerCandidate first, second;
    first.loyaltyId = "LOY-1";
    second.loyaltyId = "LOY-2";
    anna = CustomerRegistry(f.session).create(transaction, first);
    annaDup = CustomerRegistry(f.session).create(transaction, second);
    transaction.commit();
  }
  const std::string annaCode = "CUST-" + std::to_string(anna), dupCode = "CUST-" + std::to_string(annaDup);
  {
    store::Transaction transaction(f.session);
    BOOST_REQUIRE(CustomerMerges(f.session).merge(transaction, annaCode, dupCode, std::nullopt,
                                                  std::string("2026-02-01T00:00:00.000Z")).ok());
    transaction.commit();
  }
  Sale sale = unitSale("k:while-merged", "SN-1");
  sale.customer.loyaltyId = "LOY-2";  // the absorbed customer's card
  record(f, {sale});
  const Period all{"2000-01-01", "2100-01-01"};
  BOOST_TEST(PurchaseHistory(f.session).summary(anna, all, "2027-01-01").netAmountCents == 49900);

  {
    store::Transaction transaction(f.session);
    BOOST_REQUIRE(CustomerMerges(f.session).unmerge(transaction, dupCode, std::string("2026-09-01T00:00:00.000Z")).ok());
    transaction.commit();
  }
  BOOST_TEST(PurchaseHistory(f.session).summary(anna, all, "2027-01-01").netAmountCents == 0);
  BOOST_TEST(PurchaseHistory(f.session).summary(annaDup, all, "2027-01-01").netAmountCents == 49900);
  std::int64_t unitCustomer = 0;
  f.session << "SELECT customer_id FROM installed_unit WHERE serial_number = 'SN-1'", into(unitCustomer), now;
  BOOST_TEST(unitCustomer == annaDup);
  BOOST_TEST(saleIdOf(f, "k:while-merged") > 0);
}

BOOST_AUTO_TEST_CASE(new_customers_of_one_batch_are_matched_to_each_other_by_loyalty_id_then_email_then_phone) {
  CrmFixture f;
  const auto named = namedSale;
  const LedgerResult result =
      record(f, {named("k:1", std::string("LOY-1"), std::string("anna@example.org"), {}),
                 named("k:2", std::string("LOY-2"), std::string(" Anna@Example.org"), {}),  // Anna's e-mail
                 named("k:3", {}, std::string("ben@example.org"), std::string("+49 30 1234")),
                 named("k:4", std::string("LOY-3"), {}, std::string("030 1234")),           // Ben's phone
                 named("k:5", std::string("LOY-1"), std::string("carla@example.org"), {}),  // Anna's card
                 named("k:6", {}, std::string("carla@example.org"), {})});
  BOOST_TEST(result.customersCreated == 3u);
  const auto customerOf = [&f](const std::string& key) { return customerOfSale(f, key); };
  const std::int64_t anna = customerOf("k:1"), ben = customerOf("k:3"), carla = customerOf("k:6");
  BOOST_TEST(customerOf("k:2") == anna);
  BOOST_TEST(customerOf("k:4") == ben);
  BOOST_TEST(customerOf("k:5") == anna);
  BOOST_TEST(anna != ben);
  BOOST_TEST(carla != anna);
  BOOST_TEST(carla != ben);
  // Written as the registry writes one: found again by it, coded by id, with the customer role.
  CustomerRegistry registry(f.session);
  BOOST_TEST(registry.identify({std::string("LOY-1"), {}, {}, {}, {}, {}, {}, {}}).value_or(0) == anna);
  BOOST_TEST(!registry.identify({std::string("LOY-2"), {}, {}, {}, {}, {}, {}, {}}));  // k:2 went to Anna
  BOOST_TEST(registry.identify({{}, {}, std::string("+49 30 1234"), {}, {}, {}, {}, {}}).value_or(0) == ben);
  BOOST_TEST(registry.identify({{}, std::string("carla@example.org"), {}, {}, {}, {}, {}, {}}).value_or(0) == carla);
  std::string code;
  std::int64_t roles = 0;
  f.session << "SELECT party_code FROM party WHERE party_id = ?", bind(ben), into(code), now;
  f.session << "SELECT COUNT(*) FROM party_role WHERE role = 'customer' AND party_id IN (?, ?, ?)", bind(anna),
      bind(ben), bind(carla), into(roles), now;
  BOOST_TEST(code == "CUST-" + std::to_string(ben));
  BOOST_TEST(roles == 3);
}

BOOST_AUTO_TEST_CASE(a_new_customer_of_the_batch_wins_by_loyalty_id_or_email_over_a_known_one_found_by_phone) {
  CrmFixture f;
  std::int64_t pete = 0;
  {
    store::Transaction transaction(f.session);
    pete = CustomerRegistry(f.session).create(transaction, {{}, {}, std::string("030 5555"), {}, {}, {}, {}, {}});
    transaction.commit();
  }
  const LedgerResult result =
      record(f, {namedSale("k:1", std::string("LOY-9"), {}, std::string("030 5555")),  // before LOY-9 is anyone's
                 namedSale("k:2", std::string("LOY-9"), {}, std::string("030 7777")),  // a new customer takes it
                 namedSale("k:3", std::string("LOY-9"), {}, std::string("030 5555")),  // k:1's keys, now LOY-9's
                 namedSale("k:4", {}, std::string("nina@example.org"), {}),
                 namedSale("k:5", {}, std::string("nina@example.org"), std::string("030 5555"))});
  BOOST_TEST(result.customersCreated == 2u);
  const std::int64_t loyal = customerOfSale(f, "k:2"), nina = customerOfSale(f, "k:4");
  BOOST_TEST(customerOfSale(f, "k:1") == pete);
  BOOST_TEST(loyal != pete);
  BOOST_TEST(customerOfSale(f, "k:3") == loyal);
  BOOST_TEST(nina != pete);
  BOOST_TEST(customerOfSale(f, "k:5") == nina);
  // As the registry finds them once the batch is in, sale by sale.
  CustomerRegistry registry(f.session);
  BOOST_TEST(registry.identify({std::string("LOY-9"), {}, std::string("030 5555"), {}, {}, {}, {}, {}}).value_or(0) == loyal);
  BOOST_TEST(registry.identify({{}, std::string("nina@example.org"), std::string("030 5555"), {}, {}, {}, {}, {}})
                 .value_or(0) == nina);
}

BOOST_AUTO_TEST_SUITE_END()
