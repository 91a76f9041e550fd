#include "csv/utf8.h"

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(validation_refuses_broken_sequences_surrogates_and_nul) {
  BOOST_TEST(csv::isValidUtf8Text("plain ascii text, long enough for the fast path"));
  BOOST_TEST(csv::isValidUtf8Text("Zoë Müller – 東京 🚚"));
  BOOST_TEST(!csv::isValidUtf8Text("Latin-1 \xE9t\xE9"));
  BOOST_TEST(!csv::isValidUtf8Text("\xC0\xAF"));          // overlong '/'
  BOOST_TEST(!csv::isValidUtf8Text("\xED\xA0\x80"));      // a surrogate
  BOOST_TEST(!csv::isValidUtf8Text(std::string_view("a\0b", 3)));
  BOOST_TEST(!csv::isValidUtf8Text("truncated \xE6\x9D"));
}

BOOST_AUTO_TEST_CASE(the_valid_prefix_ends_at_the_first_bad_byte_inside_or_after_the_fast_path) {
  BOOST_TEST(csv::validUtf8TextPrefix("") == 0u);
  BOOST_TEST(csv::validUtf8TextPrefix("Zoë") == 4u);
  BOOST_TEST(csv::validUtf8TextPrefix("\xE9t\xE9") == 0u);
  BOOST_TEST(csv::validUtf8TextPrefix("abcdefghijk\xE9lmnopqrstuvw") == 11u);  // past one 8-byte step
  BOOST_TEST(csv::validUtf8TextPrefix(std::string_view("abcdefgh\0", 9)) == 8u);
  BOOST_TEST(csv::validUtf8TextPrefix("ok \xE6\x9D") == 3u);  // a sequence cut short
}

BOOST_AUTO_TEST_CASE(escaping_writes_each_bad_byte_as_hex_and_keeps_good_text_as_it_is) {
  BOOST_TEST(csv::escapeInvalidUtf8("Zoë Müller – 東京") == "Zoë Müller – 東京");
  BOOST_TEST(csv::escapeInvalidUtf8("Caf\xE9 M\xFCller") == "Caf\\xE9 M\\xFCller");
  BOOST_TEST(csv::escapeInvalidUtf8(std::string_view("a\0b", 3)) == "a\\x00b");
  // A lead byte without its continuation is one bad byte; the text after it is read again.
  BOOST_TEST(csv::escapeInvalidUtf8("\xE6\x9D" "ok") == "\\xE6\\x9Dok");
  BOOST_TEST(csv::escapeInvalidUtf8("\xE9\xC3\xA9") == "\\xE9é");
  BOOST_TEST(csv::isValidUtf8Text(csv::escapeInvalidUtf8("\xFF\xFE\xC0\xAF\xED\xA0\x80 tail")));
}

BOOST_AUTO_TEST_SUITE_END()
