#include "pos_import/pos_importer.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace {

// A POSLog of `transactions` sales, two lines each, every tenth with a loyalty card.
void writePosLog(const std::string& path, int transactions) {
  std::ofstream out(path);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<POSLog xmlns=\"http://www.nrf-arts.org/IXRetail/namespace/\">\n";
  for (int i = 1; i <= transactions; ++i) {
    out << "<Transaction><BusinessUnit><UnitID>S" << (i % 50) << "</UnitID></BusinessUnit><WorkstationID>" << (i % 7)
        << "</WorkstationID><SequenceNumber>" << i << "</SequenceNumber><BusinessDayDate>2026-04-"
        << (10 + i % 20) << "</BusinessDayDate><EndDateTime>2026-04-" << (10 + i % 20)
        << "T10:00:00Z</EndDateTime><CurrencyCode>EUR</CurrencyCode><RetailTransaction>"
        << "<LineItem><Sale><ItemID>SKU-" << (i % 500) << "</ItemID><Description>Item number " << i
        << " with a description long enough to matter</Description><Quantity>1</Quantity><ExtendedAmount>19.99"
        << "</ExtendedAmount></Sale></LineItem><LineItem><Sale><ItemID>SKU-" << (i % 300)
        << "</ItemID><Quantity>2</Quantity><ExtendedAmount>5.00</ExtendedAmount></Sale></LineItem>";
    if (i % 10 == 0) out << "<LoyaltyAccount><LoyaltyAccountID>L" << (i % 40) << "</LoyaltyAccountID></LoyaltyAccount>";
    out << "</RetailTransaction></Transaction>\n";
  }
  out << "</POSLog>\n";
}

// Peak resident memory of this process so far, in kB.
long peakRssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(poslog_streaming)

BOOST_AUTO_TEST_CASE(a_poslog_ten_times_larger_does_not_take_more_memory_to_import) {
  test_support::TestDatabase test;
  test_support::TemporaryDirectory directory;
  store::Database& database = test.migrated();
  const std::string small = directory.file("small.xml"), large = directory.file("large.xml");
  writePosLog(small, 4000);
  writePosLog(large, 40000);
  pos_import::ImportOptions options;
  options.batchSize = 2000;  // what is held in memory at once, whatever the file size

  const pos_import::ImportSummary first = pos_import::importPosFile(database, small, options);
  BOOST_TEST(first.imported == 4000u);
  const long afterSmall = peakRssKb();
  const pos_import::ImportSummary second = pos_import::importPosFile(database, large, options);
  BOOST_TEST(second.imported == 36000u);  // the small file's 4000 were there already
  BOOST_TEST(second.alreadyKnown == 4000u);
  const long afterLarge = peakRssKb();
  BOOST_TEST_MESSAGE("peak RSS after 4,000 transactions: " << afterSmall << " kB; after 40,000 more: " << afterLarge
                                                           << " kB; file sizes " << std::ifstream(small, std::ios::ate).tellg()
                                                           << " and " << std::ifstream(large, std::ios::ate).tellg());
  // The large file is ~10 MB more than the small one; streaming keeps the growth to a few MB
  // (SQLite's page cache, allocator slack), where a DOM of it would add tens of MB.
  BOOST_TEST(afterLarge - afterSmall < 8 * 1024, "peak RSS grew by " << (afterLarge - afterSmall) << " kB");
}

BOOST_AUTO_TEST_SUITE_END()
