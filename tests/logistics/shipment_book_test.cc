#include "crm/party_directory.h"
#include "logistics/shipment_book.h"
#include "logistics/status_event_log.h"
#include "tests/logistics/logistics_fixture.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

using namespace logistics;
using logistics_test::LogisticsFixture;

namespace {

Result<std::int64_t> recordShipment(LogisticsFixture& f, const Shipment& shipment) {
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  auto recorded = ShipmentBook(session).record(transaction, shipment);
  transaction.commit();
  return recorded;
}

StatusEvent x12Event(std::int64_t carrier, const std::string& pro, const std::string& time, const std::string& code,
                     std::optional<std::string> reason = std::nullopt) {
  StatusEvent event;
  event.carrierId = carrier;
  event.referenceKind = ReferenceKind::pro_number;
  event.reference = pro;
  event.eventTime = time;
  event.city = "Kassel";
  event.country = "DE";
  event.codeList = StatusCodeList::x12;
  event.statusCode = code;
  event.reasonCode = std::move(reason);
  return event;
}

Result<RecordedEvent> recordEvent(LogisticsFixture& f, const StatusEvent& event) {
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  auto recorded = StatusEventLog(session).record(transaction, event);
  transaction.commit();
  return recorded;
}

Shipment found(LogisticsFixture& f, std::int64_t id) {
  Poco::Data::Session session = f.database.session();
  auto shipment = ShipmentBook(session).find(id);
  BOOST_REQUIRE(shipment.has_value());
  return *shipment;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shipment_book)

BOOST_AUTO_TEST_CASE(a_shipment_and_its_lines_come_back_as_recorded_with_missing_fields_missing) {
  LogisticsFixture f;
  Shipment shipment = f.shipment("PRO-1");
  shipment.shipNoticeId = "ASN-77";
  shipment.mode = TransportMode::multimodal;
  const auto id = recordShipment(f, shipment);
  BOOST_REQUIRE_MESSAGE(id.ok(), id.describe());
  const Shipment back = found(f, id.value());
  BOOST_TEST(back.clientId == f.client);
  BOOST_TEST(back.carrierId.value_or(0) == f.carrier);
  BOOST_TEST(back.consigneeId.value_or(0) == f.consignee);
  BOOST_TEST(back.proNumber.value_or("") == "PRO-1");
  BOOST_TEST(back.billOfLading.value_or("") == "BOL-PRO-1");
  BOOST_TEST(back.shipNoticeId.value_or("") == "ASN-77");
  BOOST_TEST((back.origin == shipment.origin));
  BOOST_TEST((back.destination == shipment.destination));
  BOOST_TEST((back.mode == TransportMode::multimodal));
  BOOST_TEST(back.distanceKm.value_or(0) == 776.5);
  BOOST_TEST(back.pieces.value_or(0) == 12);
  BOOST_TEST(back.weightKg.value_or(0) == 820.25);
  BOOST_TEST(back.freightCostCents.value_or(0) == 123456);
  BOOST_TEST(back.currency.value_or("") == "EUR");
  BOOST_TEST(back.promisedDelivery.value_or("") == "2026-03-04T17:00:00.000Z");
  BOOST_TEST(!back.shipDate.has_value());
  BOOST_TEST(!back.actualDelivery.has_value());
  BOOST_TEST((back.status == ShipmentStatus::planned));
  BOOST_REQUIRE_EQUAL(back.lines.size(), 2u);
  BOOST_TEST(back.lines[0].productId.value_or(0) == f.washingMachine);
  BOOST_TEST(back.lines[0].quantityShipped == 8);
  BOOST_TEST(!back.lines[0].quantityReceived.has_value());
  BOOST_TEST(!back.lines[1].description.has_value());
  Poco::Data::Session session = f.database.session();
  BOOST_TEST(ShipmentBook(session).idsByReference(ReferenceKind::ship_notice_id, "ASN-77") ==
                 std::vector<std::int64_t>{id.value()},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_taken_reference_is_refused_with_its_name_and_its_owner_decides_what_is_taken) {
  LogisticsFixture f;
  BOOST_REQUIRE(recordShipment(f, f.shipment("PRO-1")).ok());

  Shipment sameBill = f.shipment("PRO-2");
  sameBill.billOfLading = "BOL-PRO-1";
  const auto refused = recordShipment(f, sameBill);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.problems().size() == 1u, refused.describe());
  BOOST_TEST((refused.problems().front().code == ProblemCode::duplicate_reference));
  BOOST_TEST(refused.problems().front().field == "bill_of_lading");

  Shipment samePro = f.shipment("PRO-1");
  samePro.billOfLading = "BOL-OTHER";
  const auto refusedPro = recordShipment(f, samePro);
  BOOST_TEST(refusedPro.has(ProblemCode::duplicate_reference));
  BOOST_TEST(refusedPro.problems().front().field == "pro_number");

  // A PRO number is the carrier's: another carrier may use the same one.
  samePro.carrierId = f.otherCarrier;
  BOOST_TEST(recordShipment(f, samePro).ok());
  // A bill of lading is the client's: another client may use the same one.
  crm::Party otherClient;
  otherClient.code = "CLIENT-2";
  otherClient.name = "Another client";
  otherClient.roles = {crm::PartyRole::client};
  sameBill.clientId = crm::PartyDirectory(f.database).add(otherClient);
  BOOST_TEST(recordShipment(f, sameBill).ok());
  BOOST_TEST(f.count("shipment") == 3);
}

BOOST_AUTO_TEST_CASE(a_pro_number_without_a_carrier_is_unique_per_client) {
  LogisticsFixture f;
  Shipment first = f.shipment("PRO-7");
  first.carrierId.reset();
  first.billOfLading.reset();
  BOOST_REQUIRE(recordShipment(f, first).ok());

  // The same PRO number for the same client, again without a carrier: the same shipment.
  const auto refused = recordShipment(f, first);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.problems().size() == 1u, refused.describe());
  BOOST_TEST((refused.problems().front().code == ProblemCode::duplicate_reference));
  BOOST_TEST(refused.problems().front().message == "pro_number 'PRO-7' is recorded already for this client without a carrier");

