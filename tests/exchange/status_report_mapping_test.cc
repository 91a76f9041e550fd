#include "exchange/intake.h"

#include "tests/exchange/exchange_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace exchange;
using exchange_test::applied;
using exchange_test::catalog;
using exchange_test::fixture;
using exchange_test::Partners;
using exchange_test::variant;

namespace {

// The carrier's 214 again, as carriers resend it: the same events under a new interchange
// control number (and so other bytes).
std::string resent214(Partners& partners, std::vector<std::pair<std::string, std::string>> changes = {}) {
  changes.insert(changes.begin(), {"000000901", "000000902"});
  return variant(partners, "carrier_214.edi", changes);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(status_report_mapping)

BOOST_AUTO_TEST_CASE(a_214_resent_under_a_new_control_number_records_no_event_twice_and_says_so) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_856.edi"));
  applied(intake, fixture("carrier_214.edi"));
  const IntakeReport again = applied(intake, resent214(partners));
  BOOST_TEST(again.repeatedEvents == 2u);
  BOOST_TEST(again.summary.find("2 status event(s) recorded before, not applied again") != std::string::npos,
             again.summary);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event") == 2);
}

BOOST_AUTO_TEST_CASE(waiting_events_resent_before_their_shipment_wait_once_and_are_linked_once) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("carrier_214.edi"));
  BOOST_TEST(applied(intake, resent214(partners)).repeatedEvents == 2u);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event WHERE shipment_id IS NULL") == 2);
  applied(intake, fixture("client_856.edi"));
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event WHERE shipment_id IS NOT NULL") == 2);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event") == 2);
}

BOOST_AUTO_TEST_CASE(a_resend_with_one_new_event_records_only_the_new_one) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_856.edi"));
  applied(intake, fixture("carrier_214.edi"));
  // The second movement now at 07:00 instead of 06:00: another event, the first one a repeat.
  const IntakeReport again = applied(intake, resent214(partners, {{"20261102*0600", "20261102*0700"}}));
  BOOST_TEST(again.repeatedEvents == 1u);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event") == 3);
}

BOOST_AUTO_TEST_CASE(an_iftsta_resent_under_a_new_control_number_records_no_event_twice) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  applied(intake, fixture("client_desadv.edi"));
  applied(intake, fixture("carrier_iftsta.edi"));
  // Of its two STS, only 21 (delivered) is a movement afterflow records; 5 has no status.
  BOOST_REQUIRE_EQUAL(partners.count("SELECT count(*) FROM shipment_event"), 1);
  const IntakeReport again = applied(intake, variant(partners, "carrier_iftsta.edi", {{"STA55", "STA56"}}));
  BOOST_TEST(again.repeatedEvents == 1u);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event") == 1);
}

BOOST_AUTO_TEST_CASE(an_iftsta_event_time_in_a_format_afterflow_does_not_read_fails_naming_the_dtm) {
  Partners partners;
  Intake intake(partners.database(), catalog());
  // 306 is DDHHMM: no month or year, no point in time.
  const IntakeReport report =
      intake.receive(variant(partners, "carrier_iftsta.edi", {{"DTM+334:202611031000:203'", "DTM+334:031000:306'"}}));
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find("message 1 (IFTSTA 1): segment 7 (DTM), element 2379: invalid_value") !=
                 std::string::npos,
             report.summary);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment_event") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
