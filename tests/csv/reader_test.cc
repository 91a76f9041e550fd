#include "csv/reader.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

namespace {

struct Read {
  std::uint64_t line;
  std::vector<std::string> fields;
  std::string raw;
  std::optional<std::string> error;
};

std::vector<Read> readAll(const std::string& text, std::size_t maxRecordBytes = 64u << 20) {
  std::istringstream in(text);
  csv::Reader reader(in, maxRecordBytes);
  csv::Record record;
  std::vector<Read> records;
  while (reader.next(record)) {
    records.push_back({record.line, {record.fields.begin(), record.fields.end()}, std::string(record.raw), record.error});
  }
  return records;
}

using Fields = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(plain_records_split_at_commas_and_line_breaks) {
  const auto records = readAll("a,b,c\n1,,3\n");
  BOOST_REQUIRE_EQUAL(records.size(), 2u);
  BOOST_TEST(records[0].fields == (Fields{"a", "b", "c"}));
  BOOST_TEST(records[1].fields == (Fields{"1", "", "3"}));
  BOOST_TEST(records[1].line == 2u);
  BOOST_TEST(records[1].raw == "1,,3");
}

BOOST_AUTO_TEST_CASE(quoted_fields_keep_commas_doubled_quotes_and_line_breaks) {
  const auto records = readAll("goods,n\r\n\"Washers, 60 cm\",1\r\n\"Display 55\"\" TV\",2\r\n\"two\r\nlines\",3\r\nlast,4");
  BOOST_REQUIRE_EQUAL(records.size(), 5u);
  BOOST_TEST(records[1].fields == (Fields{"Washers, 60 cm", "1"}));
  BOOST_TEST(records[2].fields == (Fields{"Display 55\" TV", "2"}));
  BOOST_TEST(records[3].fields == (Fields{"two\r\nlines", "3"}));
  BOOST_TEST(records[3].line == 4u);
  BOOST_TEST(records[3].raw == "\"two\r\nlines\",3");
  // The record after a value with a line break starts a line later than it would otherwise.
  BOOST_TEST(readAll("x\n\"a\nb\"\nafter\n").back().line == 4u);
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_is_skipped_and_blank_lines_are_not_records) {
  const auto records = readAll("\xEF\xBB\xBFid,name\n\n1,Zoë\n\n");
  BOOST_REQUIRE_EQUAL(records.size(), 2u);
  BOOST_TEST(records[0].fields == (Fields{"id", "name"}));
  BOOST_TEST(records[1].fields == (Fields{"1", "Zoë"}));
  BOOST_TEST(records[1].line == 3u);
}

BOOST_AUTO_TEST_CASE(empty_quoted_values_and_a_trailing_empty_value_are_values) {
  const auto records = readAll("\"\",a,\n");
  BOOST_REQUIRE_EQUAL(records.size(), 1u);
  BOOST_TEST(records[0].fields == (Fields{"", "a", ""}));
}

BOOST_AUTO_TEST_CASE(a_quote_left_open_is_an_error_of_its_record_naming_the_value) {
  const auto records = readAll("a,b\n1,\"never closed\n2,3\n");
  BOOST_REQUIRE_EQUAL(records.size(), 2u);
  BOOST_REQUIRE(records[1].error.has_value());
  BOOST_TEST(*records[1].error == "value 2 opens a quote that is never closed");
  BOOST_TEST(records[1].line == 2u);
}

BOOST_AUTO_TEST_CASE(text_after_a_closing_quote_breaks_only_its_own_record) {
  const auto records = readAll("\"a\"x,b\nc,d\n");
  BOOST_REQUIRE_EQUAL(records.size(), 2u);
  BOOST_REQUIRE(records[0].error.has_value());
  BOOST_TEST(*records[0].error == "value 1 has text after its closing quote");
  BOOST_TEST(records[0].raw == "\"a\"x,b");
  BOOST_TEST(!records[1].error.has_value());
  BOOST_TEST(records[1].fields == (Fields{"c", "d"}));
  BOOST_TEST(records[1].line == 2u);
}

BOOST_AUTO_TEST_CASE(a_quote_inside_an_unquoted_value_is_kept_as_it_stands) {
  const auto records = readAll("12\" pipe,1\n");
  BOOST_TEST(records.at(0).fields == (Fields{"12\" pipe", "1"}));
  BOOST_TEST(!records.at(0).error.has_value());
}

BOOST_AUTO_TEST_CASE(records_across_buffer_refills_read_the_same_as_small_ones) {
  // Many records, one with a quoted value far longer than the reader's first buffer (1 MiB).
  std::string text = "id,text\n";
  std::vector<std::string> expected;
  for (int i = 0; i < 50000; ++i) {
    std::string value = "value \"" + std::to_string(i) + "\", with comma";
    if (i == 25000) value += std::string(3u << 20, 'x') + "\nline";
    expected.push_back(value);
    std::string escaped;
    for (char c : value) escaped += c == '"' ? std::string("\"\"") : std::string(1, c);
    text += std::to_string(i) + ",\"" + escaped + "\"\n";
  }
  const auto records = readAll(text);
  BOOST_REQUIRE_EQUAL(records.size(), 50001u);
  for (int i = 0; i < 50000; ++i) {
    BOOST_REQUIRE(records[static_cast<std::size_t>(i) + 1].fields == (Fields{std::to_string(i), expected[static_cast<std::size_t>(i)]}));
  }
  BOOST_TEST(records.back().line == 50002u);  // one line break inside a value
}

BOOST_AUTO_TEST_CASE(a_record_past_the_size_limit_stops_the_reader_with_a_reason) {
  std::istringstream in("a\n\"" + std::string(3u << 20, 'x'));
  csv::Reader reader(in, 1u << 20);
  csv::Record record;
  BOOST_TEST(reader.next(record));
  BOOST_TEST(!reader.next(record));
  BOOST_REQUIRE(reader.fatalError().has_value());
  BOOST_TEST(reader.fatalError()->find("line 2: a record longer than 1 MiB") == 0u, *reader.fatalError());
}

BOOST_AUTO_TEST_SUITE_END()
