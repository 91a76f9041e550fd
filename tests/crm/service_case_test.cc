#include "crm/case_book.h"
#include "crm/customer_merge.h"
#include "crm/customer_profile.h"
#include "tests/crm/crm_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace crm;
using crm_test::CrmFixture;

namespace {

const std::string kOpened = "2026-10-01T08:00:00.000Z";

Result<ServiceCase> open(CrmFixture& f, const std::string& customer, CaseKind kind, const std::string& at = kOpened) {
  store::Transaction transaction(f.session);
  auto result = CaseBook(f.session).open(transaction, {customer, kind, std::nullopt, std::string("broken"), at});
  if (result) transaction.commit();
  return result;
}

Result<ServiceCase> respond(CrmFixture& f, const std::string& number, const std::string& at) {
  store::Transaction transaction(f.session);
  auto result = CaseBook(f.session).respond(transaction, number, at);
  if (result) transaction.commit();
  return result;
}

Result<ServiceCase> resolve(CrmFixture& f, const std::string& number, const std::string& at,
                            const std::string& action = "replaced the pump") {
  store::Transaction transaction(f.session);
  auto result = CaseBook(f.session).resolve(transaction, number, at, action);
  if (result) transaction.commit();
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(service_case)

BOOST_AUTO_TEST_CASE(a_gold_complaint_gets_the_gold_targets_and_is_judged_against_them) {
  CrmFixture f;
  f.customer("GOLDIE", "gold");
  const auto opened = open(f, "GOLDIE", CaseKind::complaint);
  BOOST_REQUIRE_MESSAGE(opened.ok(), opened.describe());
  const ServiceCase& c = opened.value();
  BOOST_TEST(c.number == "CASE-" + std::to_string(c.id));
  // sla_target (0004): gold complaint = 8 h first response, 72 h resolution.
  BOOST_TEST(c.firstResponseTargetHours == 8);
  BOOST_TEST(c.resolutionTargetHours == 72);
  BOOST_TEST(c.firstResponseDueAt() == "2026-10-01T16:00:00.000Z");
  BOOST_TEST(c.resolutionDueAt() == "2026-10-04T08:00:00.000Z");
  BOOST_TEST(slaStateName(c.firstResponseState("2026-10-01T16:00:00.000Z")) == std::string("running"));  // due is inclusive
  BOOST_TEST(slaStateName(c.firstResponseState("2026-10-01T16:00:00.001Z")) == std::string("overdue"));

  // A tier change after opening does not rewrite the case's targets.
  {
    store::Transaction transaction(f.session);
    BOOST_REQUIRE(CustomerProfiles(f.session).change(transaction, "GOLDIE", {{}, {}, {}, std::string("standard")}).ok());
    transaction.commit();
  }
  const auto responded = respond(f, c.number, "2026-10-01T10:30:00.000Z");
  BOOST_REQUIRE_MESSAGE(responded.ok(), responded.describe());
  BOOST_TEST(*responded.value().firstResponseHours() == 2.5);
  BOOST_TEST(responded.value().firstResponseTargetHours == 8);
  const auto resolved = resolve(f, c.number, "2026-10-04T10:00:00.000Z");  // 74 h: 2 h late
  BOOST_REQUIRE_MESSAGE(resolved.ok(), resolved.describe());
  BOOST_TEST(*resolved.value().resolutionHours() == 74.0);
  const ServiceCase stored = *CaseBook(f.session).find(c.number);
  BOOST_TEST(stored.remedialAction.value_or("") == "replaced the pump");
  BOOST_TEST(slaStateName(stored.firstResponseState("2026-12-01T00:00:00.000Z")) == std::string("met"));
  BOOST_TEST(slaStateName(stored.resolutionState("2026-12-01T00:00:00.000Z")) == std::string("missed"));
  BOOST_TEST(stored.outsideSla("2026-12-01T00:00:00.000Z"));
}

BOOST_AUTO_TEST_CASE(steps_out_of_order_are_refused_as_values_and_change_nothing) {
  CrmFixture f;
  f.customer("SAM");
  const std::string number = open(f, "SAM", CaseKind::inquiry).value().number;
  BOOST_TEST(respond(f, number, "2026-10-01T07:59:59.999Z").has(ProblemCode::time_goes_backwards));
  BOOST_TEST(respond(f, "CASE-999", "2026-10-01T09:00:00.000Z").has(ProblemCode::unknown_case));
  BOOST_TEST(respond(f, number, "2026-10-01 09:00").has(ProblemCode::invalid_timestamp));
  BOOST_REQUIRE(respond(f, number, "2026-10-01T09:00:00.000Z").ok());
  BOOST_TEST(respond(f, number, "2026-10-01T09:30:00.000Z").has(ProblemCode::already_responded));
  BOOST_TEST(resolve(f, number, "2026-10-01T08:30:00.000Z").has(ProblemCode::time_goes_backwards));  // before the response
  BOOST_TEST(resolve(f, number, "2026-10-02T09:00:00.000Z", " ").has(ProblemCode::missing_field));
  BOOST_REQUIRE(resolve(f, number, "2026-10-02T09:00:00.000Z").ok());
  BOOST_TEST(resolve(f, number, "2026-10-03T09:00:00.000Z").has(ProblemCode::already_resolved));
  BOOST_TEST(respond(f, number, "2026-10-03T09:00:00.000Z").has(ProblemCode::already_resolved));
  BOOST_TEST(CaseBook(f.session).find(number)->resolvedAt.value_or("") == "2026-10-02T09:00:00.000Z");
  BOOST_TEST(open(f, "NOBODY", CaseKind::inquiry).has(ProblemCode::unknown_customer));

  // Resolved without a separate response: the resolution is the first response.
  const std::string quick = open(f, "SAM", CaseKind::maintenance).value().number;
  BOOST_REQUIRE(resolve(f, quick, "2026-10-01T09:00:00.000Z").ok());
  BOOST_TEST(CaseBook(f.session).find(quick)->firstResponseAt.value_or("") == "2026-10-01T09:00:00.000Z");
}

BOOST_AUTO_TEST_CASE(the_list_shows_cases_outside_their_sla_and_a_merged_away_customer_gets_the_survivors_tier) {
  CrmFixture f;
  f.customer("PLAT", "platinum");
  f.customer("PLAT-DUP", "standard");
  {
    store::Transaction transaction(f.session);
    BOOST_REQUIRE(CustomerMerges(f.session).merge(transaction, "PLAT", "PLAT-DUP").ok());
    transaction.commit();
  }
  // platinum inquiry: 4 h / 12 h; standard would be 24 h / 72 h.
  const ServiceCase late = open(f, "PLAT-DUP", CaseKind::inquiry).value();
  BOOST_TEST(late.firstResponseTargetHours == 4);
  BOOST_TEST(late.customerCode == "PLAT-DUP");
  const ServiceCase fine = open(f, "PLAT", CaseKind::inquiry, "2026-10-01T12:00:00.000Z").value();
  const std::string at = "2026-10-01T13:00:00.000Z";  // late: 5 h without response; fine: 1 h
  CaseFilter all;
  all.customerCode = "PLAT";
  const auto listed = CaseBook(f.session).list(all, at);
  BOOST_REQUIRE(listed.ok());
  BOOST_TEST(listed.value().size() == 2u);  // PLAT's own and PLAT-DUP's, through the merge
  CaseFilter outside;
  outside.outsideSlaOnly = true;
  const auto overdue = CaseBook(f.session).list(outside, at).value();
  BOOST_REQUIRE(overdue.size() == 1u);
  BOOST_TEST(overdue[0].number == late.number);
  BOOST_TEST(slaStateName(overdue[0].firstResponseState(at)) == std::string("overdue"));
  BOOST_TEST(slaStateName(overdue[0].resolutionState(at)) == std::string("running"));
  BOOST_TEST(slaStateName(fine.firstResponseState(at)) == std::string("running"));
}

BOOST_AUTO_TEST_SUITE_END()
