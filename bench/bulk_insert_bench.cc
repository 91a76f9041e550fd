// Measures store::BulkInserter: N shipment-like rows into one table in one transaction.
// Also writes the same rows as CSV, so bulk_insert.sh can time sqlite3 .import and
// PostgreSQL COPY on identical data. Usage: bulk_insert_bench --db URL --rows N [--csv FILE]
#include "store/bulk_inserter.h"
#include "store/database.h"
#include "store/transaction.h"

#include <Poco/Stopwatch.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

using namespace Poco::Data::Keywords;

namespace {

const char* const kRegions[] = {"North", "South", "East", "West", "Central"};

struct Row {
  std::int64_t id;
  std::string reference;
  std::int64_t client;
  std::string region;
  double weightKg;
  std::int64_t costCents;
  std::string shipDate;
};

// Deterministic rows: the same N rows on every run and backend.
Row makeRow(std::int64_t i) {
  char date[16];
  std::snprintf(date, sizeof date, "2026-%02d-%02d", static_cast<int>(i % 12 + 1), static_cast<int>(i % 28 + 1));
  return {i, "BOL" + std::to_string(1000000000 + i), i % 97, kRegions[i % 5],
          static_cast<double>(i % 5000) / 4.0, 1000 + (i * 7919) % 250000, date};
}

}  // namespace

int main(int argc, char** argv) {
  std::string url, csv;
  std::int64_t rows = 1000000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--db") url = argv[i + 1];
    else if (option == "--rows") rows = std::stoll(argv[i + 1]);
    else if (option == "--csv") csv = argv[i + 1];
  }
  if (url.empty()) {
    std::cerr << "usage: bulk_insert_bench --db URL [--rows N] [--csv FILE]\n";
    return 2;
  }
  try {
    if (!csv.empty()) {
      std::ofstream out(csv);
      for (std::int64_t i = 1; i <= rows; ++i) {
        const Row r = makeRow(i);
        out << r.id << ',' << r.reference << ',' << r.client << ',' << r.region << ',' << r.weightKg << ','
            << r.costCents << ',' << r.shipDate << '\n';
      }
    }
    store::Database database(url);
    Poco::Data::Session session = database.session();
    session << "DROP TABLE IF EXISTS bench_shipment", now;
    session << "CREATE TABLE bench_shipment (id BIGINT PRIMARY KEY, reference TEXT NOT NULL, client BIGINT, "
               "region TEXT, weight_kg DOUBLE PRECISION, cost_cents BIGINT, ship_date TEXT)",
        now;

    Poco::Stopwatch clock;
    clock.start();
    store::Transaction transaction(session);
    store::BulkInserter inserter(session, "bench_shipment",
                                 {"id", "reference", "client", "region", "weight_kg", "cost_cents", "ship_date"});
    for (std::int64_t i = 1; i <= rows; ++i) {
      Row r = makeRow(i);
      inserter.add({r.id, std::move(r.reference), r.client, std::string(r.region), r.weightKg, r.costCents,
                    std::move(r.shipDate)});
    }
    inserter.flush();
    transaction.commit();
    const double seconds = static_cast<double>(clock.elapsed()) / 1e6;

    std::int64_t count = 0;
    session << "SELECT count(*) FROM bench_shipment", into(count), now;
    if (count != rows) {
      std::cerr << "bulk_insert_bench: expected " << rows << " rows, found " << count << "\n";
      return 1;
    }
    std::printf("%s\t%lld rows\t%.3f s\t%.0f rows/s\n", std::string(dialectName(database.dialect())).c_str(),
                static_cast<long long>(rows), seconds, static_cast<double>(rows) / seconds);
  } catch (const Poco::Exception& e) {
    std::cerr << "bulk_insert_bench: " << e.displayText() << "\n";
    return 1;
  }
  return 0;
}
