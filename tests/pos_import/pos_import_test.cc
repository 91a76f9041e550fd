#include "crm/customer_registry.h"
#include "crm/product_catalog.h"
#include "crm/sales_ledger.h"
#include "pos_import/pos_import_runs.h"
#include "pos_import/pos_importer.h"
#include "store/transaction.h"
#include "tests/support/test_database.h"

#include <Poco/Nullable.h>

#include <boost/test/unit_test.hpp>

using namespace pos_import;
using namespace Poco::Data::Keywords;

namespace {

const std::string kFixtures = AFTERFLOW_POS_FIXTURES;
const std::string kMappings = AFTERFLOW_POS_MAPPINGS;

template <typename T>
T scalar(store::Database& database, const std::string& sql) {
  Poco::Data::Session session = database.session();
  T value{};
  session << sql, into(value), now;
  return value;
}

std::int64_t count(store::Database& database, const std::string& sql) { return scalar<std::int64_t>(database, sql); }
std::string text(store::Database& database, const std::string& sql) { return scalar<std::string>(database, sql); }

// A migrated database with the catalog the fixtures sell from: the washer and the dryer carry
// serial numbers and warranties, the filter neither.
struct ImportFixture {
  test_support::TestDatabase test;
  store::Database& database = test.migrated();

  ImportFixture() {
    crm::ProductCatalog catalog(database);
    crm::Product washer;
    washer.sku = "WM-800";
    washer.name = "Washing machine WM-800";
    washer.serialized = true;
    washer.warrantyMonths = 24;
    catalog.add(washer);
    crm::Product dryer = washer;
    dryer.sku = "DRY-300";
    dryer.name = "Tumble dryer DRY-300";
    dryer.warrantyMonths = 36;
    catalog.add(dryer);
    crm::Product filter;
    filter.sku = "FLT-20";
    filter.name = "Filter cartridge";
    catalog.add(filter);
  }

