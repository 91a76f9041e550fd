#include "logistics/status_mapping.h"
#include "logistics/timestamp_text.h"

#include <boost/test/unit_test.hpp>

using namespace logistics;

namespace {

ShipmentStatus mapped(StatusCodeList list, const std::string& code, std::optional<std::string> reason = {}) {
  const auto result = normalizeStatus(list, code, reason);
  BOOST_REQUIRE_MESSAGE(result.ok(), result.describe());
  return result.value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(status_mapping)

BOOST_AUTO_TEST_CASE(x12_214_status_codes_map_to_the_normalized_statuses) {
  BOOST_TEST((mapped(StatusCodeList::x12, "AF") == ShipmentStatus::picked_up));
  BOOST_TEST((mapped(StatusCodeList::x12, "P1") == ShipmentStatus::in_transit));
  BOOST_TEST((mapped(StatusCodeList::x12, "SD", std::string("AO")) == ShipmentStatus::delayed));
  BOOST_TEST((mapped(StatusCodeList::x12, "X6") == ShipmentStatus::out_for_delivery));
  BOOST_TEST((mapped(StatusCodeList::x12, "D1", std::string("NS")) == ShipmentStatus::delivered));
  BOOST_TEST((mapped(StatusCodeList::x12, "A7") == ShipmentStatus::exception));
  BOOST_TEST((mapped(StatusCodeList::x12, "A9") == ShipmentStatus::damaged));
}

BOOST_AUTO_TEST_CASE(a_reason_that_reports_damage_or_an_accident_outweighs_the_status) {
  BOOST_TEST((mapped(StatusCodeList::x12, "X4", std::string("AK")) == ShipmentStatus::damaged));
  BOOST_TEST((mapped(StatusCodeList::x12, "SD", std::string("AF")) == ShipmentStatus::exception));
  BOOST_TEST((mapped(StatusCodeList::edifact, "31", std::string("14")) == ShipmentStatus::damaged));
  BOOST_TEST((mapped(StatusCodeList::edifact, "23", std::string("33")) == ShipmentStatus::lost));
}

BOOST_AUTO_TEST_CASE(edifact_status_events_map_with_or_without_zero_padding) {
  BOOST_TEST((mapped(StatusCodeList::edifact, "13") == ShipmentStatus::picked_up));
  BOOST_TEST((mapped(StatusCodeList::edifact, "21") == ShipmentStatus::delivered));
  BOOST_TEST((mapped(StatusCodeList::edifact, "021") == ShipmentStatus::delivered));
  BOOST_TEST((mapped(StatusCodeList::edifact, "101") == ShipmentStatus::delayed));
  BOOST_TEST((mapped(StatusCodeList::edifact, "49") == ShipmentStatus::lost));
  BOOST_TEST((mapped(StatusCodeList::edifact, "18") == ShipmentStatus::damaged));
}

BOOST_AUTO_TEST_CASE(estimates_and_unknown_codes_have_no_normalized_status) {
  BOOST_TEST(normalizeStatus(StatusCodeList::x12, "AG", std::nullopt).has(ProblemCode::unmapped_status_code));
  BOOST_TEST(normalizeStatus(StatusCodeList::x12, "ZZ", std::nullopt).has(ProblemCode::unmapped_status_code));
  BOOST_TEST(normalizeStatus(StatusCodeList::edifact, "6", std::nullopt).has(ProblemCode::unmapped_status_code));
  BOOST_TEST(normalizeStatus(StatusCodeList::afterflow, "planned", std::nullopt).has(ProblemCode::unmapped_status_code));
  BOOST_TEST((mapped(StatusCodeList::afterflow, "out_for_delivery") == ShipmentStatus::out_for_delivery));
}

BOOST_AUTO_TEST_CASE(only_iso_utc_timestamps_with_milliseconds_and_real_dates_are_stored_timestamps) {
  BOOST_TEST(isStoredTimestamp("2026-10-01T08:30:00.000Z"));
  BOOST_TEST(isStoredTimestamp("2028-02-29T23:59:59.999Z"));
  BOOST_TEST(!isStoredTimestamp("2026-02-29T00:00:00.000Z"));
  BOOST_TEST(!isStoredTimestamp("2026-10-01"));
  BOOST_TEST(!isStoredTimestamp("2026-10-01T08:30:00Z"));
  BOOST_TEST(!isStoredTimestamp("2026-10-01 08:30:00.000Z"));
  BOOST_TEST(!isStoredTimestamp("2026-13-01T08:30:00.000Z"));
  BOOST_TEST(!isStoredTimestamp("2026-10-01T24:00:00.000Z"));
}

BOOST_AUTO_TEST_SUITE_END()
