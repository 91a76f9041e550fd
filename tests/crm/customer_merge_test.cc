#include "crm/customer_identity.h"
#include "crm/customer_merge.h"
#include "crm/customer_registry.h"
#include "crm/purchase_history.h"
#include "tests/crm/crm_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace crm;
using crm_test::CrmFixture;

namespace {

const Period kAllTime{"2000-01-01", "2100-01-01"};

std::int64_t netOf(CrmFixture& f, std::int64_t customerId) {
  return PurchaseHistory(f.session).summary(customerId, kAllTime, "2027-01-01").netAmountCents;
}

Result<MergeRecord> merge(CrmFixture& f, const std::string& survivor, const std::string& absorbed,
                          const std::string& at = "2026-06-01T00:00:00.000Z") {
  store::Transaction transaction(f.session);
  auto result = CustomerMerges(f.session).merge(transaction, survivor, absorbed, std::nullopt, at);
  if (result) transaction.commit();
  return result;
}

Result<MergeRecord> unmerge(CrmFixture& f, const std::string& absorbed, const std::string& at = "2026-09-01T00:00:00.000Z") {
  store::Transaction transaction(f.session);
  auto result = CustomerMerges(f.session).unmerge(transaction, absorbed, at);
  if (result) transaction.commit();
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(customer_merge)

BOOST_AUTO_TEST_CASE(merge_then_unmerge_restores_every_pointer_even_after_further_sales_on_both) {
  CrmFixture f;
  const std::int64_t anna = f.customer("ANNA", "gold"), annaDup = f.customer("ANNA-2", std::nullopt),
                     annaOld = f.customer("ANNA-OLD", "standard");
  f.sale(anna, "2026-01-10", {{10000}});
  f.sale(annaDup, "2026-02-10", {{20000}});
  f.sale(annaOld, "2026-03-10", {{5000}});
  // ANNA-OLD was found to be ANNA-2 first.
  BOOST_REQUIRE(merge(f, "ANNA-2", "ANNA-OLD", "2026-04-01T00:00:00.000Z").ok());
  const std::vector<std::string> before = f.profileState();
  BOOST_TEST(netOf(f, annaDup) == 25000);

  const auto merged = merge(f, "ANNA", "ANNA-2");
  BOOST_REQUIRE_MESSAGE(merged.ok(), merged.describe());
  BOOST_TEST(merged.value().followerCodes == std::vector<std::string>{"ANNA-OLD"});
  // Identity is one hop deep: ANNA-OLD now points at ANNA, and every record resolves there.
  BOOST_TEST(CustomerRegistry(f.session).resolve(annaOld) == anna);
  BOOST_TEST(identityMembers(f.session, anna) == (std::vector<std::int64_t>{anna, annaDup, annaOld}));
  BOOST_TEST(netOf(f, anna) == 35000);

  // Sales keep the party they were recorded under, also while merged.
  f.sale(anna, "2026-07-01", {{1000}});
  f.sale(annaDup, "2026-07-02", {{2000}});
  BOOST_TEST(netOf(f, anna) == 38000);

  const auto undone = unmerge(f, "ANNA-2");
  BOOST_REQUIRE_MESSAGE(undone.ok(), undone.describe());
  BOOST_TEST(f.profileState() == before, "the pointers and merge times are as before the merge");
  BOOST_TEST(netOf(f, anna) == 11000);
  BOOST_TEST(netOf(f, annaDup) == 27000);  // its own two sales and ANNA-OLD's
  BOOST_TEST(undone.value().unmergedAt.value_or("") == "2026-09-01T00:00:00.000Z");

  const auto history = CustomerMerges(f.session).history(annaDup);
  BOOST_REQUIRE(history.size() == 2u);
  BOOST_TEST(history[0].absorbedCode == "ANNA-OLD");
  BOOST_TEST(!history[0].unmergedAt.has_value());
  BOOST_TEST(history[1].survivorCode == "ANNA");
  BOOST_TEST(history[1].unmergedAt.has_value());
}

BOOST_AUTO_TEST_CASE(undoing_an_inner_merge_then_an_outer_one_returns_to_the_start) {
  CrmFixture f;
  f.customer("A");
  f.customer("B");
  f.customer("Z");
  BOOST_REQUIRE(merge(f, "A", "B").ok());
  BOOST_REQUIRE(merge(f, "Z", "A").ok());  // B follows A into Z
  BOOST_TEST(findCustomerRef(f.session, "B")->mergedIntoCode.value_or("") == "Z");
  BOOST_REQUIRE(unmerge(f, "B").ok());      // B stands alone; it no longer follows A's merge
  BOOST_TEST(!findCustomerRef(f.session, "B")->mergedInto.has_value());
  BOOST_REQUIRE(unmerge(f, "A").ok());      // must not pull B back to A
  for (const std::string& line : f.profileState()) {
    BOOST_TEST(line.find(" -> - at -") != std::string::npos, line);
  }
}

BOOST_AUTO_TEST_CASE(merges_into_itself_into_a_merged_away_customer_or_of_a_merged_one_are_refused) {
  CrmFixture f;
  f.customer("A");
  f.customer("B");
  f.customer("C");
  f.dealer("SHOP");
  BOOST_TEST(merge(f, "A", "A").has(ProblemCode::merge_into_itself));
  BOOST_TEST(merge(f, "A", "NOBODY").has(ProblemCode::unknown_customer));
  BOOST_TEST(merge(f, "SHOP", "A").has(ProblemCode::role_not_held));
  BOOST_REQUIRE(merge(f, "A", "B").ok());
  BOOST_TEST(merge(f, "B", "C").has(ProblemCode::merged_away));     // into one merged away
  BOOST_TEST(merge(f, "C", "B").has(ProblemCode::already_merged));  // B is taken already
  BOOST_TEST(unmerge(f, "A").has(ProblemCode::not_merged));
  BOOST_TEST(unmerge(f, "B", "2020-01-01T00:00:00.000Z").has(ProblemCode::invalid_value));  // before the merge
  BOOST_TEST(unmerge(f, "B").ok());
  BOOST_TEST(unmerge(f, "B").has(ProblemCode::not_merged));
}

BOOST_AUTO_TEST_SUITE_END()