  ImportSummary import(const std::string& fixture, std::optional<std::string> mapping = std::nullopt) {
    ImportOptions options;
    if (mapping) options.mappingPath = kMappings + "/" + *mapping;
    ImportSummary summary = importPosFile(database, kFixtures + "/" + fixture, options);
    BOOST_REQUIRE_MESSAGE(summary.ok(), (summary.problems.empty() ? std::string() : summary.problems.front()));
    return summary;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(pos_import_formats)

BOOST_AUTO_TEST_CASE(a_utf8_csv_export_imports_each_receipt_as_one_transaction_with_its_lines) {
  ImportFixture f;
  const ImportSummary s = f.import("vendor_a.csv", "vendor-a.ini");
  BOOST_TEST(s.transactions == 3u);
  BOOST_TEST(s.imported == 3u);
  BOOST_TEST(s.rejected == 0u);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale_line") == 4);
  BOOST_TEST(count(f.database, "SELECT total_cents FROM sale WHERE source_key = 'csv:STORE-7|2026-03-01|2|R-100'") == 52400);
  BOOST_TEST(text(f.database, "SELECT occurred_at FROM sale WHERE source_key LIKE '%R-101'") == "2026-03-01T10:00:00.000Z");
  // The return: negative line, its reason (with the quoted quotes) and what becomes of the goods.
  BOOST_TEST(text(f.database, "SELECT kind FROM sale WHERE source_key LIKE '%R-200'") == "return");
  BOOST_TEST(count(f.database, "SELECT l.amount_cents FROM sale_line l JOIN sale s ON s.sale_id = l.sale_id "
                               "WHERE s.source_key LIKE '%R-200'") == -49900);
  BOOST_TEST(text(f.database, "SELECT return_reason FROM sale_line WHERE return_reason IS NOT NULL") ==
             "Door seal leaks, \"badly\"");
  BOOST_TEST(text(f.database, "SELECT disposal_method FROM sale_line WHERE disposal_method IS NOT NULL") == "refurbish");
  BOOST_TEST(text(f.database, "SELECT status FROM installed_unit WHERE serial_number = 'WM800-SN-0100'") == "returned");
}

BOOST_AUTO_TEST_CASE(a_latin1_csv_with_decimal_comma_and_quoted_fields_imports_as_utf8) {
  ImportFixture f;
  const ImportSummary s = f.import("vendor_b_latin1.csv", "vendor-b.ini");
  BOOST_TEST(s.imported == 2u);
  BOOST_TEST(s.rejected == 0u);
  BOOST_TEST(text(f.database, "SELECT store_code FROM sale WHERE source_key LIKE '%4711'") == "M\xC3\xBCnchen 1");
  BOOST_TEST(text(f.database, "SELECT occurred_at FROM sale WHERE source_key LIKE '%4711'") == "2026-03-01T09:15:00.000Z");
  BOOST_TEST(text(f.database, "SELECT description FROM sale_line WHERE sku = 'DRY-300'") ==
             "Trockner \"\xC3\x96ko\", 7 kg");
  BOOST_TEST(text(f.database, "SELECT description FROM sale_line WHERE sku = 'FLT-20' AND quantity > 0") ==
             "Filter\nmit Zeilenumbruch");
  BOOST_TEST(count(f.database, "SELECT amount_cents FROM sale_line WHERE sku = 'DRY-300'") == 129900);
  BOOST_TEST(scalar<double>(f.database, "SELECT quantity FROM sale_line WHERE quantity < 0") == -0.5);
  BOOST_TEST(count(f.database, "SELECT amount_cents FROM sale_line WHERE quantity < 0") == -625);
  BOOST_TEST(count(f.database, "SELECT cost_cents FROM sale_line WHERE sku = 'DRY-300'") == 101050);
  BOOST_TEST(count(f.database, "SELECT cost_cents FROM sale_line WHERE quantity < 0") == -310);  // a return's cost comes back
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale_line WHERE sku = 'FLT-20' AND quantity > 0 AND cost_cents IS NULL") == 1);
  BOOST_TEST(text(f.database, "SELECT return_reason FROM sale_line WHERE quantity < 0") == "Falsche Gr\xC3\xB6\xC3\x9F" "e");
}

BOOST_AUTO_TEST_CASE(a_poslog_v6_file_imports_sales_and_a_return_with_disposal_reason_serial_and_loyalty_id) {
  ImportFixture f;
  const ImportSummary s = f.import("poslog_v6.xml");
  BOOST_TEST(s.imported == 2u);
  BOOST_TEST(s.skipped == 1u);  // the control transaction
  BOOST_TEST(s.rejected == 1u);  // the line without an item id
  const std::string sale = "(SELECT sale_id FROM sale WHERE source_key = 'poslog:STORE-42|3|2026-03-02|1001')";
  BOOST_TEST(text(f.database, "SELECT operator FROM sale WHERE sale_id = " + sale) == "17");
  BOOST_TEST(text(f.database, "SELECT occurred_at FROM sale WHERE sale_id = " + sale) == "2026-03-02T09:15:30.000Z");
  BOOST_TEST(text(f.database, "SELECT loyalty_id FROM sale WHERE sale_id = " + sale) == "LOY-1001");
  BOOST_TEST(count(f.database, "SELECT total_cents FROM sale WHERE sale_id = " + sale) == 52400);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale_line WHERE sale_id = " + sale) == 2);
  BOOST_TEST(text(f.database, "SELECT kind FROM sale WHERE source_key LIKE '%|2001'") == "return");
  BOOST_TEST(text(f.database, "SELECT disposal_method FROM sale_line WHERE quantity < 0") == "ReturnToVendor");
  BOOST_TEST(text(f.database, "SELECT return_reason FROM sale_line WHERE quantity < 0") == "Defective drum bearing");
  BOOST_TEST(text(f.database, "SELECT serial_number FROM sale_line WHERE quantity < 0") == "WM800-SN-0001");
  // Sale and return were bought and brought back by the same loyalty member.
  BOOST_TEST(count(f.database, "SELECT COUNT(DISTINCT customer_id) FROM sale") == 1);
}

BOOST_AUTO_TEST_CASE(a_poslog_in_the_ncr_dialect_takes_store_and_day_from_the_transaction_itself) {
  ImportFixture f;
  const ImportSummary s = f.import("poslog_ncr.xml");
  BOOST_TEST(s.imported == 2u);
  BOOST_TEST(s.rejected == 0u);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale WHERE store_code = '0815' AND business_day = '2026-03-03'") == 2);
  // The voided line is not a sale; the serial sits in a vendor extension element.
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale_line l JOIN sale s ON s.sale_id = l.sale_id "
                               "WHERE s.source_key LIKE '%|5470'") == 1);
  BOOST_TEST(text(f.database, "SELECT serial_number FROM sale_line WHERE sku = 'DRY-300'") == "DRY300-SN-77");
  BOOST_TEST(text(f.database, "SELECT loyalty_id FROM sale WHERE source_key LIKE '%|5470'") == "LOY-2002");
}

BOOST_AUTO_TEST_CASE(a_poslog_in_the_namespace_without_trailing_slash_imports_the_same_way) {
  ImportFixture f;
  const ImportSummary s = f.import("poslog_ns2.xml");
  BOOST_TEST(s.imported == 1u);
  BOOST_TEST(text(f.database, "SELECT currency FROM sale") == "CHF");
  BOOST_TEST(count(f.database, "SELECT total_cents FROM sale") == 54900);
}

BOOST_AUTO_TEST_CASE(an_x12_852_imports_one_sale_per_store_and_product_from_totals_and_store_splits) {
  ImportFixture f;
  const ImportSummary s = f.import("sales_852.x12");
  BOOST_TEST(s.rejected == 0u);
  BOOST_TEST(s.imported == 3u);  // WM-800 at ST-007; FLT-20 split over ST-008 and ST-009 (stock is no sale)
  BOOST_TEST(count(f.database, "SELECT l.amount_cents FROM sale_line l JOIN sale s ON s.sale_id = l.sale_id "
                               "WHERE s.store_code = 'ST-007'") == 149700);
  BOOST_TEST(scalar<double>(f.database, "SELECT l.quantity FROM sale_line l JOIN sale s ON s.sale_id = l.sale_id "
                                        "WHERE s.store_code = 'ST-009'") == 6.0);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale WHERE business_day = '2026-02-28' AND source_format = 'x12-852'") == 3);
}

BOOST_AUTO_TEST_CASE(an_eancom_slsrpt_imports_sales_and_returns_per_store_and_product) {
  ImportFixture f;
  const ImportSummary s = f.import("sales_slsrpt.edi");
  BOOST_TEST(s.rejected == 0u);
  BOOST_TEST(s.imported == 2u);
  BOOST_TEST(count(f.database, "SELECT l.amount_cents FROM sale_line l WHERE l.sku = 'WM-800'") == 99800);
  BOOST_TEST(text(f.database, "SELECT description FROM sale_line WHERE sku = 'WM-800'") == "Washing machine WM-800");
  BOOST_TEST(text(f.database, "SELECT kind FROM sale s JOIN sale_line l ON l.sale_id = s.sale_id WHERE l.sku = 'FLT-20'") ==
             "return");
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale WHERE store_code = 'ST-010' AND business_day = '2026-02-28' "
                               "AND currency = 'EUR'") == 2);
}

