#include "pos_import/pos_import_runs.h"
#include "pos_import/pos_importer.h"
#include "tests/support/test_database.h"

#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

using namespace pos_import;
using namespace Poco::Data::Keywords;

namespace {

const std::string kFixtures = AFTERFLOW_POS_FIXTURES;
const std::string kMappings = AFTERFLOW_POS_MAPPINGS;

std::string bytesOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  BOOST_REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

struct RejectsFixture {
  test_support::TestDatabase test;
  store::Database& database = test.migrated();
  PosImportRuns runs{database};

  ImportSummary import(const std::string& path, std::optional<std::string> mapping = std::nullopt) {
    ImportOptions options;
    if (mapping) options.mappingPath = kMappings + "/" + *mapping;
    ImportSummary summary = importPosFile(database, path, options);
    BOOST_REQUIRE_MESSAGE(summary.ok(), (summary.problems.empty() ? std::string() : summary.problems.front()));
    return summary;
  }
  std::vector<StoredReject> rejects(const ImportSummary& summary) { return runs.rejects(summary.runId, 0, 100); }
  std::int64_t sales() {
    Poco::Data::Session session = database.session();
    std::int64_t n = 0;
    session << "SELECT COUNT(*) FROM sale", into(n), now;
    return n;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(pos_import_rejects)

BOOST_AUTO_TEST_CASE(a_rejected_poslog_transaction_keeps_its_element_as_it_stood) {
  RejectsFixture f;
  const auto rejects = f.rejects(f.import(kFixtures + "/poslog_v6.xml"));
  BOOST_REQUIRE(rejects.size() == 1u);
  const std::string& raw = rejects[0].raw;
  BOOST_TEST(raw.rfind("<Transaction", 0) == 0u, raw);
  BOOST_TEST(raw.find("<SequenceNumber>2002</SequenceNumber>") != std::string::npos, raw);
  BOOST_TEST(raw.find("<Sale><Description>No item id</Description><ExtendedAmount>5.00</ExtendedAmount></Sale>") !=
                 std::string::npos,
             raw);
  BOOST_TEST(raw.find("1001") == std::string::npos, raw);  // that element alone, not its neighbours
  BOOST_TEST(raw.substr(raw.size() - 14) == "</Transaction>", raw);
  BOOST_TEST(rejects[0].readable == raw);
}

BOOST_AUTO_TEST_CASE(a_poslog_transaction_the_ledger_would_refuse_is_rejected_while_reading_with_its_element) {
  RejectsFixture f;
  const ImportSummary s = f.import(kFixtures + "/poslog_refused.xml");
  BOOST_TEST(s.imported == 1u);
  BOOST_TEST(s.rejected == 1u);
  const auto rejects = f.rejects(s);
  BOOST_REQUIRE(rejects.size() == 1u);
  BOOST_TEST(rejects[0].location.find("/POSLog/Transaction[1] (line 3)") != std::string::npos, rejects[0].location);
  BOOST_TEST(rejects[0].reason.find("serial number WM800-SN-3001 on a line of 2") != std::string::npos,
             rejects[0].reason);
  BOOST_TEST(rejects[0].raw.find("<SequenceNumber>3001</SequenceNumber>") != std::string::npos, rejects[0].raw);
  BOOST_TEST(rejects[0].raw.find("3002") == std::string::npos, rejects[0].raw);
}

BOOST_AUTO_TEST_CASE(each_error_of_an_invalid_interchange_keeps_the_segments_it_names) {
  RejectsFixture f;
  const auto rejects = f.rejects(f.import(kFixtures + "/invalid_852.x12"));
  BOOST_REQUIRE(rejects.size() == 1u);
  // The count in SE is wrong: the reject keeps the message it counts, from ST to SE.
  BOOST_TEST(rejects[0].reason.find("message.count-mismatch") != std::string::npos, rejects[0].reason);
  const std::string& raw = rejects[0].raw;
  BOOST_TEST(raw.rfind("ST*852*0001~\nXQ*H*20260222*20260228~\n", 0) == 0u, raw);
  BOOST_TEST(raw.substr(raw.size() - 40) == "SDQ*EA*92*ST-008*4*ST-009*6~\nSE*99*0001~", raw);
  BOOST_TEST(raw.find("GS*") == std::string::npos, raw);
}

BOOST_AUTO_TEST_CASE(an_852_quantity_without_a_store_is_rejected_with_its_segment_and_the_store_splits_import) {
  RejectsFixture f;
  const ImportSummary s = f.import(kFixtures + "/sales_852_no_store.x12");
  BOOST_TEST(s.imported == 2u);  // FLT-20 at ST-008 and ST-009, from the SDQ
  const auto rejects = f.rejects(s);
  BOOST_REQUIRE(rejects.size() == 1u);
  BOOST_TEST(rejects[0].reason.find("no store") != std::string::npos, rejects[0].reason);
  BOOST_TEST(rejects[0].location.find("segment 7 ZA") != std::string::npos, rejects[0].location);
  BOOST_TEST(rejects[0].raw == "ZA*QS*3*EA~");
}

BOOST_AUTO_TEST_CASE(an_852_quantity_whose_amount_at_its_price_is_beyond_any_amount_is_rejected_and_the_rest_imports) {
  RejectsFixture f;
  const ImportSummary s = f.import(kFixtures + "/sales_852_beyond.x12");
  BOOST_TEST(s.imported == 1u);  // FLT-20
  const auto rejects = f.rejects(s);
  BOOST_REQUIRE(rejects.size() == 1u);
  BOOST_TEST(rejects[0].reason == "quantity times price is beyond any amount");
  BOOST_TEST(rejects[0].raw == "ZA*QS*999999999*EA~");
}

BOOST_AUTO_TEST_CASE(an_slsrpt_sale_the_ledger_would_refuse_is_rejected_while_reading_with_its_quantity_segment) {
  RejectsFixture f;
  const ImportSummary s = f.import(kFixtures + "/sales_slsrpt_bad_currency.edi");
  BOOST_TEST(s.imported == 0u);
  const auto rejects = f.rejects(s);
  BOOST_REQUIRE(rejects.size() == 2u);
  BOOST_TEST(rejects[0].reason == "refused: currency 'EU1' is not an ISO 4217 code");
  BOOST_TEST(rejects[0].raw == "QTY+153:2'");
  BOOST_TEST(rejects[1].raw == "QTY+153:-1'");
}

BOOST_AUTO_TEST_CASE(a_csv_transaction_the_ledger_would_refuse_is_rejected_while_reading_row_by_row) {
  RejectsFixture f;
  const ImportSummary s = f.import(kFixtures + "/vendor_a_refused.csv", "vendor-a.ini");
  BOOST_TEST(s.imported == 1u);
  BOOST_TEST(s.rejected == 2u);  // both rows of R-400
  const auto rejects = f.rejects(s);
  BOOST_REQUIRE(rejects.size() == 2u);
  BOOST_TEST(rejects[0].location == "line 2");
  BOOST_TEST(rejects[1].location == "line 3");
  for (const StoredReject& reject : rejects) {
    BOOST_TEST(reject.reason.find("transaction csv:STORE-7|2026-03-04|2|R-400 refused: line 1: serial number "
                                  "WM800-SN-0400") != std::string::npos,
               reject.reason);
  }
  BOOST_TEST(rejects[0].raw ==
             "STORE-7,2026-03-04,2,R-400,2026-03-04 09:00:00,WM-800,Washer,2,998.00,EUR,,,,WM800-SN-0400,SALE,,");
  BOOST_TEST(rejects[1].raw == "STORE-7,2026-03-04,2,R-400,2026-03-04 09:00:00,FLT-20,Filter,1,12.50,EUR,,,,,SALE,,");
}

BOOST_AUTO_TEST_CASE(a_latin1_run_keeps_its_header_and_rejected_rows_as_bytes_and_shows_them_decoded) {
  RejectsFixture f;
  const ImportSummary s = f.import(kFixtures + "/vendor_b_latin1_rejects.csv", "vendor-b.ini");
  BOOST_TEST(s.imported == 1u);  // 4712
  const auto rejects = f.rejects(s);
  BOOST_REQUIRE(rejects.size() == 2u);  // both rows of 4711
  BOOST_TEST(rejects[1].reason == "amount 'zw\xC3\xB6lf' is not an amount");
  BOOST_TEST(rejects[0].raw.find("\"Trockner \"\"\xD6ko\"\", 7 kg\"") != std::string::npos);
  BOOST_TEST(rejects[0].readable.find("\"Trockner \"\"\xC3\x96ko\"\", 7 kg\"") != std::string::npos,
             rejects[0].readable);
  BOOST_TEST(rejects[1].raw == "\"M\xFCnchen 1\";01.03.2026;1;4711;09:15;FLT-20;\"Filter\nmit Zeilenumbruch\";2;"
                               "zw\xF6lf;;;089 123456;;V;;");
  const auto run = f.runs.find(s.runId);
  BOOST_REQUIRE(run.has_value());
  BOOST_TEST(run->header.value_or("").find("Notiz f\xFCr Filiale") != std::string::npos);
  BOOST_TEST(run->mappingFile.value_or("").find("vendor-b.ini") != std::string::npos);
}

// The rejects file is the original's header and refused records, byte for byte; fixed, it
// imports exactly the transactions refused before.
BOOST_AUTO_TEST_CASE(refused_rows_written_out_fixed_and_imported_again_bring_exactly_the_refused_transactions) {
  RejectsFixture f;
  const std::string original = bytesOf(kFixtures + "/vendor_b_latin1_rejects.csv");
  const ImportSummary first = f.import(kFixtures + "/vendor_b_latin1_rejects.csv", "vendor-b.ini");
  std::ostringstream written;
  BOOST_TEST(f.runs.writeRejectedRows(*f.runs.find(first.runId), written) == 2u);
  BOOST_TEST(written.str() == original.substr(0, original.find("\"M\xFCnchen 1\";02.03.2026")));

  Poco::TemporaryFile fixed;
  std::ofstream(fixed.path(), std::ios::binary) << replaced(written.str(), "zw\xF6lf", "25,00");
  const ImportSummary again = f.import(fixed.path(), "vendor-b.ini");
  BOOST_TEST(again.imported == 1u);
  BOOST_TEST(again.alreadyKnown == 0u);
  BOOST_TEST(again.rejected == 0u);
  BOOST_TEST(f.sales() == 2);
  BOOST_TEST(f.runs.find(again.runId)->rejected == 0);
}

BOOST_AUTO_TEST_CASE(runs_are_listed_newest_first_and_only_a_csv_run_writes_rows) {
  RejectsFixture f;
  const ImportSummary csv = f.import(kFixtures + "/vendor_a_rejects.csv", "vendor-a.ini");
  const ImportSummary xml = f.import(kFixtures + "/poslog_v6.xml");
  const auto runs = f.runs.list(10);
  BOOST_REQUIRE(runs.size() == 2u);
  BOOST_TEST(runs[0].id == xml.runId);
  BOOST_TEST(runs[0].format == "poslog");
  BOOST_TEST(!runs[0].header.has_value());
  BOOST_TEST(runs[1].id == csv.runId);
  BOOST_TEST(runs[1].rejected == 4);
  BOOST_TEST(runs[1].imported == 1);
  BOOST_TEST(runs[1].status == "done");
  std::ostringstream out;
  BOOST_TEST(f.runs.writeRejectedRows(runs[0], out) == 0u);
  BOOST_TEST(out.str().empty());
}

BOOST_AUTO_TEST_SUITE_END()
