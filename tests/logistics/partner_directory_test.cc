#include "logistics/control_numbers.h"
#include "logistics/partner_directory.h"
#include "tests/logistics/logistics_fixture.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <thread>

using namespace logistics;
using namespace Poco::Data::Keywords;
using logistics_test::LogisticsFixture;

namespace {

PartnerProfile x12Carrier(const std::string& code, const std::string& isaId) {
  PartnerProfile profile;
  profile.partyCode = code;
  profile.role = PartnerRole::carrier;
  profile.standard = EdiStandard::x12;
  profile.version = "004010";
  profile.x12IsaQualifier = "02";
  profile.x12IsaId = isaId;
  profile.x12GsCode = isaId + "GS";
  profile.functionalAck = FunctionalAck::x997;
  profile.wantsTa1 = true;
  profile.inboxDirectory = "/srv/edi/" + code + "/in";
  profile.outboxDirectory = "/srv/edi/" + code + "/out";
  return profile;
}

PartnerProfile edifactRecycler() {
  PartnerProfile profile;
  profile.partyCode = "RECYCLER";
  profile.role = PartnerRole::recycler;
  profile.standard = EdiStandard::edifact;
  profile.version = "D01B";
  profile.edifactUnbId = "ECOCYCLE";
  profile.edifactUnbQualifier = "ZZZ";
  profile.functionalAck = FunctionalAck::contrl;
  return profile;
}

Result<std::int64_t> addProfile(LogisticsFixture& f, const PartnerProfile& profile) {
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  auto added = PartnerDirectory(session).add(transaction, profile);
  transaction.commit();
  return added;
}

Result<ControlNumbers> allocate(store::Database& database, std::int64_t party, int groups = 1, int messages = 1) {
  Poco::Data::Session session = database.session();
  store::Transaction transaction(session);
  auto numbers = allocateControlNumbers(transaction, party, groups, messages);
  transaction.commit();
  return numbers;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(partner_directory)

BOOST_AUTO_TEST_CASE(a_profile_comes_back_with_its_identities_acks_and_directories) {
  LogisticsFixture f;
  const auto added = addProfile(f, x12Carrier("CARRIER", "FASTFREIGHT"));
  BOOST_REQUIRE_MESSAGE(added.ok(), added.describe());
  BOOST_TEST(added.value() == f.carrier);

  Poco::Data::Session session = f.database.session();
  PartnerDirectory directory(session);
  const auto found = directory.findByCode("CARRIER");
  BOOST_REQUIRE(found.has_value());
  BOOST_TEST(found->partyName == "CARRIER Ltd");
  BOOST_TEST((found->standard == EdiStandard::x12));
  BOOST_TEST(found->version == "004010");
  BOOST_TEST(found->x12IsaQualifier.value_or("") == "02");
  BOOST_TEST(found->x12GsCode.value_or("") == "FASTFREIGHTGS");
  BOOST_TEST(!found->edifactUnbId.has_value());
  BOOST_TEST((found->functionalAck == FunctionalAck::x997));
  BOOST_TEST(found->wantsTa1);
  BOOST_TEST(found->outboxDirectory.value_or("") == "/srv/edi/CARRIER/out");

  BOOST_TEST(directory.findByX12Sender("02", "FASTFREIGHT").has_value());
  BOOST_TEST(!directory.findByX12Sender("ZZ", "FASTFREIGHT").has_value());
  BOOST_TEST(!directory.find(f.client).has_value());
}

BOOST_AUTO_TEST_CASE(an_edifact_partner_is_found_by_its_unb_sender_and_listed_by_role) {
  LogisticsFixture f;
  BOOST_REQUIRE(addProfile(f, edifactRecycler()).ok());
  BOOST_REQUIRE(addProfile(f, x12Carrier("CARRIER-2", "SLOWFREIGHT")).ok());
  BOOST_REQUIRE(addProfile(f, x12Carrier("CARRIER", "FASTFREIGHT")).ok());
  Poco::Data::Session session = f.database.session();
  PartnerDirectory directory(session);
  const auto recycler = directory.findByEdifactSender("ECOCYCLE", "ZZZ");
  BOOST_REQUIRE(recycler.has_value());
  BOOST_TEST(recycler->partyId == f.recycler);
  BOOST_TEST((recycler->functionalAck == FunctionalAck::contrl));
  BOOST_TEST(!directory.findByEdifactSender("ECOCYCLE", "14").has_value());
  const auto carriers = directory.list(PartnerRole::carrier);
  BOOST_REQUIRE_EQUAL(carriers.size(), 2u);
  BOOST_TEST(carriers[0].partyCode == "CARRIER");
  BOOST_TEST(carriers[1].partyCode == "CARRIER-2");
  BOOST_TEST(directory.list().size() == 3u);
}

BOOST_AUTO_TEST_CASE(profiles_that_do_not_fit_their_party_or_standard_are_refused_as_values) {
  LogisticsFixture f;
  PartnerProfile unknown = x12Carrier("NOBODY", "NOBODY");
  BOOST_TEST(addProfile(f, unknown).has(ProblemCode::unknown_party));

  PartnerProfile notACarrier = x12Carrier("DEALER", "DEALER");
  BOOST_TEST(addProfile(f, notACarrier).has(ProblemCode::role_not_held));

  PartnerProfile contrlOverX12 = x12Carrier("CARRIER", "FASTFREIGHT");
  contrlOverX12.functionalAck = FunctionalAck::contrl;
  contrlOverX12.version = "4010";
  const auto refused = addProfile(f, contrlOverX12);
  BOOST_TEST(refused.problems().size() == 2u, refused.describe());
  BOOST_TEST(refused.has(ProblemCode::invalid_value));

  PartnerProfile ta1OverEdifact = edifactRecycler();
  ta1OverEdifact.wantsTa1 = true;
  ta1OverEdifact.edifactUnbId.reset();
  const auto refusedEdifact = addProfile(f, ta1OverEdifact);
  BOOST_TEST(refusedEdifact.has(ProblemCode::missing_field), refusedEdifact.describe());
  BOOST_TEST(refusedEdifact.has(ProblemCode::invalid_value), refusedEdifact.describe());
  BOOST_TEST(f.count("partner_profile") == 0);
}

BOOST_AUTO_TEST_CASE(a_second_profile_or_a_taken_sender_id_is_refused_and_the_transaction_goes_on) {
  LogisticsFixture f;
  BOOST_REQUIRE(addProfile(f, x12Carrier("CARRIER", "FASTFREIGHT")).ok());
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  PartnerDirectory directory(session);
  const auto again = directory.add(transaction, x12Carrier("CARRIER", "OTHERID"));
  BOOST_TEST(again.has(ProblemCode::duplicate_partner));
  const auto sameSender = directory.add(transaction, x12Carrier("CARRIER-2", "FASTFREIGHT"));
  BOOST_TEST(sameSender.has(ProblemCode::duplicate_partner));
  BOOST_TEST(sameSender.problems().front().field == "x12_isa_id");
  // Refusals ran no failing statement, so the same transaction still commits (PostgreSQL too).
  BOOST_REQUIRE(directory.add(transaction, x12Carrier("CARRIER-2", "SLOWFREIGHT")).ok());
  transaction.commit();
  BOOST_TEST(f.count("partner_profile") == 2);
}

BOOST_AUTO_TEST_CASE(control_numbers_are_consecutive_and_never_handed_out_twice) {
  LogisticsFixture f;
  BOOST_REQUIRE(addProfile(f, x12Carrier("CARRIER", "FASTFREIGHT")).ok());
  const auto first = allocate(f.database, f.carrier, 1, 3);
  BOOST_REQUIRE_MESSAGE(first.ok(), first.describe());
  BOOST_TEST(first.value().interchange == 1);
  BOOST_TEST(first.value().firstGroup == 1);
  BOOST_TEST(first.value().firstMessage == 1);
  const auto second = allocate(f.database, f.carrier, 2, 5);
  BOOST_TEST(second.value().interchange == 2);
  BOOST_TEST(second.value().firstGroup == 2);
  BOOST_TEST(second.value().firstMessage == 4);  // 1..3 went to the first interchange
  BOOST_TEST(allocate(f.database, f.carrier).value().firstGroup == 4);
  BOOST_TEST(allocate(f.database, f.client).has(ProblemCode::unknown_partner));
  BOOST_TEST(allocate(f.database, f.carrier, 0, 1).has(ProblemCode::invalid_value));
}

BOOST_AUTO_TEST_CASE(control_numbers_stop_at_the_largest_the_standard_allows_instead_of_wrapping) {
  LogisticsFixture f;
  BOOST_REQUIRE(addProfile(f, x12Carrier("CARRIER", "FASTFREIGHT")).ok());
  {
    Poco::Data::Session session = f.database.session();
    session << "UPDATE partner_profile SET next_interchange_number = 999999999", now;
  }
  BOOST_TEST(allocate(f.database, f.carrier).value().interchange == 999999999);
  const auto exhausted = allocate(f.database, f.carrier);
  BOOST_TEST(exhausted.has(ProblemCode::control_numbers_exhausted), exhausted.describe());
}

BOOST_AUTO_TEST_CASE(two_sessions_allocating_at_once_never_get_the_same_number) {
  LogisticsFixture f;
  BOOST_REQUIRE(addProfile(f, x12Carrier("CARRIER", "FASTFREIGHT")).ok());
  constexpr int kPerThread = 40;
  std::vector<std::int64_t> interchanges[2], messages[2];
  std::string failures[2];
  auto work = [&](int t) {
    try {
      for (int i = 0; i < kPerThread; ++i) {
        const auto numbers = allocate(f.database, f.carrier, 1, 2);
        if (!numbers.ok()) {
          failures[t] = numbers.describe();
          return;
        }
        interchanges[t].push_back(numbers.value().interchange);
        messages[t].push_back(numbers.value().firstMessage);
        messages[t].push_back(numbers.value().firstMessage + 1);
      }
    } catch (const Poco::Exception& e) {
      failures[t] = e.displayText();
    }
  };
  std::thread one(work, 0), two(work, 1);
  one.join();
  two.join();
  BOOST_TEST(failures[0] == "");
  BOOST_TEST(failures[1] == "");
  std::set<std::int64_t> allInterchanges(interchanges[0].begin(), interchanges[0].end());
  allInterchanges.insert(interchanges[1].begin(), interchanges[1].end());
  std::set<std::int64_t> allMessages(messages[0].begin(), messages[0].end());
  allMessages.insert(messages[1].begin(), messages[1].end());
  BOOST_TEST(allInterchanges.size() == 2u * kPerThread);
  BOOST_TEST(*allInterchanges.rbegin() == 2 * kPerThread);  // 1..80, no gaps, no repeats
  BOOST_TEST(allMessages.size() == 4u * kPerThread);
}

BOOST_AUTO_TEST_SUITE_END()