BOOST_AUTO_TEST_CASE(an_slsrpt_in_unoc_has_its_latin1_descriptions_decoded_to_utf8) {
  ImportFixture f;
  const ImportSummary s = f.import("sales_slsrpt_unoc.edi");
  BOOST_TEST(s.rejected == 0u);
  BOOST_TEST(s.imported == 2u);
  BOOST_TEST(text(f.database, "SELECT description FROM sale_line WHERE sku = 'WM-800'") == "Kühlschrank für Großküchen");
}

BOOST_AUTO_TEST_CASE(a_rejected_row_that_is_not_utf8_is_kept_readable_and_the_rest_imports) {
  // Declared UTF-8 but written in Latin-1: the reason quotes the value, the row is kept as read.
  ImportFixture f;
  const ImportSummary s = f.import("vendor_a_latin1_rejects.csv", "vendor-a.ini");
  BOOST_TEST(s.imported == 1u);
  BOOST_TEST(s.rejected == 1u);
  BOOST_TEST(text(f.database, "SELECT reason FROM pos_import_reject") == "amount 'zw\\xF6lf' is not an amount");
  BOOST_TEST(text(f.database, "SELECT raw FROM pos_import_reject").find("\"Waschmaschine f\\xFCr K\\xFCche\",1,zw\\xF6lf,") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_invalid_interchange_is_rejected_with_its_diagnostics_and_nothing_of_it_imported) {
  ImportFixture f;
  const ImportSummary s = f.import("invalid_852.x12");
  BOOST_TEST(s.imported == 0u);
  BOOST_TEST(s.rejected >= 1u);
  const std::string reason = text(f.database, "SELECT reason FROM pos_import_reject ORDER BY seq");
  BOOST_TEST(reason.find("invalid interchange") != std::string::npos, reason);
  BOOST_TEST(reason.find("SE") != std::string::npos, reason);
  BOOST_TEST(text(f.database, "SELECT location FROM pos_import_reject ORDER BY seq").find("line 14") != std::string::npos);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pos_import_runs)

BOOST_AUTO_TEST_CASE(importing_the_same_files_again_imports_nothing_and_counts_them_as_already_known) {
  ImportFixture f;
  f.import("vendor_a.csv", "vendor-a.ini");
  f.import("poslog_v6.xml");
  f.import("sales_852.x12");
  const std::int64_t sales = count(f.database, "SELECT COUNT(*) FROM sale");
  const std::int64_t lines = count(f.database, "SELECT COUNT(*) FROM sale_line");
  const ImportSummary csv = f.import("vendor_a.csv", "vendor-a.ini");
  BOOST_TEST(csv.imported == 0u);
  BOOST_TEST(csv.alreadyKnown == 3u);
  const ImportSummary poslog = f.import("poslog_v6.xml");
  BOOST_TEST(poslog.imported == 0u);
  BOOST_TEST(poslog.alreadyKnown == 2u);
  const ImportSummary x12 = f.import("sales_852.x12");
  BOOST_TEST(x12.imported == 0u);
  BOOST_TEST(x12.alreadyKnown == 3u);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale") == sales);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale_line") == lines);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM pos_import_run WHERE status = 'done' AND sha256 <> 'pending'") == 6);
  BOOST_TEST(count(f.database, "SELECT already_known FROM pos_import_run ORDER BY run_id DESC LIMIT 1") == 3);
}

