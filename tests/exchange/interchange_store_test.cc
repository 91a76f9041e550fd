#include "exchange/interchange_header.h"
#include "exchange/interchange_store.h"

#include "tests/exchange/exchange_fixture.h"

#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>

using namespace exchange;
using exchange_test::fixture;

namespace {

std::string readAll(edi::ByteSource& source) {
  std::string bytes, buffer(1000, '\0');  // a small buffer: reads cross chunk boundaries
  while (const std::size_t n = source.read(buffer.data(), buffer.size())) bytes.append(buffer, 0, n);
  return bytes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(interchange_store)

BOOST_AUTO_TEST_CASE(kept_bytes_read_back_unchanged_across_chunks) {
  test_support::TestDatabase test;
  InterchangeStore store(test.migrated());
  std::string bytes;
  for (int i = 0; i < 700000; ++i) bytes += static_cast<char>((i * 131) % 256);  // NULs and high bytes, 3 chunks
  const KeepOutcome kept = store.keepBytes(Direction::outbound, std::nullopt, bytes, "blob.bin");
  BOOST_REQUIRE(!kept.duplicate);
  const auto source = store.open(kept.id);
  BOOST_TEST((readAll(*source) == bytes));
  const auto record = store.find(kept.id);
  BOOST_REQUIRE(record.has_value());
  BOOST_TEST(record->byteCount == 700000);
  BOOST_TEST(record->status == InterchangeStatus::sent);
  BOOST_TEST(record->header.standard == "unknown");
  BOOST_TEST(record->sha256.size() == 64u);
}

BOOST_AUTO_TEST_CASE(the_envelope_is_read_from_x12_and_edifact_files) {
  edi::FileByteSource x12(fixture("client_856.edi"));
  const InterchangeHeader a = readInterchangeHeader(x12);
  BOOST_TEST(a.standard == "x12");
  BOOST_TEST(a.senderId == "ZZ:ACMEPARTS");
  BOOST_TEST(a.receiverId == "ZZ:AFTERFLOW");
  BOOST_TEST(a.controlNumber == "000000501");
  BOOST_TEST(a.version == "00401");
  edi::FileByteSource edifact(fixture("client_desadv.edi"));
  const InterchangeHeader b = readInterchangeHeader(edifact);
  BOOST_TEST(b.standard == "edifact");
  BOOST_TEST(b.senderId == "14:4000000000001");
  BOOST_TEST(b.controlNumber == "DES77");
  edi::MemoryByteSource text("name,weight\nA,1\n");
  BOOST_TEST(readInterchangeHeader(text).standard == "unknown");
}

BOOST_AUTO_TEST_CASE(diagnostics_are_kept_with_their_locations_and_replaced_on_each_validation) {
  test_support::TestDatabase test;
  InterchangeStore store(test.migrated());
  const KeepOutcome kept = store.keepFile(Direction::inbound, std::nullopt, fixture("client_856.edi"), "x.edi");
  edi::Diagnostics first;
  edi::Location where;
  where.line = 36;
  where.interchange = 1;
  where.group = 1;
  where.message = 2;
  where.segmentInMessage = 11;
  where.tag = "N4";
  where.element = 2;
  first.error("element.too-long", "N402 too long", where);
  first.warning("layout.line-breaks", "line breaks", {});
  store.recordDiagnostics(kept.id, first);
  auto back = store.diagnostics(kept.id);
  BOOST_REQUIRE(back.size() == 2u);
  BOOST_TEST(back[0].code == "element.too-long");
  BOOST_TEST(back[0].where.line == 36u);
  BOOST_TEST(back[0].where.message == 2u);
  BOOST_TEST(back[0].where.segmentInMessage == 11u);
  BOOST_TEST(back[0].where.tag == "N4");
  BOOST_TEST(back[0].where.element == 2u);
  BOOST_TEST((back[1].severity == edi::Severity::warning));
  store.recordDiagnostics(kept.id, edi::Diagnostics());
  BOOST_TEST(store.diagnostics(kept.id).empty());
}

BOOST_AUTO_TEST_SUITE_END()
