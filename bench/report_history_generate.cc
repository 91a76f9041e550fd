// Writes one table of a deterministic shipment history as CSV (header first) to standard output,
// for bench/report_quarterly.sh: N shipments over Y years ending 2026-12-31, growing year on year,
// with seasons and quiet weekends; 20 clients of very different sizes, 8 carriers, 12 destination
// regions; lines, status events (deliveries, damage, losses), receipts (some short, damaged or
// with unannounced goods). Each shipment is derived from its number alone, so the tables,
// written by separate runs, agree with each other. Values are in afterflow's stored forms
// (UTC timestamps with milliseconds, cents, normalized statuses); an empty field is NULL.
// Usage: report_history_generate N YEARS party|party_role|shipment|shipment_line|shipment_event|receipt|receipt_line
#include "bench/civil_date.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr int kClients = 20, kCarriers = 8;
const char* const kRegions[] = {"North",  "South",    "East",      "West",     "Bavaria",  "Rhine",
                                "Saxony", "Lombardy", "Randstad",  "Mazovia",  "Catalonia", "Nordics"};
const double kRegionWeights[] = {14, 12, 9, 11, 10, 9, 6, 7, 8, 5, 5, 4};
const double kCarrierWeights[] = {30, 20, 15, 10, 10, 7, 5, 3};
const char* const kModes[] = {"road", "road", "road", "road", "road", "road", "road", "rail", "air", "sea",
                              "multimodal", "road"};
// Relative volume by month: a slow summer, a peak before Christmas.
const double kSeason[] = {0.85, 0.9, 1.0, 1.0, 1.0, 0.95, 0.8, 0.75, 1.05, 1.15, 1.35, 1.25};
const long kLastDay = 20818;  // 2026-12-31, days since 1970-01-01
const char* const kStamp = "2027-01-01T00:00:00.000Z";  // created_at / recorded_at of every row

