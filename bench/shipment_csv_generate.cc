// Writes N deterministic shipment rows as a TMS export (docs/IMPORT.md) to standard output, for
// bench/shipment_import.sh. Clients and carriers are those of `afterflow db seed`. Rows are in
// ship-date order across one year, as TMS exports list them; some values need RFC 4180 quoting.
// Usage: shipment_csv_generate N
#include "bench/civil_date.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

struct City {
  const char *name, *postal, *country, *region;
};
const City kCities[] = {{"Hamburg", "20095", "DE", "North"}, {"Munich", "80331", "DE", "South"},
                        {"Lyon", "69001", "FR", "South"},     {"Rotterdam", "3011", "NL", "West"},
                        {"Warsaw", "00-001", "PL", "East"},   {"Cologne", "50667", "DE", "West"}};
const char* const kModes[] = {"road", "rail", "sea", "air", "multimodal", "LTL"};
const char* const kGoods[] = {"\"Washing machines, 60 cm\"", "Dishwashers", "\"Display 55\"\" TV\"",
                              "Spare parts", "Fridge-freezers"};
const char* const kCarriers[] = {"CARRIER-FAST", "CARRIER-RAIL"};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: shipment_csv_generate N\n");
    return 2;
  }
  const long rows = std::atol(argv[1]);
  std::printf(
      "client_code,carrier_code,bill_of_lading,pro_number,ship_notice_id,origin_city,origin_postal_code,"
      "origin_country,origin_region,destination_city,destination_postal_code,destination_country,"
      "destination_region,mode,distance_km,goods,pieces,weight_kg,volume_m3,freight_cost,currency,"
      "planned_ship_date,ship_date,planned_delivery,promised_delivery,actual_delivery,status\n");
  const long firstDay = 20454;  // 2026-01-01
  for (long i = 0; i < rows; ++i) {
    const City& from = kCities[i % 6];
    const City& to = kCities[(i * 7 + 3) % 6];
    int y, m, d, py, pm, pd;
    bench::civil(firstDay + i * 365 / (rows > 0 ? rows : 1), y, m, d);
    bench::civil(firstDay + i * 365 / (rows > 0 ? rows : 1) + 2, py, pm, pd);
    const bool delivered = i % 10 != 0;
    char delivery[40] = "";
    if (delivered) {
      std::snprintf(delivery, sizeof delivery, "%04d-%02d-%02dT%02d:%02d:00Z", py, pm, pd, static_cast<int>(8 + i % 10),
                    static_cast<int>(i % 60));
    }
    std::printf("NORDWIND,%s,BOL%09ld,PRO%09ld,ASN%09ld,%s,%s,%s,%s,%s,%s,%s,%s,%s,%ld.%ld,%s,%ld,%ld.%ld,%ld.%02ld,"
                "%ld.%02ld,EUR,%04d-%02d-%02d,%04d-%02d-%02dT%02ld:%02ld:00+01:00,%04d-%02d-%02d,%04d-%02d-%02d,%s,%s\n",
                kCarriers[i % 2], i, i, i, from.name, from.postal, from.country, from.region, to.name, to.postal,
                to.country, to.region, kModes[i % 6], (i * 37) % 3000 + 12, i % 10, kGoods[i % 5], i % 40 + 1,
                (i * 13) % 20000, i % 10, i % 9, i % 100, (i * 7919) % 250000, i % 100, y, m, d, y, m, d,
                6 + i % 12, i % 60, py, pm, pd, py, pm, pd, delivery, delivered ? "delivered" : "in_transit");
  }
  return 0;
}
