#include "crm/party_directory.h"
#include "exchange/shipment_csv.h"
#include "exchange/shipment_csv_import.h"
#include "logistics/shipment_book.h"
#include "logistics/status_event_log.h"
#include "reports/shipment_figures.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <Poco/Data/Session.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace Poco::Data::Keywords;
using exchange::ShipmentImportReport;

namespace {

const std::string kHeader =
    "client_code,carrier_code,bill_of_lading,pro_number,origin_city,origin_country,destination_city,"
    "destination_region,mode,distance_km,goods,pieces,weight_kg,freight_cost,currency,ship_date,promised_delivery,"
    "actual_delivery,status";

struct ImportFixture {
  test_support::TestDatabase test;
  test_support::TemporaryDirectory directory;
  store::Database& database;
  std::int64_t acme = 0, fastFreight = 0;

  ImportFixture() : database(test.migrated()) {
    acme = party("ACME", crm::PartyRole::client, {});
    fastFreight = party("CARRIER-FAST", crm::PartyRole::carrier, {{"scac", "FSTF"}});
  }

  std::int64_t party(const std::string& code, crm::PartyRole role, std::vector<crm::PartyIdentifier> ids) {
    crm::Party p;
    p.code = code;
    p.name = code + " Ltd";
    p.roles = {role};
    p.identifiers = std::move(ids);
    return crm::PartyDirectory(database).add(p);
  }

  std::string write(const std::string& name, const std::string& content) {
    const std::string path = directory.file(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::int64_t count(const std::string& sql) {
    Poco::Data::Session session = database.session();
    std::int64_t n = 0;
    session << sql, into(n), now;
    return n;
  }

  // Whether this process holds `path` open (its file descriptors, as Linux lists them).
  static bool holdsOpen(const std::string& path) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
      if (std::filesystem::read_symlink(entry.path(), error) == std::filesystem::path(path)) return true;
    }
    return false;
  }

