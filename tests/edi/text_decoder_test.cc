#include "edi/byte_source.h"
#include "edi/diagnostic.h"
#include "edi/reader.h"
#include "edi/text_decoder.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace edi;

namespace {

// A decoder started on the first segment of `interchange`, as a caller reading it would.
struct Started {
  explicit Started(const std::string& interchange) : source(interchange), reader(source, diagnostics) {
    BOOST_REQUIRE(reader.next(header));
    decoder.startInterchange(header, reader.delimiters());
  }
  MemoryByteSource source;
  Diagnostics diagnostics;
  Reader reader;
  Segment header;
  TextDecoder decoder;
};

const std::string kIsa =
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*U*00401*000000101*0*P*>~";

std::string unb(const std::string& syntax) { return "UNB+" + syntax + "+SENDER:ZZ+RECEIVER:ZZ+20261101:1200+1'"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(text_decoder)

BOOST_AUTO_TEST_CASE(x12_keeps_utf8_and_reads_anything_else_as_latin1) {
  Started x12(kIsa);
  BOOST_TEST(x12.decoder.decode("MUNICH") == "MUNICH");
  BOOST_TEST(x12.decoder.decode("M\xDCNCHEN") == "MÜNCHEN");
  BOOST_TEST(x12.decoder.decode("MÜNCHEN") == "MÜNCHEN");
  BOOST_TEST(x12.decoder.decode(std::string("A\0B", 3)) == "A?B");
}

BOOST_AUTO_TEST_CASE(edifact_follows_the_character_set_its_header_declares) {
  Started unoc(unb("UNOC:3"));
  BOOST_TEST(unoc.decoder.decode("D\xD6" "BLING") == "DÖBLING");
  // Declared Latin-1: bytes that happen to read as UTF-8 are still Latin-1.
  BOOST_TEST(unoc.decoder.decode("\xC3\x96") == "Ã\xC2\x96");

  Started unoy(unb("UNOY:4"));
  BOOST_TEST(unoy.decoder.decode("DÖBLING") == "DÖBLING");
  BOOST_TEST(unoy.decoder.decode("D\xD6" "BLING") == "D?BLING");  // not UTF-8 though declared so

  Started unod(unb("UNOD:3"));  // ISO 8859-2
  BOOST_TEST(unod.decoder.decode("\xA3" "\xF3" "d\xBC") == "Łódź");
}

BOOST_AUTO_TEST_CASE(an_x12_interchange_after_an_edifact_one_is_read_as_x12_again) {
  Started mixed(unb("UNOC:3"));
  Segment isa;
  MemoryByteSource source(kIsa);
  Diagnostics diagnostics;
  Reader reader(source, diagnostics);
  BOOST_REQUIRE(reader.next(isa));
  mixed.decoder.startInterchange(isa, reader.delimiters());
  BOOST_TEST(mixed.decoder.decode("MÜNCHEN") == "MÜNCHEN");  // UNOC would have read it as Latin-1
  std::string value = "M\xDCNCHEN";
  mixed.decoder.decodeInPlace(value);
  BOOST_TEST(value == "MÜNCHEN");
}

BOOST_AUTO_TEST_SUITE_END()