BOOST_AUTO_TEST_CASE(rejected_rows_are_kept_with_their_line_and_reason_and_take_their_transaction_with_them) {
  ImportFixture f;
  const ImportSummary s = f.import("vendor_a_rejects.csv", "vendor-a.ini");
  BOOST_TEST(s.imported == 1u);  // R-303 only
  BOOST_TEST(s.rejected == 4u);
  const auto rejects = PosImportRuns(f.database).rejects(s.runId, 0, 10);
  BOOST_REQUIRE(rejects.size() == 4u);
  BOOST_TEST(rejects[0].location == "line 2");
  BOOST_TEST(rejects[0].reason.find("has a rejected row (line 3)") != std::string::npos, rejects[0].reason);
  BOOST_TEST(rejects[1].location == "line 3");
  BOOST_TEST(rejects[1].reason == "amount 'twelve' is not an amount");
  BOOST_TEST(rejects[2].location == "line 4");
  BOOST_TEST(rejects[2].reason.find("timestamp '2026-03-33 09:00:00'") != std::string::npos, rejects[2].reason);
  BOOST_TEST(rejects[3].location == "line 5");
  BOOST_TEST(rejects[3].reason == "no SKU");
  BOOST_TEST(text(f.database, "SELECT raw FROM pos_import_reject WHERE location = 'line 3'").find("twelve") !=
             std::string::npos);
  BOOST_TEST(count(f.database, "SELECT rejected FROM pos_import_run") == 4);

  const ImportSummary poslog = f.import("poslog_v6.xml");
  const auto xml = PosImportRuns(f.database).rejects(poslog.runId, 0, 10);
  BOOST_REQUIRE(xml.size() == 1u);
  BOOST_TEST(xml[0].location.find("/POSLog/Transaction[4] (line ") != std::string::npos, xml[0].location);
  BOOST_TEST(xml[0].reason == "LineItem[1]: no ItemID");
}

