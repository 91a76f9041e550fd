#include "logistics/status_event_log.h"
#include "logistics/shipment_book.h"
#include "store/migration.h"
#include "store/migrator.h"
#include "tests/logistics/logistics_fixture.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace logistics;
using logistics_test::LogisticsFixture;
using namespace Poco::Data::Keywords;

namespace {

StatusEvent delivered(std::int64_t carrier, const std::string& pro, std::optional<std::string> reason = "NS") {
  StatusEvent event;
  event.carrierId = carrier;
  event.referenceKind = ReferenceKind::pro_number;
  event.reference = pro;
  event.eventTime = "2026-03-03T09:15:00.000Z";
  event.city = "Kassel";
  event.country = "DE";
  event.codeList = StatusCodeList::x12;
  event.statusCode = "D1";
  event.reasonCode = std::move(reason);
  return event;
}

Result<RecordedEvent> record(LogisticsFixture& f, const StatusEvent& event) {
  Result<RecordedEvent> result = Problem{ProblemCode::missing_field, "", "not run"};
  f.inTransaction([&](store::Transaction& transaction) {
    result = StatusEventLog(transaction.session()).record(transaction, event);
    return result.ok();
  });
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(event_log)

BOOST_AUTO_TEST_CASE(the_same_event_recorded_again_is_a_repeat_that_writes_nothing) {
  LogisticsFixture f;
  f.inTransaction([&](store::Transaction& t) { return ShipmentBook(t.session()).record(t, f.shipment("PRO-1")).ok(); });
  const auto first = record(f, delivered(f.carrier, "PRO-1"));
  BOOST_REQUIRE_MESSAGE(first.ok(), first.describe());
  BOOST_TEST(!first.value().repeated);
  const auto again = record(f, delivered(f.carrier, "PRO-1"));
  BOOST_REQUIRE_MESSAGE(again.ok(), again.describe());
  BOOST_TEST(again.value().repeated);
  BOOST_TEST(again.value().eventId == first.value().eventId);
  BOOST_TEST(f.count("shipment_event") == 1);
}

BOOST_AUTO_TEST_CASE(a_waiting_event_recorded_again_waits_once) {
  LogisticsFixture f;
  BOOST_REQUIRE(record(f, delivered(f.carrier, "PRO-LATER")).ok());
  const auto again = record(f, delivered(f.carrier, "PRO-LATER"));
  BOOST_REQUIRE(again.ok());
  BOOST_TEST(again.value().repeated);
  Poco::Data::Session session = f.database.session();
  BOOST_TEST(StatusEventLog(session).unlinked().size() == 1u);
}

BOOST_AUTO_TEST_CASE(another_reason_another_place_or_another_carrier_is_another_event) {
  LogisticsFixture f;
  BOOST_REQUIRE(record(f, delivered(f.carrier, "PRO-1")).ok());
  BOOST_TEST(!record(f, delivered(f.carrier, "PRO-1", std::nullopt)).value().repeated);
  StatusEvent elsewhere = delivered(f.carrier, "PRO-1");
  elsewhere.city = "Fulda";
  BOOST_TEST(!record(f, elsewhere).value().repeated);
  BOOST_TEST(!record(f, delivered(f.otherCarrier, "PRO-1")).value().repeated);
  BOOST_TEST(f.count("shipment_event") == 4);
}

BOOST_AUTO_TEST_CASE(repeats_stored_before_the_natural_key_are_moved_aside_and_the_first_stays) {
  test_support::TestDatabase test;
  std::vector<store::Migration> all = store::builtInMigrations();
  const auto key = std::find_if(all.begin(), all.end(), [](const store::Migration& m) {
    return m.name.find("event_and_envelope_keys") != std::string::npos;
  });
  BOOST_REQUIRE(key != all.end());
  store::Migrator(test.database(), std::vector<store::Migration>(all.begin(), key)).migrate();
  {
    Poco::Data::Session session = test.database().session();
    // A resend stored twice before (no carrier, no place: NULLs must count as the same), and
    // one event that differs only in its reason.
    for (const std::string reason : {"NS", "NS", "NS", "A1"}) {
      session << "INSERT INTO shipment_event (reference_kind, reference, event_time, code_list, status_code, "
                 "reason_code, normalized_status, recorded_at) VALUES ('pro_number', 'PRO-9', "
                 "'2026-03-03T09:15:00.000Z', 'x12', 'D1', ?, 'delivered', '2026-03-03T10:00:00.000Z')",
          bind(reason), now;
    }
  }
  store::Migrator(test.database(), all).migrate();
  Poco::Data::Session session = test.database().session();
  std::vector<std::int64_t> kept, moved, keptFor;
  session << "SELECT event_id FROM shipment_event ORDER BY event_id", into(kept), now;
  session << "SELECT event_id, kept_event_id FROM shipment_event_repeat ORDER BY event_id", into(moved),
      into(keptFor), now;
  BOOST_REQUIRE_EQUAL(kept.size(), 2u);
  BOOST_REQUIRE_EQUAL(moved.size(), 2u);
  BOOST_TEST(keptFor[0] == kept[0]);
  BOOST_TEST(keptFor[1] == kept[0]);
  BOOST_TEST(moved[0] > kept[0]);
}

BOOST_AUTO_TEST_SUITE_END()