  // With its carrier named, the PRO number is that carrier's, a scope of its own.
  Shipment withCarrier = first;
  withCarrier.carrierId = f.carrier;
  BOOST_TEST(recordShipment(f, withCarrier).ok());
  BOOST_TEST(f.count("shipment") == 2);
}

BOOST_AUTO_TEST_CASE(invalid_fields_and_unknown_references_are_refused_as_values_and_nothing_is_written) {
  LogisticsFixture f;
  Shipment bad = f.shipment("PRO-1");
  bad.billOfLading.reset();
  bad.proNumber.reset();
  bad.weightKg = -1;
  bad.currency = "euro";
  bad.promisedDelivery = "2026-03-04";
  bad.lines[1].lineNo = 1;
  bad.lines[0].productId = 999999;
  bad.carrierId = f.dealer;
  const auto refused = recordShipment(f, bad);
  BOOST_REQUIRE(!refused.ok());
  for (ProblemCode code : {ProblemCode::missing_field, ProblemCode::invalid_value, ProblemCode::invalid_timestamp,
                           ProblemCode::unknown_product, ProblemCode::role_not_held}) {
    BOOST_TEST(refused.has(code), problemCodeName(code) << " in " << refused.describe());
  }
  BOOST_TEST(refused.problems().size() == 7u, refused.describe());
  BOOST_TEST(f.count("shipment") == 0);
  BOOST_TEST(f.count("shipment_line") == 0);
}

