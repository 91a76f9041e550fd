#include "exchange/intake.h"

#include "tests/exchange/exchange_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace exchange;
using exchange_test::applied;
using exchange_test::catalog;
using exchange_test::Partners;
using exchange_test::shipmentByBillOfLading;
using exchange_test::variant;

namespace {

logistics::Shipment appliedNotice(Partners& partners, const std::string& path, const std::string& billOfLading) {
  Intake intake(partners.database(), catalog());
  applied(intake, path);
  return shipmentByBillOfLading(partners, billOfLading);
}

// Failed with the reason naming the message, then the segment and element; no shipment kept,
// and the interchange's stored reason (what afterflow inbox show prints) says the same.
void requireRefused(Partners& partners, const std::string& path, const std::string& where, const std::string& why) {
  Intake intake(partners.database(), catalog());
  const IntakeReport report = intake.receive(path);
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_TEST(report.status == InterchangeStatus::failed);
  BOOST_TEST(report.summary.find(where) != std::string::npos, report.summary << " names " << where);
  BOOST_TEST(report.summary.find(why) != std::string::npos, report.summary << " says " << why);
  BOOST_TEST(partners.count("SELECT count(*) FROM shipment") == 0);
  const auto record = InterchangeStore(partners.database()).find(report.interchangeId);
  BOOST_REQUIRE(record.has_value());
  BOOST_TEST(record->error.value_or("").find(where) != std::string::npos);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ship_notice_mapping)

BOOST_AUTO_TEST_CASE(an_856_naming_a_scac_no_party_holds_fails_naming_the_td5_instead_of_losing_the_carrier) {
  Partners partners;
  requireRefused(partners, variant(partners, "client_856.edi", {{"TD5*B*2*FSTF*M*", "TD5*B*2*NOPE*M*"}}),
                 "message 1 (856 0001): segment 7 (TD5), element TD503: unknown_party", "SCAC 'NOPE'");
}

BOOST_AUTO_TEST_CASE(a_desadv_naming_a_carrier_no_party_holds_fails_naming_the_tdt) {
  Partners partners;
  requireRefused(partners, variant(partners, "client_desadv.edi", {{"DHLX:172", "NOPE:172"}}),
                 "message 1 (DESADV 1): segment 10 (TDT), element 3127: unknown_party", "SCAC 'NOPE'");
}

BOOST_AUTO_TEST_CASE(weights_in_grams_are_converted_to_kilograms) {
  Partners partners;
  const auto x12 = appliedNotice(partners, variant(partners, "client_856.edi", {{"G*44.1*LB~", "G*44100*GR~"}}),
                                 "BOL-1001");
  BOOST_TEST(x12.weightKg.value_or(0) == 44.1, boost::test_tools::tolerance(1e-9));
  const auto edifact = appliedNotice(partners, variant(partners, "client_desadv.edi", {{"KGM:125.5", "GRM:125500"}}),
                                     "BOL-2001");
  BOOST_TEST(edifact.weightKg.value_or(0) == 125.5, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(a_weight_in_a_unit_afterflow_cannot_convert_is_refused_not_taken_as_kilograms) {
  Partners partners;
  requireRefused(partners, variant(partners, "client_856.edi", {{"G*44.1*LB~", "G*44.1*OZ~"}}),
                 "segment 6 (TD1), element TD108: invalid_value", "weight unit 'OZ'");
  Partners others;
  requireRefused(others, variant(others, "client_desadv.edi", {{"KGM:125.5", "ONZ:125.5"}}),
                 "segment 6 (MEA), element 6411: invalid_value", "weight unit 'ONZ'");
}

BOOST_AUTO_TEST_CASE(a_net_weight_is_refused_rather_than_kept_as_the_gross_weight) {
  Partners partners;
  requireRefused(partners, variant(partners, "client_856.edi", {{"G*44.1*LB~", "N*44.1*LB~"}}),
                 "segment 6 (TD1), element TD106", "weight qualifier 'N'");
}

BOOST_AUTO_TEST_CASE(edifact_dates_in_other_standard_formats_are_converted) {
  Partners partners;
  // 101 YYMMDD; 718 a period, of which a delivery window promises its end; 205 with a zone.
  const auto shipment = appliedNotice(
      partners,
      variant(partners, "client_desadv.edi",
              {{"DTM+11:202611030930:203'", "DTM+11:261103:101'"},
               {"DTM+17:20261106:102'", "DTM+17:2026110520261107:718'"}}),
      "BOL-2001");
  BOOST_TEST(shipment.shipDate.value_or("") == "2026-11-03T00:00:00.000Z");
  BOOST_TEST(shipment.promisedDelivery.value_or("") == "2026-11-07T00:00:00.000Z");

  Partners others;
  const auto zoned = appliedNotice(
      others, variant(others, "client_desadv.edi", {{"DTM+11:202611030930:203'", "DTM+11:202611030930?+0100:205'"}}),
      "BOL-2001");
  BOOST_TEST(zoned.shipDate.value_or("") == "2026-11-03T08:30:00.000Z");
}

BOOST_AUTO_TEST_CASE(a_dtm_in_a_format_afterflow_does_not_read_fails_instead_of_losing_the_ship_date) {
  Partners partners;
  requireRefused(partners,
                 variant(partners, "client_desadv.edi", {{"DTM+11:202611030930:203'", "DTM+11:202611030930UTC:303'"}}),
                 "message 1 (DESADV 1): segment 4 (DTM), element 2379: invalid_value", "format '303'");
  Partners others;
  requireRefused(others, variant(others, "client_desadv.edi", {{"DTM+11:202611030930:203'", "DTM+11:20261103:203'"}}),
                 "segment 4 (DTM), element 2380", "'20261103' is not a date in format 203");
}

BOOST_AUTO_TEST_CASE(a_pieces_count_that_is_not_a_whole_number_is_refused) {
  Partners partners;
  requireRefused(partners, variant(partners, "client_desadv.edi", {{"PAC+4++CT'", "PAC+4.5++CT'"}}),
                 "segment 12 (PAC), element 7224", "'4.5' is not a whole number of pieces");
}

BOOST_AUTO_TEST_SUITE_END()