  std::optional<logistics::Shipment> byPro(const std::string& pro) {
    Poco::Data::Session session = database.session();
    logistics::ShipmentBook book(session);
    const auto ids = book.idsByReference(logistics::ReferenceKind::pro_number, pro);
    if (ids.size() != 1) return std::nullopt;
    return book.find(ids.front());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(shipment_csv_import)

BOOST_AUTO_TEST_CASE(money_is_converted_to_minor_units_exactly_and_never_rounded) {
  BOOST_TEST(exchange::minorUnits("1234.56", "EUR").value() == 123456);
  BOOST_TEST(exchange::minorUnits("0.1", "EUR").value() == 10);
  BOOST_TEST(exchange::minorUnits("19.990", "USD").value() == 1999);
  BOOST_TEST(exchange::minorUnits("1500", "JPY").value() == 1500);
  BOOST_TEST(exchange::minorUnits("1.234", "KWD").value() == 1234);
  BOOST_TEST(!exchange::minorUnits("19.999", "USD").has_value());
  BOOST_TEST(!exchange::minorUnits("1.5", "JPY").has_value());
  BOOST_TEST(!exchange::minorUnits("-5", "EUR").has_value());
  BOOST_TEST(!exchange::minorUnits("1,000.00", "EUR").has_value());
  BOOST_TEST(!exchange::minorUnits(".", "EUR").has_value());
}

BOOST_AUTO_TEST_CASE(dates_and_date_times_become_stored_utc_timestamps) {
  BOOST_TEST(exchange::storedTimestamp("2026-03-01").value() == "2026-03-01T00:00:00.000Z");
  BOOST_TEST(exchange::storedTimestamp("2026-03-01T08:30").value() == "2026-03-01T08:30:00.000Z");
  BOOST_TEST(exchange::storedTimestamp("2026-03-01 08:30:15.5Z").value() == "2026-03-01T08:30:15.500Z");
  BOOST_TEST(exchange::storedTimestamp("2026-03-01T01:30:00+02:00").value() == "2026-02-28T23:30:00.000Z");
  BOOST_TEST(exchange::storedTimestamp("2024-12-31T22:00:00-0330").value() == "2025-01-01T01:30:00.000Z");
  BOOST_TEST(!exchange::storedTimestamp("2026-02-29").has_value());
  BOOST_TEST(!exchange::storedTimestamp("01/03/2026").has_value());
  BOOST_TEST(!exchange::storedTimestamp("2026-03-01T24:00").has_value());
  BOOST_TEST(!exchange::storedTimestamp("2026-03-01T08:30:00 CET").has_value());
}

BOOST_FIXTURE_TEST_CASE(a_clean_export_with_quoting_a_bom_and_crlf_applies_every_row, ImportFixture) {
  const std::string path =
      write("tms.csv", "\xEF\xBB\xBF" + kHeader + "\r\n" +
                           "ACME,FSTF,BOL-1,PRO-1,Hamburg,DE,Munich,South,road,780.5,\"Washers, 60 cm\",4,288.5,"
                           "1234.56,EUR,2026-03-01T08:00:00+01:00,2026-03-03,2026-03-02T16:30Z,delivered\r\n" +
                           "ACME,CARRIER-FAST,BOL-2,PRO-2,Lyon,FR,\"Rotterdam\",West,LTL,,\"Display 55\"\" TV\r\n"
                           "fragile\",,,0.1,eur,2026-03-02,,,In Transit\r\n");
  const ShipmentImportReport report = exchange::importShipmentsCsv(database, path);
  BOOST_TEST(!report.error.has_value());
  BOOST_TEST(report.rowsRead == 2);
  BOOST_TEST(report.rowsApplied == 2);
  BOOST_TEST(report.rowsRejected == 0);
  BOOST_TEST(!report.rejectsFile.has_value());

  const auto first = byPro("PRO-1");
  BOOST_REQUIRE(first.has_value());
  BOOST_TEST(first->clientId == acme);
  BOOST_TEST(first->carrierId.value() == fastFreight);
  BOOST_TEST(first->goodsDescription.value() == "Washers, 60 cm");
  BOOST_TEST(first->freightCostCents.value() == 123456);
  BOOST_TEST(first->shipDate.value() == "2026-03-01T07:00:00.000Z");
  BOOST_TEST(first->promisedDelivery.value() == "2026-03-03T00:00:00.000Z");
  BOOST_TEST(first->weightKg.value() == 288.5);
  BOOST_TEST(first->pieces.value() == 4);
  BOOST_TEST(logistics::shipmentStatusName(first->status) == std::string("delivered"));
  const auto second = byPro("PRO-2");
  BOOST_REQUIRE(second.has_value());
  BOOST_TEST(second->goodsDescription.value() == "Display 55\" TV\r\nfragile");
  BOOST_TEST(second->freightCostCents.value() == 10);
  BOOST_TEST(second->currency.value() == "EUR");
  BOOST_TEST(logistics::transportModeName(second->mode) == std::string("road"));
  BOOST_TEST(logistics::shipmentStatusName(second->status) == std::string("in_transit"));
  BOOST_TEST(count("SELECT count(*) FROM import_run WHERE status = 'applied' AND rows_applied = 2") == 1);
}

BOOST_FIXTURE_TEST_CASE(rejected_rows_say_line_column_and_value_and_are_kept_with_their_raw_text, ImportFixture) {
  const std::string path = write(
      "tms.csv",
      kHeader + "\n" +
          "ACME,FSTF,BOL-1,PRO-1,Hamburg,DE,Munich,South,road,,,,heavy,,,2026-03-01,,,\n" +        // line 2
          "ACME,NOSUCH,BOL-2,PRO-2,Hamburg,DE,Munich,South,road,,,,,,,2026-03-01,,,\n" +          // line 3
          "ACME,FSTF,BOL-3,PRO-3,Hamburg,DE,Munich,South,road,,,,,,,2026-03-01,,,\n" +            // line 4: fine
          "ACME,FSTF,BOL-3,PRO-4,Hamburg,DE,Munich,South,road,,,,,,,2026-03-01,,,\n" +            // line 5: BOL taken
          "ACME,FSTF,BOL-5,PRO-5,Hamburg\n" +                                                    // line 6
          "ACME,FSTF,BOL-6,PRO-6,\"Ham\"burg,DE,Munich,South,road,,,,,,,2026-03-01,,,\n" +      // line 7
          "ACME,FSTF,BOL-7,PRO-7,Hamburg,DE,Munich,South,road,,,,,19.999,USD,2026-13-01,,,\n" + // line 8
          "ACME,FSTF,BOL-8,PRO-8,Hamburg,DE,Munich,South,road,,,,,,,2026-03-02,,,\n");         // line 9: fine
  const ShipmentImportReport report = exchange::importShipmentsCsv(database, path);
  BOOST_TEST(!report.error.has_value());
  BOOST_TEST(report.rowsRead == 8);
  BOOST_TEST(report.rowsApplied == 2);
  BOOST_TEST(report.rowsRejected == 6);
  BOOST_REQUIRE_EQUAL(report.firstRejects.size(), 6u);
  const auto& r = report.firstRejects;
  BOOST_TEST(r[0].line == 2);
  BOOST_TEST(r[0].describe() == "invalid_value (weight_kg): 'heavy' is not a number");
  BOOST_TEST(r[0].rawText == "ACME,FSTF,BOL-1,PRO-1,Hamburg,DE,Munich,South,road,,,,heavy,,,2026-03-01,,,");
  BOOST_TEST(r[1].line == 3);
  BOOST_TEST(r[1].describe() == "unknown_party (carrier_code): no carrier with party code or SCAC 'NOSUCH'");
  BOOST_TEST(r[2].line == 5);
  BOOST_TEST(r[2].describe() == "duplicate_reference (bill_of_lading): bill_of_lading 'BOL-3' appears on line 4 already");
  BOOST_TEST(r[3].line == 6);
  BOOST_TEST(r[3].describe() == "invalid_value: the row has 5 values, the header names 19 columns");
  BOOST_TEST(r[4].line == 7);
  BOOST_TEST(r[4].describe() == "malformed_record: value 5 has text after its closing quote");
  BOOST_TEST(r[5].line == 8);
  BOOST_TEST(r[5].describe().find("invalid_value (freight_cost): '19.999' is not an amount in USD") == 0u,
             r[5].describe());
  BOOST_TEST(r[5].describe().find("invalid_timestamp (ship_date): '2026-13-01'") != std::string::npos, r[5].describe());
  BOOST_TEST(report.rejectsByCode.at("duplicate_reference") == 1);
  BOOST_TEST(report.rejectsByCode.at("invalid_value") == 3);

  BOOST_REQUIRE(report.rejectsFile.has_value());
  BOOST_TEST(*report.rejectsFile == directory.file("tms.rejects.csv"));
  const std::string rejects = read(*report.rejectsFile);
  BOOST_TEST(rejects.find("source_line,reject_reason," + kHeader + "\n") == 0u);
  BOOST_TEST(rejects.find("\n3,\"unknown_party (carrier_code): no carrier with party code or SCAC 'NOSUCH'\","
                          "ACME,NOSUCH,BOL-2,") != std::string::npos,
             rejects);
  BOOST_TEST(count("SELECT count(*) FROM import_reject") == 6);
  BOOST_TEST(count("SELECT count(*) FROM shipment") == 2);
}

BOOST_FIXTURE_TEST_CASE(importing_the_same_file_again_applies_nothing_and_says_so, ImportFixture) {
  const std::string path = write("tms.csv", kHeader + "\nACME,FSTF,BOL-1,PRO-1,,,,,rail,,,,,,,,,,\n");
  const auto first = exchange::importShipmentsCsv(database, path);
  BOOST_TEST(first.rowsApplied == 1);
  const auto again = exchange::importShipmentsCsv(database, path);
  BOOST_TEST(again.alreadyImported);
  BOOST_TEST(again.runId == first.runId);
  BOOST_TEST(again.rowsApplied == 1);  // what the first run applied
  BOOST_TEST(count("SELECT count(*) FROM shipment") == 1);
  BOOST_TEST(count("SELECT count(*) FROM import_run") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_different_file_with_rows_already_recorded_applies_none_of_them, ImportFixture) {
  exchange::importShipmentsCsv(database, write("a.csv", kHeader + "\nACME,FSTF,BOL-1,PRO-1,,,,,rail,,,,,,,,,,\n"));
  // The same shipment again, exported with another column order (another sha256).
  const auto second = exchange::importShipmentsCsv(
      database, write("b.csv", "pro_number,carrier_code,client_code,mode\nPRO-1,FSTF,ACME,rail\n"));
  BOOST_TEST(!second.alreadyImported);
  BOOST_TEST(second.rowsApplied == 0);
  BOOST_TEST(second.rowsRejected == 1);
  BOOST_REQUIRE_EQUAL(second.firstRejects.size(), 1u);
  BOOST_TEST(second.firstRejects[0].describe().find(
                 "duplicate_reference (pro_number): pro_number 'PRO-1' is recorded already for this carrier "
                 "(import run ") == 0u,
             second.firstRejects[0].describe());
  BOOST_TEST(count("SELECT count(*) FROM shipment") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_header_with_an_unknown_column_refuses_the_whole_file, ImportFixture) {
  const auto report = exchange::importShipmentsCsv(
      database, write("tms.csv", "client_code,pro_numbr,mode\nACME,PRO-1,road\n"));
  BOOST_REQUIRE(report.error.has_value());
  BOOST_TEST(report.error->find("column 2 'pro_numbr' is not a shipment column") != std::string::npos, *report.error);
  BOOST_TEST(report.error->find("no reference column") != std::string::npos, *report.error);
  BOOST_TEST(count("SELECT count(*) FROM shipment") == 0);
  BOOST_TEST(count("SELECT count(*) FROM import_run WHERE status = 'failed'") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_row_that_is_not_utf8_is_kept_byte_for_byte_and_the_rest_of_the_file_applies, ImportFixture) {
  // A Latin-1 export: PostgreSQL text cannot hold these bytes, so the reject keeps them apart.
  const std::string latin1 = "ACME,FSTF,BOL-1,PRO-1,M\xFCnchen,DE,Caf\xE9,South,road,,,,,,,2026-03-01,,,";
  const auto first = exchange::importShipmentsCsv(
      database, write("tms-\xE9t\xE9.csv", kHeader + "\n" + latin1 + "\n" +
                                                "ACME,FSTF,BOL-2,PRO-2,Hamburg,DE,Munich,South,road,,,,,,,2026-03-01,,,\n"));
  BOOST_REQUIRE(!first.error.has_value());
  BOOST_TEST(first.rowsApplied == 1);
  BOOST_TEST(first.rowsRejected == 1);
  BOOST_REQUIRE_EQUAL(first.firstRejects.size(), 1u);
  BOOST_TEST(first.firstRejects[0].line == 2);
  BOOST_TEST(first.firstRejects[0].rawText == latin1);
  BOOST_TEST(first.firstRejects[0].describe().find("(origin_city): is not UTF-8 text") != std::string::npos,
             first.firstRejects[0].describe());
  BOOST_TEST(read(*first.rejectsFile).find("\n2,") != std::string::npos);
  BOOST_TEST(read(*first.rejectsFile).find("," + latin1 + "\n") != std::string::npos);

  Poco::Data::Session session = database.session();
  std::string storedText, fileName;
  session << "SELECT raw_text FROM import_reject", into(storedText), now;
  session << "SELECT file_name FROM import_run", into(fileName), now;
  BOOST_TEST(storedText == "ACME,FSTF,BOL-1,PRO-1,M\\xFCnchen,DE,Caf\\xE9,South,road,,,,,,,2026-03-01,,,");
  BOOST_TEST(fileName == "tms-\\xE9t\\xE9.csv");

  // A replay reads the exact bytes back, and refuses them again without losing them.
  const auto replay = exchange::replayImportRun(database, first.runId);
  BOOST_REQUIRE(!replay.error.has_value());
  BOOST_TEST(replay.rowsRead == 1);
  BOOST_TEST(replay.rowsApplied == 0);
  BOOST_REQUIRE_EQUAL(replay.firstRejects.size(), 1u);
  BOOST_TEST(replay.firstRejects[0].rawText == latin1);
  BOOST_TEST(count("SELECT count(*) FROM shipment") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_header_naming_a_column_in_latin1_fails_the_run_with_a_readable_reason, ImportFixture) {
  const auto report = exchange::importShipmentsCsv(
      database, write("tms.csv", "client_code,pro_number,Gew\xE4" "cht\nACME,PRO-1,12\n"));
  BOOST_REQUIRE(report.error.has_value());
  BOOST_TEST(report.error->find("'Gew\xE4" "cht' is not a shipment column") != std::string::npos, *report.error);
  Poco::Data::Session session = database.session();
  std::string error, header;
  session << "SELECT error, header_text FROM import_run WHERE status = 'failed'", into(error), into(header), now;
  BOOST_TEST(error.find("'Gew\\xE4cht' is not a shipment column") != std::string::npos, error);
  BOOST_TEST(header == "client_code,pro_number,Gew\\xE4cht");
}

BOOST_FIXTURE_TEST_CASE(replay_after_adding_the_missing_carrier_applies_the_refused_rows_once, ImportFixture) {
  const auto first = exchange::importShipmentsCsv(
      database, write("tms.csv", kHeader + "\nACME,RAIL,BOL-1,PRO-1,,,,,rail,,,,,,,,,,\n" +
                                     "ACME,RAIL,BOL-2,PRO-2,,,,,rail,,,,,,,,,,\n" +
                                     "ACME,FSTF,BOL-3,PRO-3,,,,,boat,,,,,,,,,,\n"));
  BOOST_TEST(first.rowsRejected == 3);
  party("RAIL", crm::PartyRole::carrier, {});

  const auto replay = exchange::replayImportRun(database, first.runId);
  BOOST_TEST(!replay.error.has_value());
  BOOST_TEST(replay.runId != first.runId);
  BOOST_TEST(replay.rowsRead == 3);
  BOOST_TEST(replay.rowsApplied == 2);
  BOOST_TEST(replay.resolved == 2);
  BOOST_REQUIRE_EQUAL(replay.firstRejects.size(), 1u);
  BOOST_TEST(replay.firstRejects[0].line == 4);  // the line in the original file
  BOOST_TEST(count("SELECT count(*) FROM shipment WHERE pro_number IN ('PRO-1', 'PRO-2')") == 2);
  BOOST_TEST(count("SELECT count(*) FROM import_reject WHERE run_id = " + std::to_string(first.runId) +
                   " AND resolved_by IS NULL") == 1);

  // A second replay takes only what is still outstanding: the two applied rows are not applied again.
  const auto again = exchange::replayImportRun(database, first.runId);
  BOOST_TEST(again.rowsRead == 1);
  BOOST_TEST(again.rowsApplied == 0);
  BOOST_TEST(count("SELECT count(*) FROM shipment") == 2);
}

BOOST_FIXTURE_TEST_CASE(a_corrected_rejects_file_imports_as_it_is, ImportFixture) {
  const auto first = exchange::importShipmentsCsv(
      database, write("tms.csv", kHeader + "\nACME,FSTF,BOL-1,PRO-1,,,,,boat,,,,,,,,,,\n"));
  BOOST_REQUIRE(first.rejectsFile.has_value());
  std::string rejects = read(*first.rejectsFile);
  rejects.replace(rejects.find(",boat,"), 6, ",sea,");
  const auto fixed = exchange::importShipmentsCsv(database, write("fixed.csv", rejects));
  BOOST_TEST(!fixed.error.has_value(), fixed.error.value_or(""));
  BOOST_TEST(fixed.rowsApplied == 1);
  BOOST_REQUIRE(byPro("PRO-1").has_value());
  BOOST_TEST(logistics::transportModeName(byPro("PRO-1")->mode) == std::string("sea"));
}

BOOST_FIXTURE_TEST_CASE(imported_shipments_count_in_the_rollups_exactly_as_in_plain_sql, ImportFixture) {
  // Two files over the same days, carriers and regions (the second adds to rollup rows the first
  // made), with transit times, shipments not yet delivered, and one row refused.
  const auto rows = [](const std::string& n) {
    return "ACME,FSTF,BOL-" + n + "1,PRO-" + n + "1,Hamburg,DE,Munich,South,road,780,,4,288.5,1234.56,EUR,"
           "2026-03-01T08:00:00+01:00,2026-03-03,2026-03-02T16:30Z,delivered\n"
           "ACME,,BOL-" + n + "2,PRO-" + n + "2,Lyon,FR,Rotterdam,West,rail,,,2,10,99,EUR,2026-03-01T09:00Z,"
           "2026-03-02,2026-03-04T10:00Z,delivered\n"
           "ACME,FSTF,BOL-" + n + "3,PRO-" + n + "3,Lyon,FR,Munich,South,road,,,1,5,,,2026-03-01T10:00Z,2026-03-05,,"
           "in_transit\n"
           "ACME,FSTF,BOL-" + n + "4,PRO-" + n + "4,Lyon,FR,Munich,South,air,,,1,5,,,2026-04-11T10:00Z,2026-04-12,"
           "2026-04-12T11:00Z,delivered\n"
           // The first row's twin but for its references: two shipments in one group of the rollups.
           "ACME,FSTF,BOL-" + n + "5,PRO-" + n + "5,Hamburg,DE,Munich,South,road,780,,4,288.5,1234.56,EUR,"
           "2026-03-01T08:00:00+01:00,2026-03-03,2026-03-02T16:30Z,delivered\n";
  };
  const auto first = exchange::importShipmentsCsv(database, write("first.csv", kHeader + "\n" + rows("")));
  BOOST_TEST(first.rowsApplied == 5);
  const auto second = exchange::importShipmentsCsv(
      database, write("second.csv", kHeader + "\n" + rows("2") +
                                        "ACME,FSTF,BOL-21,PRO-99,,,,,road,,,,,,,2026-03-01,,,\n"));  // BOL-21 again
  BOOST_TEST(second.rowsApplied == 5);
  BOOST_TEST(second.rowsRejected == 1);

  Poco::Data::Session session = database.session();
  const reports::ShipmentScope year{"2026-01-01", "2027-01-01", {}, {}, {}, 0};
  const reports::ShipmentFigures plain = reports::plainShipmentFigures(session, year);
  BOOST_TEST(plain.shipments == 10);
  BOOST_TEST((plain == reports::rollupShipmentFigures(session, year)));
  for (const char* grouping : {"region", "carrier", "month"}) {
    BOOST_TEST((reports::plainShipmentFiguresBy(session, year, grouping) ==
                reports::rollupShipmentFiguresBy(session, year, grouping)),
               "by " << grouping);
  }
}

BOOST_FIXTURE_TEST_CASE(status_events_waiting_for_imported_shipments_are_linked, ImportFixture) {
  {
    Poco::Data::Session session = database.session();
    store::Transaction transaction(session);
    logistics::StatusEvent event;
    event.carrierId = fastFreight;
    event.referenceKind = logistics::ReferenceKind::pro_number;
    event.reference = "PRO-9";
    event.eventTime = "2026-03-05T10:00:00.000Z";
    event.codeList = logistics::StatusCodeList::x12;
    event.statusCode = "D1";
    const auto recorded = logistics::StatusEventLog(session).record(transaction, event);
    BOOST_REQUIRE_MESSAGE(recorded.ok(), recorded.describe());
    BOOST_REQUIRE(!recorded.value().shipmentId.has_value());
    transaction.commit();
  }
  const auto report = exchange::importShipmentsCsv(
      database, write("tms.csv", kHeader + "\nACME,FSTF,BOL-9,PRO-9,,,,,road,,,,,,,2026-03-01,,,\n"));
  BOOST_TEST(report.rowsApplied == 1);
  const auto shipment = byPro("PRO-9");
  BOOST_REQUIRE(shipment.has_value());
  BOOST_TEST(logistics::shipmentStatusName(shipment->status) == std::string("delivered"));
  BOOST_TEST(shipment->actualDelivery.value() == "2026-03-05T10:00:00.000Z");
  BOOST_TEST(count("SELECT count(*) FROM shipment_event WHERE shipment_id = " + std::to_string(shipment->id)) == 1);
}

BOOST_FIXTURE_TEST_CASE(item_columns_give_each_shipment_its_line, ImportFixture) {
  const auto report = exchange::importShipmentsCsv(
      database, write("tms.csv", "client_code,pro_number,carrier_code,mode,sku,item_description,quantity,unit\n"
                                 "ACME,PRO-1,FSTF,road,WM-800,Washing machine,12,units\n"
                                 "ACME,PRO-2,FSTF,road,,,,\n"));
  BOOST_TEST(report.rowsApplied == 2);
  BOOST_REQUIRE_EQUAL(byPro("PRO-1")->lines.size(), 1u);
  BOOST_TEST(byPro("PRO-1")->lines[0].sku.value() == "WM-800");
  BOOST_TEST(byPro("PRO-1")->lines[0].quantityShipped == 12.0);
  BOOST_TEST(byPro("PRO-2")->lines.empty());
}

BOOST_FIXTURE_TEST_CASE(a_pro_number_without_a_carrier_is_refused_when_its_client_has_it_already, ImportFixture) {
  const std::string header = "client_code,pro_number,mode\n";
  const auto first = exchange::importShipmentsCsv(
      database, write("a.csv", header + "ACME,PRO-1,road\nACME,PRO-1,road\n"));
  BOOST_TEST(first.rowsApplied == 1);
  BOOST_REQUIRE_EQUAL(first.firstRejects.size(), 1u);
  BOOST_TEST(first.firstRejects[0].line == 3);
  BOOST_TEST(first.firstRejects[0].describe() ==
             "duplicate_reference (pro_number): pro_number 'PRO-1' appears on line 2 already");

  const auto second = exchange::importShipmentsCsv(database, write("b.csv", header + "ACME,PRO-1,sea\n"));
  BOOST_TEST(second.rowsApplied == 0);
  BOOST_REQUIRE_EQUAL(second.firstRejects.size(), 1u);
  BOOST_TEST(second.firstRejects[0].describe() ==
             "duplicate_reference (pro_number): pro_number 'PRO-1' is recorded already for this client without a "
             "carrier (import run " + std::to_string(first.runId) + ", line 2)");
  BOOST_TEST(second.firstRejects[0].rawText == "ACME,PRO-1,sea");
  BOOST_TEST(count("SELECT count(*) FROM shipment") == 1);
}

BOOST_FIXTURE_TEST_CASE(two_replays_of_one_run_at_once_apply_each_row_once_and_refuse_none, ImportFixture) {
  const int rows = 2000;
  std::string content = kHeader + "\n";
  for (int i = 0; i < rows; ++i) {
    content += "ACME,RAIL,BOL-" + std::to_string(i) + ",PRO-" + std::to_string(i) + ",,,,,rail,,,,,,,,,,\n";
  }
  const auto first = exchange::importShipmentsCsv(database, write("tms.csv", content));
  BOOST_REQUIRE(first.rowsRejected == rows);
  party("RAIL", crm::PartyRole::carrier, {});

  std::vector<ShipmentImportReport> reports(2);
  std::vector<std::string> failures(2);
  std::vector<std::thread> replays;
  for (std::size_t i = 0; i < 2; ++i) {
    replays.emplace_back([&, i] {
      try {
        reports[i] = exchange::replayImportRun(database, first.runId);
      } catch (const std::exception& e) {
        failures[i] = e.what();
      }
    });
  }
  for (auto& replay : replays) replay.join();
  BOOST_TEST(failures[0] == "");
  BOOST_TEST(failures[1] == "");
  BOOST_TEST(!reports[0].error.has_value());
  BOOST_TEST(!reports[1].error.has_value());
  BOOST_TEST(count("SELECT count(*) FROM shipment") == rows);
  BOOST_TEST(count("SELECT count(*) FROM import_reject WHERE resolved_by IS NULL") == 0);
  // The one that came second found nothing left to do: no row refused as taken by the first.
  BOOST_TEST(count("SELECT count(*) FROM import_reject WHERE run_id <> " + std::to_string(first.runId)) == 0);
}

BOOST_FIXTURE_TEST_CASE(a_reject_quotes_the_row_as_read_even_when_the_file_is_replaced_during_the_import,
                        ImportFixture) {
  // Many rows, so the import is still at work when the file is replaced; the last one repeats
  // the first one's bill of lading and is refused by the database, not by the row's checks.
  const int rows = 50000;
  std::string content = kHeader + "\n";
  for (int i = 0; i < rows; ++i) {
    content += "ACME,FSTF,BOL-" + std::to_string(i) + ",PRO-" + std::to_string(i) + ",,,,,road,,,,,,,,,,\n";
  }
  const std::string repeated = "ACME,FSTF,BOL-0,PRO-LAST,,,,,road,,,,,,,,,,";
  const std::string path = write("tms.csv", content + repeated + "\n");
  const std::string replacement = write("other.csv", kHeader + "\nACME,FSTF,BOL-X,PRO-X,,,,,sea,,,,,,,,,,\n");

  std::atomic<bool> done{false};
  ShipmentImportReport report;
  std::thread import([&] {
    report = exchange::importShipmentsCsv(database, path);
    done = true;
  });
  // Once the run is kept, the next to open the file is the apply: replace the file under it.
  bool replacedWhileRunning = false;
  while (!done && !replacedWhileRunning) {
    if (count("SELECT count(*) FROM import_run") > 0 && holdsOpen(path)) {
      replacedWhileRunning = !done && std::rename(replacement.c_str(), path.c_str()) == 0;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  import.join();
  BOOST_REQUIRE_MESSAGE(replacedWhileRunning, "the import ended before the file could be replaced under it");
  BOOST_TEST(report.rowsApplied == rows);
  BOOST_TEST(report.rowsRejected == 1);
  BOOST_REQUIRE_EQUAL(report.firstRejects.size(), 1u);
  BOOST_TEST(report.firstRejects[0].line == rows + 2);
  BOOST_TEST(report.firstRejects[0].rawText == repeated);
  BOOST_TEST(report.firstRejects[0].describe() ==
             "duplicate_reference (bill_of_lading): bill_of_lading 'BOL-0' appears on line 2 already");
}

BOOST_AUTO_TEST_SUITE_END()
