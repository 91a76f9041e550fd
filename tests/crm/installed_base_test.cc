#include "crm/customer_merge.h"
#include "crm/installed_base.h"
#include "tests/crm/crm_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace crm;
using crm_test::CrmFixture;

BOOST_AUTO_TEST_SUITE(installed_base)

BOOST_AUTO_TEST_CASE(units_and_their_warranty_on_a_day_follow_the_customer_through_a_merge) {
  CrmFixture f;
  const std::int64_t eva = f.customer("EVA"), evaDup = f.customer("EVA-2");
  f.unit(eva, "SN-1", "2024-05-10", std::string("2026-05-10"));
  f.unit(evaDup, "SN-2", "2026-01-15", std::string("2028-01-15"));
  f.unit(evaDup, "SN-3", "2026-02-01", std::nullopt);
  f.unit(eva, "SN-4", "2025-01-01", std::string("2027-01-01"), "returned");
  {
    store::Transaction transaction(f.session);
    BOOST_REQUIRE(CustomerMerges(f.session).merge(transaction, "EVA", "EVA-2").ok());
    transaction.commit();
  }
  const auto units = InstalledBase(f.session).unitsOf(eva, "2026-05-10");
  BOOST_REQUIRE(units.size() == 4u);
  BOOST_TEST(units[0].serialNumber == "SN-1");
  BOOST_TEST(warrantyStatusName(units[0].warranty) == std::string("in_warranty"));  // its last day
  BOOST_TEST(units[2].recordedAs == "EVA-2");
  BOOST_TEST(warrantyStatusName(units[2].warranty) == std::string("in_warranty"));
  BOOST_TEST(warrantyStatusName(units[3].warranty) == std::string("unknown"));
  BOOST_TEST(warrantyStatusName(warrantyStatusAt("2024-05-10", std::string("2026-05-10"), "2026-05-11")) ==
             std::string("expired"));
  BOOST_TEST(warrantyStatusName(warrantyStatusAt("2024-05-10", std::string("2026-05-10"), "2024-05-09")) ==
             std::string("not_yet_sold"));

  // Installed (not returned) units sold by the day, per customer that stands for them.
  const auto counts = InstalledBase(f.session).unitsPerCustomer("2026-05-11");
  BOOST_REQUIRE(counts.size() == 1u);
  BOOST_TEST(counts[0].code == "EVA");
  BOOST_TEST(counts[0].units == 3);       // SN-1, SN-2, SN-3; SN-4 was returned
  BOOST_TEST(counts[0].inWarranty == 1);  // SN-2; SN-1 ended the day before, SN-3 has no end
}

BOOST_AUTO_TEST_SUITE_END()