std::uint64_t mix(std::uint64_t x) {  // splitmix64
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A deterministic random number in [0, n) for shipment i and purpose k.
long pick(long i, int k, long n) { return static_cast<long>(mix(static_cast<std::uint64_t>(i) * 64 + k) % n); }

// Minutes since 1970 as a stored timestamp.
std::string stamp(long minutes) {
  int y, m, d;
  bench::civil(minutes / 1440, y, m, d);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02ld:%02ld:00.000Z", y, m, d, minutes % 1440 / 60, minutes % 60);
  return text;
}

std::string dayStamp(long day) { return stamp(day * 1440); }

int weighted(const double* weights, int n, double unit) {
  double total = 0;
  for (int i = 0; i < n; ++i) total += weights[i];
  double at = unit * total;
  for (int i = 0; i < n; ++i) {
    if (at < weights[i]) return i;
    at -= weights[i];
  }
  return n - 1;
}

double unit(long i, int k) { return static_cast<double>(pick(i, k, 1000000)) / 1e6; }

// Everything about shipment i (numbered from 0 in ship-date order).
struct Plan {
  long id, shipMinute = 0, promisedDay = -1, deliveredMinute = -1;
  int client = 0, carrier = -1, region = -1, lines = 1;
  bool planned = false, plannedLate = false, received = false, extraGoods = false;
  enum { none, damaged, lost, exception } accident = none;
};

class History {
 public:
  History(long shipments, int years) : shipments_(shipments) {
    const long first = kLastDay - 365L * years + 1;
    for (long day = first; day <= kLastDay; ++day) {
      int y, m, d;
      bench::civil(day, y, m, d);
      const long weekday = (day + 4) % 7;  // 0: Sunday
      const double growth = std::pow(1.15, static_cast<double>(day - first) / 365.0);
      cumulative_.push_back((cumulative_.empty() ? 0 : cumulative_.back()) +
                            growth * kSeason[m - 1] * (weekday == 0 || weekday == 6 ? 0.3 : 1.0));
    }
    first_ = first;
    for (int c = 0; c < kClients; ++c) clientWeights_.push_back(1.0 / std::pow(c + 1.0, 0.9));
  }

  Plan plan(long i) const {
    Plan p;
    p.id = i + 1;
    const double target = (static_cast<double>(i) + 0.5) / static_cast<double>(shipments_) * cumulative_.back();
    const long day = first_ + (std::lower_bound(cumulative_.begin(), cumulative_.end(), target) - cumulative_.begin());
    p.shipMinute = day * 1440 + 360 + pick(i, 1, 720);
    p.client = weighted(clientWeights_.data(), kClients, unit(i, 2));
    p.carrier = pick(i, 3, 100) < 3 ? -1 : weighted(kCarrierWeights, kCarriers, unit(i, 4));
    p.region = pick(i, 5, 100) < 2 ? -1 : weighted(kRegionWeights, 12, unit(i, 6));
    p.lines = pick(i, 7, 10) < 6 ? 1 : pick(i, 7, 10) < 9 ? 2 : 3;
    p.planned = pick(i, 8, 10) < 7;
    p.plannedLate = pick(i, 9, 10) == 0;
    const long promisedDays = 2 + pick(i, 10, 4);
    if (pick(i, 11, 100) < 85) p.promisedDay = day + promisedDays;
    const long accident = pick(i, 12, 1000);
    p.accident = accident < 20 ? Plan::damaged : accident < 23 ? Plan::lost : accident < 25 ? Plan::exception : Plan::none;
    // Most arrive within the promised days; one in eight a day or two late.
    const long transitMinutes = (promisedDays - 1) * 1440 + pick(i, 13, 1440) + (pick(i, 14, 8) == 0 ? 1440 + pick(i, 15, 1440) : 0);
    const long now = (kLastDay + 1) * 1440;
    if (p.accident != Plan::lost && p.shipMinute + transitMinutes < now - 3 * 1440) {
      p.deliveredMinute = p.shipMinute + transitMinutes;
      p.received = pick(i, 16, 100) < 35;
      p.extraGoods = p.received && pick(i, 17, 100) == 0;
    }
    return p;
  }

  long shipments() const { return shipments_; }

 private:
  long shipments_, first_ = 0;
  std::vector<double> cumulative_, clientWeights_;
};

long clientParty(int client) { return client + 1; }
long carrierParty(int carrier) { return kClients + carrier + 1; }

void parties() {
  std::printf("party_id,party_code,name,kind,created_at,updated_at\n");
  for (int c = 0; c < kClients; ++c) {
    std::printf("%ld,CLIENT%02d,Client %02d GmbH,organisation,%s,%s\n", clientParty(c), c + 1, c + 1, kStamp, kStamp);
  }
  for (int c = 0; c < kCarriers; ++c) {
    std::printf("%ld,CARRIER%d,Carrier %d AG,organisation,%s,%s\n", carrierParty(c), c + 1, c + 1, kStamp, kStamp);
  }
}

void partyRoles() {
  std::printf("party_id,role\n");
  for (int c = 0; c < kClients; ++c) std::printf("%ld,client\n", clientParty(c));
  for (int c = 0; c < kCarriers; ++c) std::printf("%ld,carrier\n", carrierParty(c));
}

std::string statusOf(const Plan& p) {
  if (p.deliveredMinute >= 0) return "delivered";
  if (p.accident == Plan::lost) return "lost";
  if (p.accident == Plan::damaged) return "damaged";
  if (p.accident == Plan::exception) return "exception";
  return "picked_up";
}

void shipment(const History& history) {
  std::printf("shipment_id,client_id,carrier_id,bill_of_lading,pro_number,ship_notice_id,origin_city,origin_country,"
              "destination_region,destination_country,transport_mode,pieces,weight_kg,freight_cost_cents,currency,"
              "planned_ship_date,ship_date,promised_delivery,actual_delivery,status,created_at,updated_at\n");
  for (long i = 0; i < history.shipments(); ++i) {
    const Plan p = history.plan(i);
    const long day = p.shipMinute / 1440;
    const std::string carrier = p.carrier < 0 ? "" : std::to_string(carrierParty(p.carrier));
    const std::string region = p.region < 0 ? "" : kRegions[p.region];
    const std::string planned = p.planned ? dayStamp(p.plannedLate ? day - 1 : day) : "";
    const std::string promised = p.promisedDay < 0 ? "" : dayStamp(p.promisedDay);
    const std::string delivered = p.deliveredMinute < 0 ? "" : stamp(p.deliveredMinute);
    const bool costed = pick(i, 20, 10) < 8;
    std::printf("%ld,%ld,%s,BOL%09ld,PRO%09ld,ASN%09ld,Hamburg,DE,%s,DE,%s,%ld,%ld.%03ld,%s,%s,%s,%s,%s,%s,%s,%s,%s\n",
                p.id, clientParty(p.client), carrier.c_str(), p.id, p.id, p.id, region.c_str(),
                kModes[pick(i, 21, 12)], 1 + pick(i, 22, 40), pick(i, 23, 2000), pick(i, 24, 1000),
                costed ? std::to_string(5000 + pick(i, 25, 200000)).c_str() : "", costed ? "EUR" : "", planned.c_str(),
                stamp(p.shipMinute).c_str(), promised.c_str(), delivered.c_str(), statusOf(p).c_str(), kStamp, kStamp);
  }
}

long shipped(long i, int line) { return 1 + pick(i, 30 + line, 20); }
// What a receipt found of a line: mostly all of it; sometimes one short, sometimes one damaged.
long receivedOf(long i, int line) { return shipped(i, line) - (shipped(i, line) > 1 && pick(i, 34 + line, 100) < 5 ? 1 : 0); }
long damagedOf(long i, int line) { return pick(i, 38 + line, 100) < 2 ? 1 : 0; }

void shipmentLines(const History& history) {
  std::printf("shipment_id,line_no,sku,quantity_shipped,quantity_received,quantity_damaged,unit\n");
  for (long i = 0; i < history.shipments(); ++i) {
    const Plan p = history.plan(i);
    for (int l = 1; l <= p.lines; ++l) {
      if (p.received) {
        std::printf("%ld,%d,SKU-%ld,%ld,%ld,%ld,EA\n", p.id, l, pick(i, 26 + l, 500), shipped(i, l), receivedOf(i, l),
                    damagedOf(i, l));
      } else {
        std::printf("%ld,%d,SKU-%ld,%ld,,,EA\n", p.id, l, pick(i, 26 + l, 500), shipped(i, l));
      }
    }
  }
}

void event(long id, const Plan& p, long minute, const char* codeList, const char* code, const char* normalized) {
  const std::string carrier = p.carrier < 0 ? "" : std::to_string(carrierParty(p.carrier));
  std::printf("%ld,%ld,%s,pro_number,PRO%09ld,%s,%s,%s,%s,%s\n", id, p.id, carrier.c_str(), p.id, stamp(minute).c_str(),
              codeList, code, normalized, kStamp);
}

void shipmentEvents(const History& history) {
  std::printf("event_id,shipment_id,carrier_id,reference_kind,reference,event_time,code_list,status_code,"
              "normalized_status,recorded_at\n");
  for (long i = 0; i < history.shipments(); ++i) {
    const Plan p = history.plan(i);
    const long id = p.id * 3;
    if (p.accident == Plan::damaged) event(id, p, p.shipMinute + 600, "x12", "A9", "damaged");
    if (p.accident == Plan::lost) event(id, p, p.shipMinute + 2880, "edifact", "49", "lost");
    if (p.accident == Plan::exception) event(id, p, p.shipMinute + 300, "edifact", "51", "exception");
    if (p.deliveredMinute >= 0) {
      event(id + 1, p, p.deliveredMinute, "x12", "D1", "delivered");
    } else if (p.accident == Plan::none) {
      event(id + 2, p, p.shipMinute, "x12", "AF", "picked_up");
    }
  }
}

void receipts(const History& history) {
  std::printf("receipt_id,shipment_id,receipt_number,received_at,recorded_at\n");
  for (long i = 0; i < history.shipments(); ++i) {
    const Plan p = history.plan(i);
    if (p.received) {
      std::printf("%ld,%ld,REC%09ld,%s,%s\n", p.id, p.id, p.id, stamp(p.deliveredMinute + 120).c_str(), kStamp);
    }
  }
}

void receiptLines(const History& history) {
  std::printf("receipt_id,line_no,shipment_line_no,sku,quantity_received,quantity_damaged,quantity_short,"
              "quantity_over,unit\n");
  for (long i = 0; i < history.shipments(); ++i) {
    const Plan p = history.plan(i);
    if (!p.received) continue;
    for (int l = 1; l <= p.lines; ++l) {
      std::printf("%ld,%d,%d,SKU-%ld,%ld,%ld,%ld,0,EA\n", p.id, l, l, pick(i, 26 + l, 500), receivedOf(i, l),
                  damagedOf(i, l), shipped(i, l) - receivedOf(i, l));
    }
    if (p.extraGoods) std::printf("%ld,%d,,SKU-X,2,0,0,2,EA\n", p.id, p.lines + 1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 || std::atol(argv[1]) <= 0 || std::atoi(argv[2]) <= 0) {
    std::fprintf(stderr, "usage: report_history_generate SHIPMENTS YEARS TABLE\n");
    return 2;
  }
  const History history(std::atol(argv[1]), std::atoi(argv[2]));
  const std::string table = argv[3];
  if (table == "party") {
    parties();
  } else if (table == "party_role") {
    partyRoles();
  } else if (table == "shipment") {
    shipment(history);
  } else if (table == "shipment_line") {
    shipmentLines(history);
  } else if (table == "shipment_event") {
    shipmentEvents(history);
  } else if (table == "receipt") {
    receipts(history);
  } else if (table == "receipt_line") {
    receiptLines(history);
  } else {
    std::fprintf(stderr, "report_history_generate: no table '%s'\n", table.c_str());
    return 2;
  }
  return 0;
}