BOOST_AUTO_TEST_CASE(a_database_failure_mid_file_stops_the_reader_leaves_nothing_and_marks_the_run_failed) {
  ImportFixture f;
  {
    Poco::Data::Session session = f.database.session();
    session << "ALTER TABLE sale_line RENAME TO sale_line_elsewhere", now;
  }
  ImportOptions options;
  options.mappingPath = kMappings + "/vendor-a.ini";
  options.batchSize = 1;  // three batches: the first one fails, the others must not be written
  BOOST_CHECK_THROW(importPosFile(f.database, kFixtures + "/vendor_a.csv", options), std::exception);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale") == 0);
  BOOST_TEST(text(f.database, "SELECT status FROM pos_import_run") == "failed");
}

BOOST_AUTO_TEST_CASE(a_first_import_large_for_its_table_builds_the_plain_indexes_again_and_a_failed_one_keeps_them) {
  ImportFixture f;
  const auto indexes = [&f] {
    const std::string names = "('sale_by_customer', 'sale_by_dealer', 'sale_by_day', 'installed_unit_by_customer', "
                              "'installed_unit_by_serial')";
    return count(f.database, f.database.dialect() == store::Dialect::sqlite
                                 ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN " + names
                                 : "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN " + names);
  };
  ImportOptions options;
  options.mappingPath = kMappings + "/vendor-a.ini";
  options.rebuildIndexesFrom = 1;  // three sales into an empty table: the indexes go and come back
  options.batchSize = 1;
  {
    Poco::Data::Session session = f.database.session();
    session << "ALTER TABLE sale_line RENAME TO sale_line_elsewhere", now;
  }
  BOOST_CHECK_THROW(importPosFile(f.database, kFixtures + "/vendor_a.csv", options), std::exception);
  BOOST_TEST(indexes() == 5);
  {
    Poco::Data::Session session = f.database.session();
    session << "ALTER TABLE sale_line_elsewhere RENAME TO sale_line", now;
  }
  const ImportSummary s = importPosFile(f.database, kFixtures + "/vendor_a.csv", options);
  BOOST_TEST(s.imported == 3u);
  BOOST_TEST(indexes() == 5);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale WHERE business_day = '2026-03-01'") == 2);
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM installed_unit WHERE serial_number = 'WM800-SN-0100'") == 1);
  // The unique source key stayed all along: the same file again adds nothing, and, all known,
  // leaves the indexes alone (SQLite counts every change of the schema in schema_version).
  const bool sqlite = f.database.dialect() == store::Dialect::sqlite;
  const std::int64_t before = sqlite ? count(f.database, "PRAGMA schema_version") : 0;
  options.batchSize = 10;  // the whole file in one batch: as many sales as the table holds
  BOOST_TEST(importPosFile(f.database, kFixtures + "/vendor_a.csv", options).alreadyKnown == 3u);
  if (sqlite) BOOST_TEST(count(f.database, "PRAGMA schema_version") == before);
}

BOOST_AUTO_TEST_CASE(pos_customers_are_matched_to_known_ones_by_loyalty_id_email_or_phone) {
  ImportFixture f;
  std::int64_t known = 0;
  {
    Poco::Data::Session session = f.database.session();
    store::Transaction transaction(session);
    crm::CustomerCandidate candidate;
    candidate.loyaltyId = "LOY-2002";
    candidate.name = "Known member";
    known = crm::CustomerRegistry(session).create(transaction, candidate);
    transaction.commit();
  }
  f.import("poslog_v6.xml");     // creates Anna (loyalty LOY-1001, e-mail)
  f.import("vendor_b_latin1.csv", "vendor-b.ini");  // creates a customer by phone 089 123456, and one by KK-55
  f.import("poslog_ns2.xml");    // Anna by e-mail, written in another case and with spaces
  f.import("poslog_ncr.xml");    // the known member by loyalty id (the phone would name another)
  const auto customerOf = [&](const std::string& keyEnd) {
    return count(f.database, "SELECT customer_id FROM sale WHERE source_key LIKE '%" + keyEnd + "'");
  };
  BOOST_TEST(customerOf("|1001") == customerOf("|2001"));  // loyalty id
  BOOST_TEST(customerOf("|77") == customerOf("|1001"));    // e-mail key
  BOOST_TEST(customerOf("|5470") == known);                // loyalty id before phone
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM sale WHERE source_key LIKE '%|5471' AND customer_id IS NULL") == 1);
  // Vendor B's phone customer is found again by the same number written another way.
  {
    Poco::Data::Session session = f.database.session();
    crm::CustomerCandidate candidate;
    candidate.phone = "+49 89 123456";
    BOOST_TEST(crm::CustomerRegistry(session).match(candidate).value_or(0) == customerOf("|4711"));
  }
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM customer_profile") == 4);  // known, Anna, phone, KK-55
}

