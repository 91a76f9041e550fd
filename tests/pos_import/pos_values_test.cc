#include "pos_import/csv_mapping.h"
#include "pos_import/pos_format.h"
#include "pos_import/pos_values.h"

#include <boost/test/unit_test.hpp>

using namespace pos_import;

BOOST_AUTO_TEST_SUITE(pos_values)

BOOST_AUTO_TEST_CASE(amounts_with_a_decimal_comma_or_point_become_exact_cents) {
  BOOST_TEST(parseCents("1.299,00", true).value_or(0) == 129900);
  BOOST_TEST(parseCents("1,299.00", false).value_or(0) == 129900);
  BOOST_TEST(parseCents("12,5", true).value_or(0) == 1250);
  BOOST_TEST(parseCents("-0.99", false).value_or(0) == -99);
  BOOST_TEST(parseCents("12,50-", true).value_or(0) == -1250);
  BOOST_TEST(!parseCents("twelve", false));
  BOOST_TEST(!parseCents("1.999", false));  // a third decimal would be lost
  BOOST_TEST(parseQuantity("0,5", true).value_or(0) == 0.5);
}

BOOST_AUTO_TEST_CASE(dates_and_times_in_a_files_layout_become_iso) {
  BOOST_TEST(parseDateTime("01.03.2026", "%d.%m.%Y")->day10() == "2026-03-01");
  BOOST_TEST(parseDateTime("2026-03-01 9:05:00", "%Y-%m-%d %H:%M:%S")->isoTimestamp() == "2026-03-01T09:05:00.000Z");
  BOOST_TEST(!parseDateTime("2026-02-30", "%Y-%m-%d"));
  BOOST_TEST(parseDateTime("09:15", "%H:%M")->hour == 9);
  BOOST_TEST(isoUtcFromXml("2026-03-02T10:15:30+01:00").value_or("") == "2026-03-02T09:15:30.000Z");
  BOOST_TEST(isoUtcFromXml("2026-03-02T10:15:30").value_or("") == "2026-03-02T10:15:30.000Z");
  BOOST_TEST(dayFromCompact("20260228").value_or("") == "2026-02-28");
}

BOOST_AUTO_TEST_CASE(latin1_text_becomes_utf8) {
  std::string out;
  appendLatin1AsUtf8(out, "M\xFCnchen");
  BOOST_TEST(out == "M\xC3\xBCnchen");
  BOOST_TEST(validUtf8(out));
  BOOST_TEST(!validUtf8("M\xFCnchen"));
}

BOOST_AUTO_TEST_CASE(a_mapping_with_mistakes_is_refused_with_each_line_named) {
  const MappingLoad load = parseCsvMapping("[format]\ndecimal = dot\n[columns]\nstor = A\nsku = B\n", "m.ini");
  BOOST_TEST(!load.mapping);
  BOOST_REQUIRE(load.problems.size() >= 3);
  BOOST_TEST(load.problems[0] == "m.ini:2: decimal is comma or point");
  BOOST_TEST(load.problems[1] == "m.ini:4: unknown column field 'stor'");
}

BOOST_AUTO_TEST_CASE(the_format_is_guessed_from_the_content) {
  const std::string fixtures = AFTERFLOW_POS_FIXTURES;
  BOOST_TEST((guessFormat(fixtures + "/poslog_ncr.xml") == PosFormat::poslog));
  BOOST_TEST((guessFormat(fixtures + "/sales_852.x12") == PosFormat::x12_852));
  BOOST_TEST((guessFormat(fixtures + "/sales_slsrpt.edi") == PosFormat::slsrpt));
  BOOST_TEST((guessFormat(fixtures + "/vendor_a.csv") == PosFormat::csv));
}

BOOST_AUTO_TEST_SUITE_END()
