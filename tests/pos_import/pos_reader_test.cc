// The POS readers on their own, without the importer and its database: what they hand their
// sink for inputs the fuzz targets (tests/fuzz) found mishandled.
#include "pos_import/csv_mapping.h"
#include "pos_import/csv_reader.h"
#include "pos_import/poslog_reader.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

namespace {

// Keeps what a reader hands over.
struct RecordingSink : pos_import::SaleSink {
  std::vector<crm::Sale> sales;
  std::vector<pos_import::Reject> rejects;
  std::vector<std::uint64_t> progressReports;

  void sale(crm::Sale&& sale, std::string) override { sales.push_back(std::move(sale)); }
  void reject(pos_import::Reject reject) override { rejects.push_back(std::move(reject)); }
  void skipped() override {}
  void header(const std::string&) override {}
  void progress(std::uint64_t bytesRead) override { progressReports.push_back(bytesRead); }
};

struct ReaderFixture {
  test_support::TemporaryDirectory directory;

  std::string write(const std::string& name, const std::string& content) {
    const std::string path = directory.file(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
};

const std::string kPosLogHead = "<?xml version=\"1.0\"?>\n<POSLog xmlns=\"http://www.nrf-arts.org/IXRetail/namespace/\">\n";

// One POSLog transaction of store 1 on 2026-03-01 holding `lineItems`.
std::string posLog(const std::string& lineItems) {
  return kPosLogHead +
         "<Transaction><RetailStoreID>1</RetailStoreID><SequenceNumber>7</SequenceNumber>"
         "<BusinessDayDate>2026-03-01</BusinessDayDate><RetailTransaction>" +
         lineItems + "</RetailTransaction></Transaction></POSLog>\n";
}

std::string saleItem(const std::string& sku, const std::string& quantity, const std::string& unitPrice) {
  return "<LineItem><Sale><ItemID>" + sku + "</ItemID><Quantity>" + quantity + "</Quantity><ActualSalesUnitPrice>" +
         unitPrice + "</ActualSalesUnitPrice></Sale></LineItem>";
}

const std::string kVendorA = "store,business_day,receipt,sku,qty,amount\n";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(pos_readers, ReaderFixture)

// tests/fuzz/crashes/poslog-progress-undecodable: libxml2 gives -1 for the bytes consumed once
// it cannot decode the file, which was reported as 2^64 - 1 bytes read.
BOOST_AUTO_TEST_CASE(a_poslog_that_cannot_be_decoded_reports_no_progress_beyond_the_file) {
  const std::string content = "<?xml encoding=\"UTF7\"><I<r>7<I>7<I";
  RecordingSink sink;
  pos_import::readPosLog(write("undecodable.xml", content), sink);
  BOOST_REQUIRE(!sink.progressReports.empty());
  for (std::uint64_t bytes : sink.progressReports) BOOST_TEST(bytes <= content.size());
  BOOST_TEST(sink.sales.empty());
}

// tests/fuzz/crashes/poslog-amount-beyond-int64: the amount of a line without ExtendedAmount
// was the double product converted to an integer, undefined when it does not fit.
BOOST_AUTO_TEST_CASE(a_poslog_line_whose_quantity_times_price_is_beyond_any_amount_is_rejected) {
  RecordingSink sink;
  pos_import::readPosLog(write("huge.xml", posLog(saleItem("A", "1e300", "2.00"))), sink);
  BOOST_TEST(sink.sales.empty());
  BOOST_REQUIRE_EQUAL(sink.rejects.size(), 1u);
  BOOST_TEST(sink.rejects[0].reason == "LineItem[1]: Quantity '1e300' at '2.00' is beyond any amount");
}

BOOST_AUTO_TEST_CASE(a_poslog_line_amount_from_quantity_and_price_is_rounded_to_the_cent) {
  RecordingSink sink;
  // 0.29 x 100 is 28.999... in binary floating point: cut, it was 28 cents.
  pos_import::readPosLog(write("weighed.xml", posLog(saleItem("A", "0.29", "1.00") + saleItem("B", "-0.29", "1.00"))),
                         sink);
  BOOST_REQUIRE_EQUAL(sink.sales.size(), 1u);
  BOOST_TEST(sink.sales[0].lines[0].amountCents == 29);
  BOOST_TEST(sink.sales[0].lines[1].amountCents == -29);
}

// tests/fuzz/crashes/poslog-total-overflow: the lines' amounts were summed without a bound.
BOOST_AUTO_TEST_CASE(a_poslog_transaction_whose_lines_add_up_beyond_any_amount_is_rejected) {
  std::string items;
  for (int i = 0; i < 11; ++i) {
    items += "<LineItem><Sale><ItemID>A</ItemID><ExtendedAmount>9000000000000000.00</ExtendedAmount></Sale></LineItem>";
  }
  RecordingSink sink;
  pos_import::readPosLog(write("sum.xml", posLog(items)), sink);
  BOOST_TEST(sink.sales.empty());
  BOOST_REQUIRE_EQUAL(sink.rejects.size(), 1u);
  BOOST_TEST(sink.rejects[0].reason == "LineItem[3]: the lines' amounts add up beyond any amount");
}

// tests/fuzz/crashes/pos_csv-total-overflow: the same in a CSV export, whose rows go together.
BOOST_AUTO_TEST_CASE(a_csv_transaction_whose_rows_add_up_beyond_any_amount_is_rejected_with_all_its_rows) {
  std::string rows = kVendorA;
  for (int i = 0; i < 11; ++i) rows += "S1,2026-03-01,R-1,SKU-" + std::to_string(i) + ",1,9000000000000000.00\n";
  rows += "S1,2026-03-01,R-2,SKU-1,1,1.00\n";
  const auto mapping = pos_import::parseCsvMapping(
      "[columns]\nstore = store\nbusiness_day = business_day\ntransaction = receipt\nsku = sku\nquantity = qty\n"
      "amount = amount\n",
      "test.ini");
  BOOST_REQUIRE(mapping.mapping);
  RecordingSink sink;
  pos_import::readCsv(write("sum.csv", rows), *mapping.mapping, sink);
  BOOST_REQUIRE_EQUAL(sink.sales.size(), 1u);
  BOOST_TEST(sink.sales[0].totalCents == 100);
  BOOST_REQUIRE_EQUAL(sink.rejects.size(), 11u);
  BOOST_TEST(sink.rejects[2].location == "line 4");
  BOOST_TEST(sink.rejects[2].reason == "the transaction's amounts add up beyond any amount");
}

BOOST_AUTO_TEST_SUITE_END()