BOOST_AUTO_TEST_CASE(sold_serials_join_the_installed_base_with_warranty_ends_and_returns_mark_them) {
  ImportFixture f;
  f.import("vendor_b_latin1.csv", "vendor-b.ini");
  BOOST_TEST(text(f.database, "SELECT warranty_end FROM installed_unit WHERE serial_number = 'DRY300-SN-5'") == "2029-03-01");
  BOOST_TEST(text(f.database, "SELECT status FROM installed_unit WHERE serial_number = 'DRY300-SN-5'") == "installed");
  f.import("poslog_v6.xml");
  BOOST_TEST(text(f.database, "SELECT warranty_end FROM installed_unit WHERE serial_number = 'WM800-SN-0001'") == "2028-03-02");
  BOOST_TEST(text(f.database, "SELECT status FROM installed_unit WHERE serial_number = 'WM800-SN-0001'") == "returned");
  BOOST_TEST(count(f.database, "SELECT COUNT(*) FROM installed_unit i JOIN sale s ON s.sale_id = i.sale_id "
                               "WHERE i.serial_number = 'WM800-SN-0001' AND i.customer_id = s.customer_id") == 1);
}

BOOST_AUTO_TEST_CASE(a_warranty_ending_in_a_shorter_month_ends_on_its_last_day_on_both_backends) {
  ImportFixture f;
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  crm::Sale sale;
  sale.sourceKey = "test:month-end";
  sale.sourceFormat = "csv";
  sale.businessDay = "2026-08-31";
  sale.occurredAt = "2026-08-31T12:00:00.000Z";
  crm::SaleLine line;
  line.sku = "WM-800";
  line.serialNumber = "WM800-MONTH-END";
  line.quantity = 1;
  line.amountCents = 49900;
  sale.lines.push_back(line);
  sale.totalCents = 49900;
  crm::SalesLedger ledger(transaction);
  const crm::LedgerResult result = ledger.record(sale);
  BOOST_TEST(result.recorded == 1u);
  BOOST_TEST(result.unitsInstalled == 1u);
  crm::Sale refused = sale;
  refused.sourceKey = "test:refused";
  refused.businessDay = "2026-02-30";
  BOOST_TEST(ledger.record(refused).refused.at(0).reason == "business day '2026-02-30' is not a date (YYYY-MM-DD)");
  transaction.commit();
  // 24 months after Aug 31 is Aug 31 again; check a 6-month product too.
  BOOST_TEST(text(f.database, "SELECT warranty_end FROM installed_unit WHERE serial_number = 'WM800-MONTH-END'") ==
             "2028-08-31");
  {
    Poco::Data::Session s2 = f.database.session();
    s2 << "UPDATE product SET warranty_months = 6 WHERE sku = 'WM-800'", now;
  }
  Poco::Data::Session again = f.database.session();
  store::Transaction second(again);
  crm::Sale resold = sale;
  resold.sourceKey = "test:month-end-2";
  crm::SalesLedger(second).record(resold);
  second.commit();
  BOOST_TEST(text(f.database, "SELECT warranty_end FROM installed_unit WHERE serial_number = 'WM800-MONTH-END'") ==
             "2027-02-28");
}

BOOST_AUTO_TEST_SUITE_END()