BOOST_AUTO_TEST_CASE(an_event_that_arrives_before_its_shipment_waits_and_is_linked_when_the_shipment_arrives) {
  LogisticsFixture f;
  const auto pickup = recordEvent(f, x12Event(f.carrier, "PRO-9", "2026-03-02T09:15:00.000Z", "AF"));
  BOOST_REQUIRE_MESSAGE(pickup.ok(), pickup.describe());
  BOOST_TEST(!pickup.value().shipmentId.has_value());
  BOOST_TEST((pickup.value().normalizedStatus == ShipmentStatus::picked_up));
  BOOST_REQUIRE(recordEvent(f, x12Event(f.carrier, "PRO-9", "2026-03-03T06:00:00.000Z", "X6")).ok());
  // Another carrier's PRO-9 is another shipment: it must not be linked to this one.
  BOOST_REQUIRE(recordEvent(f, x12Event(f.otherCarrier, "PRO-9", "2026-03-03T07:00:00.000Z", "D1")).ok());
  {
    Poco::Data::Session session = f.database.session();
    BOOST_TEST(StatusEventLog(session).unlinked().size() == 3u);
  }

  const auto id = recordShipment(f, f.shipment("PRO-9"));
  BOOST_REQUIRE_MESSAGE(id.ok(), id.describe());
  Poco::Data::Session session = f.database.session();
  StatusEventLog log(session);
  const auto events = log.forShipment(id.value());
  BOOST_REQUIRE_EQUAL(events.size(), 2u);
  BOOST_TEST(events[0].statusCode == "AF");
  BOOST_TEST(events[1].statusCode == "X6");
  BOOST_TEST(events[1].city.value_or("") == "Kassel");
  const auto waiting = log.unlinked();
  BOOST_REQUIRE_EQUAL(waiting.size(), 1u);
  BOOST_TEST(waiting[0].carrierId.value_or(0) == f.otherCarrier);

  const Shipment shipment = found(f, id.value());
  BOOST_TEST((shipment.status == ShipmentStatus::out_for_delivery));
  BOOST_TEST(shipment.shipDate.value_or("") == "2026-03-02T09:15:00.000Z");
  BOOST_TEST(!shipment.actualDelivery.has_value());
}

BOOST_AUTO_TEST_CASE(events_of_a_known_shipment_link_at_once_and_the_latest_by_time_sets_its_status) {
  LogisticsFixture f;
  const auto id = recordShipment(f, f.shipment("PRO-5"));
  BOOST_REQUIRE(id.ok());
  const auto delivered = recordEvent(f, x12Event(f.carrier, "PRO-5", "2026-03-04T15:30:00.000Z", "D1", std::string("NS")));
  BOOST_REQUIRE_MESSAGE(delivered.ok(), delivered.describe());
  BOOST_TEST(delivered.value().shipmentId.value_or(0) == id.value());
  // An earlier event that arrives late does not turn a delivered shipment back into "in transit".
  BOOST_REQUIRE(recordEvent(f, x12Event(f.carrier, "PRO-5", "2026-03-03T10:00:00.000Z", "X4", std::string("AK"))).ok());
  const Shipment shipment = found(f, id.value());
  BOOST_TEST((shipment.status == ShipmentStatus::delivered));
  BOOST_TEST(shipment.actualDelivery.value_or("") == "2026-03-04T15:30:00.000Z");
  Poco::Data::Session session = f.database.session();
  const auto events = StatusEventLog(session).forShipment(id.value());
  BOOST_REQUIRE_EQUAL(events.size(), 2u);
  BOOST_TEST((events[0].normalizedStatus == ShipmentStatus::damaged));  // reason AK outweighs "at terminal"
}

BOOST_AUTO_TEST_CASE(an_event_is_refused_for_an_unmapped_code_a_bad_time_or_an_ambiguous_reference) {
  LogisticsFixture f;
  BOOST_TEST(recordEvent(f, x12Event(f.carrier, "PRO-1", "2026-03-02T09:15:00.000Z", "AG"))
                 .has(ProblemCode::unmapped_status_code));
  BOOST_TEST(recordEvent(f, x12Event(f.carrier, "PRO-1", "yesterday", "AF")).has(ProblemCode::invalid_timestamp));
  BOOST_TEST(recordEvent(f, x12Event(f.client, "PRO-1", "2026-03-02T09:15:00.000Z", "AF"))
                 .has(ProblemCode::role_not_held));
  StatusEvent unknownShipment = x12Event(f.carrier, "PRO-1", "2026-03-02T09:15:00.000Z", "AF");
  unknownShipment.shipmentId = 4242;
  BOOST_TEST(recordEvent(f, unknownShipment).has(ProblemCode::unknown_shipment));

  // The same PRO number at two carriers: an event that names no carrier cannot choose.
  BOOST_REQUIRE(recordShipment(f, f.shipment("PRO-7")).ok());
  Shipment other = f.shipment("PRO-7");
  other.carrierId = f.otherCarrier;
  other.billOfLading = "BOL-OTHER";
  BOOST_REQUIRE(recordShipment(f, other).ok());
  StatusEvent anonymous = x12Event(f.carrier, "PRO-7", "2026-03-02T09:15:00.000Z", "AF");
  anonymous.carrierId.reset();
  BOOST_TEST(recordEvent(f, anonymous).has(ProblemCode::ambiguous_reference));
  BOOST_TEST(f.count("shipment_event") == 0);
  BOOST_TEST(recordEvent(f, x12Event(f.otherCarrier, "PRO-7", "2026-03-02T09:15:00.000Z", "AF")).ok());
}

