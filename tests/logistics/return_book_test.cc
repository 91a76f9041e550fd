#include "logistics/return_book.h"
#include "tests/logistics/logistics_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace logistics;
using logistics_test::LogisticsFixture;

namespace {

ReturnAuthorization returnOf(LogisticsFixture& f, const std::string& number) {
  ReturnAuthorization rma;
  rma.rmaNumber = number;
  rma.customerId = f.customer;
  rma.dealerId = f.dealer;
  rma.reasonCode = "DEF";
  rma.reason = "drum bearing noise";
  rma.requestedAt = "2026-04-01T09:00:00.000Z";
  rma.lines = {{1, f.washingMachine, std::string("WM-800"), std::nullopt, 2, "units", {"SN-100", "SN-101"}},
               {2, f.dishwasher, std::string("DW-450"), std::string("door seal"), 1, "units", {}}};
  return rma;
}

Result<std::int64_t> openReturn(LogisticsFixture& f, const ReturnAuthorization& rma) {
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  auto opened = ReturnBook(session).open(transaction, rma);
  transaction.commit();
  return opened;
}

Result<Done> advance(LogisticsFixture& f, std::int64_t rma, RmaStatus to, const std::string& at,
                     std::optional<Disposition> disposition = std::nullopt) {
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  auto advanced = ReturnBook(session).advance(transaction, rma, to, at, disposition);
  transaction.commit();
  return advanced;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(return_book)

BOOST_AUTO_TEST_CASE(an_rma_goes_through_its_timeline_and_comes_back_with_every_step_lines_and_serials) {
  LogisticsFixture f;
  const auto id = openReturn(f, returnOf(f, "RMA-1"));
  BOOST_REQUIRE_MESSAGE(id.ok(), id.describe());
  const std::int64_t rma = id.value();
  BOOST_REQUIRE(advance(f, rma, RmaStatus::authorized, "2026-04-01T10:00:00.000Z").ok());
  BOOST_REQUIRE(advance(f, rma, RmaStatus::in_transit, "2026-04-02T08:00:00.000Z").ok());
  BOOST_REQUIRE(advance(f, rma, RmaStatus::received, "2026-04-04T11:00:00.000Z").ok());
  BOOST_REQUIRE(advance(f, rma, RmaStatus::inspected, "2026-04-05T09:30:00.000Z").ok());
  const auto decided = advance(f, rma, RmaStatus::disposition_decided, "2026-04-05T12:00:00.000Z", Disposition::recycle);
  BOOST_REQUIRE_MESSAGE(decided.ok(), decided.describe());
  BOOST_REQUIRE(advance(f, rma, RmaStatus::closed, "2026-04-06T00:00:00.000Z").ok());

  Poco::Data::Session session = f.database.session();
  const auto back = ReturnBook(session).findByNumber("RMA-1");
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST((back->status == RmaStatus::closed));
  BOOST_TEST((back->disposition == Disposition::recycle));
  BOOST_TEST(back->reason.value_or("") == "drum bearing noise");
  BOOST_TEST(back->requestedAt == "2026-04-01T09:00:00.000Z");
  BOOST_REQUIRE_EQUAL(back->history.size(), 7u);
  BOOST_TEST((back->history[3].status == RmaStatus::received));
  BOOST_TEST(back->history[3].changedAt == "2026-04-04T11:00:00.000Z");
  BOOST_REQUIRE_EQUAL(back->lines.size(), 2u);
  BOOST_TEST(back->lines[0].serialNumbers == (std::vector<std::string>{"SN-100", "SN-101"}),
             boost::test_tools::per_element());
  BOOST_TEST(back->lines[1].serialNumbers.empty());
}

BOOST_AUTO_TEST_CASE(a_step_out_of_order_is_refused_as_a_value_naming_the_steps_that_would_do) {
  LogisticsFixture f;
  const std::int64_t rma = openReturn(f, returnOf(f, "RMA-1")).value();
  const auto skipped = advance(f, rma, RmaStatus::inspected, "2026-04-02T00:00:00.000Z");
  BOOST_REQUIRE(skipped.has(ProblemCode::transition_not_allowed));
  BOOST_TEST(skipped.problems().front().message.find("next is authorized or closed") != std::string::npos,
             skipped.describe());
  BOOST_REQUIRE(advance(f, rma, RmaStatus::authorized, "2026-04-01T10:00:00.000Z").ok());
  // Goods brought to the dealer skip the transit step.
  BOOST_REQUIRE(advance(f, rma, RmaStatus::received, "2026-04-02T10:00:00.000Z").ok());
  BOOST_TEST(advance(f, rma, RmaStatus::authorized, "2026-04-03T10:00:00.000Z").has(ProblemCode::transition_not_allowed));
  BOOST_TEST(advance(f, rma, RmaStatus::inspected, "2026-04-01T23:00:00.000Z").has(ProblemCode::time_goes_backwards));
  BOOST_REQUIRE(advance(f, rma, RmaStatus::inspected, "2026-04-03T10:00:00.000Z").ok());
  BOOST_TEST(advance(f, rma, RmaStatus::disposition_decided, "2026-04-03T11:00:00.000Z")
                 .has(ProblemCode::missing_disposition));
  BOOST_TEST(advance(f, rma, RmaStatus::closed, "2026-04-03T11:00:00.000Z", Disposition::restock)
                 .has(ProblemCode::transition_not_allowed));
  BOOST_TEST(advance(f, rma + 1, RmaStatus::authorized, "2026-04-03T11:00:00.000Z").has(ProblemCode::unknown_rma));
  Poco::Data::Session session = f.database.session();
  const auto back = ReturnBook(session).find(rma);
  BOOST_TEST((back->status == RmaStatus::inspected));
  BOOST_TEST(!back->disposition.has_value());
  BOOST_TEST(back->history.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_closed_rma_takes_no_further_step_and_a_refused_request_closes_at_once) {
  LogisticsFixture f;
  const std::int64_t rma = openReturn(f, returnOf(f, "RMA-1")).value();
  BOOST_REQUIRE(advance(f, rma, RmaStatus::closed, "2026-04-01T12:00:00.000Z").ok());
  const auto after = advance(f, rma, RmaStatus::authorized, "2026-04-02T12:00:00.000Z");
  BOOST_TEST(after.has(ProblemCode::transition_not_allowed));
  BOOST_TEST(after.problems().front().message.find("it is closed") != std::string::npos, after.describe());
}

BOOST_AUTO_TEST_CASE(an_rma_with_a_taken_number_bad_lines_or_a_dealer_that_is_none_is_refused) {
  LogisticsFixture f;
  BOOST_REQUIRE(openReturn(f, returnOf(f, "RMA-1")).ok());
  BOOST_TEST(openReturn(f, returnOf(f, "RMA-1")).has(ProblemCode::duplicate_reference));
  ReturnAuthorization bad = returnOf(f, "RMA-2");
  bad.dealerId = f.carrier;
  bad.lines[0].serialNumbers = {"SN-1", "SN-1"};
  bad.lines[1].quantity = 0;
  const auto refused = openReturn(f, bad);
  BOOST_TEST(refused.has(ProblemCode::role_not_held), refused.describe());
  BOOST_TEST(refused.problems().size() == 3u, refused.describe());
  BOOST_TEST(f.count("rma") == 1);
  BOOST_TEST(f.count("rma_serial") == 2);
}

BOOST_AUTO_TEST_CASE(steps_taken_at_the_same_instant_read_back_in_timeline_order) {
  LogisticsFixture f;
  const auto id = openReturn(f, returnOf(f, "RMA-SAME"));
  BOOST_REQUIRE_MESSAGE(id.ok(), id.describe());
  const std::string at = "2026-04-01T09:00:00.000Z";  // the time it was requested
  BOOST_REQUIRE(advance(f, id.value(), RmaStatus::authorized, at).ok());
  BOOST_REQUIRE(advance(f, id.value(), RmaStatus::received, at).ok());
  Poco::Data::Session session = f.database.session();
  const auto back = ReturnBook(session).find(id.value());
  BOOST_REQUIRE_EQUAL(back->history.size(), 3u);
  BOOST_TEST(rmaStatusName(back->history[0].status) == std::string("requested"));
  BOOST_TEST(rmaStatusName(back->history[1].status) == std::string("authorized"));
  BOOST_TEST(rmaStatusName(back->history[2].status) == std::string("received"));
}

BOOST_AUTO_TEST_SUITE_END()