BOOST_AUTO_TEST_CASE(a_refused_record_leaves_the_callers_transaction_usable_on_both_backends) {
  LogisticsFixture f;
  BOOST_REQUIRE(recordShipment(f, f.shipment("PRO-1")).ok());
  f.inTransaction([&](store::Transaction& transaction) {
    ShipmentBook book(transaction.session());
    BOOST_TEST(book.record(transaction, f.shipment("PRO-2")).ok());
    BOOST_TEST(book.record(transaction, f.shipment("PRO-1")).has(ProblemCode::duplicate_reference));
    BOOST_TEST(book.record(transaction, f.shipment("PRO-3")).ok());
    return true;
  });
  BOOST_TEST(f.count("shipment") == 3);
}

BOOST_AUTO_TEST_CASE(everything_written_in_a_transaction_that_fails_is_gone) {
  LogisticsFixture f;
  BOOST_REQUIRE(recordEvent(f, x12Event(f.carrier, "PRO-1", "2026-03-02T09:15:00.000Z", "AF")).ok());
  auto interchange = [&] {
    f.inTransaction([&](store::Transaction& transaction) {
      ShipmentBook book(transaction.session());
      StatusEventLog log(transaction.session());
      BOOST_REQUIRE(book.record(transaction, f.shipment("PRO-1")).ok());  // links the waiting event
      BOOST_REQUIRE(log.record(transaction, x12Event(f.carrier, "PRO-1", "2026-03-03T09:15:00.000Z", "D1")).ok());
      BOOST_REQUIRE(book.record(transaction, f.shipment("PRO-2")).ok());
      throw std::runtime_error("the interchange's third message cannot be mapped");
      return true;
    });
  };
  BOOST_CHECK_THROW(interchange(), std::runtime_error);
  BOOST_TEST(f.count("shipment") == 0);
  BOOST_TEST(f.count("shipment_line") == 0);
  BOOST_TEST(f.count("shipment_event") == 1);
  Poco::Data::Session session = f.database.session();
  BOOST_TEST(StatusEventLog(session).unlinked().size() == 1u);  // still waiting, as before
}

BOOST_AUTO_TEST_CASE(a_shipment_book_used_on_its_own_keeps_the_report_rollups_current_at_each_commit) {
  LogisticsFixture f;
  const auto rollupSum = [&f](const std::string& column) {
    Poco::Data::Session session = f.database.session();
    std::int64_t sum = 0;
    session << "SELECT COALESCE(sum(" + column + "), 0) FROM shipment_rollup", Poco::Data::Keywords::into(sum),
        Poco::Data::Keywords::now;
    return sum;
  };
  Shipment first = f.shipment("PRO-1"), second = f.shipment("PRO-2");
  first.shipDate = second.shipDate = "2026-03-02T08:00:00.000Z";
  f.inTransaction([&](store::Transaction& transaction) {
    ShipmentBook book(transaction.session());
    BOOST_REQUIRE(book.record(transaction, first).ok());
    BOOST_REQUIRE(book.record(transaction, second).ok());
    // Refreshed once at the commit, for both shipments.
    std::int64_t facts = -1;
    transaction.session() << "SELECT count(*) FROM shipment_fact", Poco::Data::Keywords::into(facts),
        Poco::Data::Keywords::now;
    BOOST_TEST(facts == 0);
    return true;
  });
  BOOST_TEST(f.count("shipment_fact") == 2);
  BOOST_TEST(rollupSum("shipments") == 2);
  BOOST_TEST(rollupSum("accident") == 0);
  BOOST_REQUIRE(recordEvent(f, x12Event(f.carrier, "PRO-2", "2026-03-03T09:15:00.000Z", "A9")).ok());
  BOOST_TEST(rollupSum("shipments") == 2);
  BOOST_TEST(rollupSum("accident") == 1);
  // What a rolled back transaction asked for is not done.
  f.inTransaction([&](store::Transaction& transaction) {
    BOOST_REQUIRE(StatusEventLog(transaction.session())
                      .record(transaction, x12Event(f.carrier, "PRO-1", "2026-03-03T10:15:00.000Z", "A9"))
                      .ok());
    return false;
  });
  BOOST_TEST(rollupSum("accident") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
