#include "demo/year_plan.h"

#include "demo/random_source.h"

#include <Poco/Timespan.h>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace demo {
namespace {

// Shipments by month: the Christmas peak, a summer dip (January = 1).
const std::vector<double> kShipmentSeason = {0.85, 0.80, 0.95, 1.00, 1.00, 0.90, 0.72, 0.68, 1.00, 1.10, 1.45, 1.55};
// Appliance sales follow the same shape, a little flatter.
const std::vector<double> kSalesSeason = {0.90, 0.85, 0.95, 1.00, 1.00, 0.95, 0.85, 0.80, 1.00, 1.05, 1.35, 1.50};

Poco::Timespan hours(double h) { return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(h * 3600.0) * Poco::Timespan::SECONDS); }
Poco::Timespan days(int d) { return Poco::Timespan(d, 0, 0, 0, 0); }

Poco::DateTime dayOf(const Poco::DateTime& t) { return Poco::DateTime(t.year(), t.month(), t.day()); }

// A day of the year in `month` (1-12), drawn uniformly, at an hour between `fromHour` and `toHour`.
Poco::DateTime momentIn(RandomSource& random, int year, int month, int fromHour, int toHour) {
  const int day = random.between(1, Poco::DateTime::daysOfMonth(year, month));
  return Poco::DateTime(year, month, day, random.between(fromHour, toHour - 1), random.between(0, 59));
}

std::string numbered(const char* prefix, int year, int n, int width) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s-%d-%0*d", prefix, year, width, n);
  return buffer;
}

// Card holders keep their card from one year to the next.
std::string loyaltyId(int customer) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "LOY-%05d", customer);
  return buffer;
}

// Months counted across years (year * 12 + month - 1), to compare moments of different years.
int monthIndex(int year, int month) { return year * 12 + month - 1; }

// One card holder in ten stops buying after a month from April to December of the demo's first
// year (the year before the report's when it generates two); the others never stop. Fixed by
// the customer's number, so changing how sales are drawn does not move it.
int lastBuyingMonth(int customer, int firstYear) {
  return customer % 10 == 3 ? monthIndex(firstYear, 4 + (customer / 10) % 9) : std::numeric_limits<int>::max();
}

struct CatalogItem {
  const crm::Product* product;
  double shipWeight, saleWeight;
};

void planShipments(YearPlan& plan, RandomSource& random, int count, const std::vector<CatalogItem>& items) {
  const auto& regions = demoRegions();
  std::vector<double> regionWeights;
  for (const Region& r : regions) regionWeights.push_back(r.domestic ? 1.0 : 0.6);
  std::vector<double> itemWeights;
  for (const CatalogItem& item : items) itemWeights.push_back(item.shipWeight);

  for (int i = 0; i < count; ++i) {
    PlannedShipment s;
    const int month = static_cast<int>(random.weighted(kShipmentSeason)) + 1;
    s.shipped = momentIn(random, plan.year, month, 6, 18);
    s.region = random.weighted(regionWeights);
    const Region& region = regions[s.region];
    s.carrier = random.chance(region.domestic ? 0.2 : 0.45) ? Carrier::rail : Carrier::road;
    // Most leave on the day planned; some a day late (on-time shipment counts them).
    s.plannedShip = dayOf(s.shipped) - (random.chance(0.07) ? days(1) : days(0));
    const int transit = region.transitDays + (s.carrier == Carrier::rail ? 1 : 0);
    s.promised = dayOf(s.shipped) + days(transit);

    const int lineCount = random.between(1, 3);
    for (int l = 0; l < lineCount; ++l) {
      const CatalogItem& item = items[random.weighted(itemWeights)];
      if (std::any_of(s.lines.begin(), s.lines.end(), [&](const PlannedLine& x) { return x.sku == item.product->sku; })) continue;
      PlannedLine line;
      line.sku = item.product->sku;
      line.quantity = item.product->serialized ? random.between(1, 12) : random.between(10, 200);
      line.received = line.quantity;
      line.cartons = item.product->serialized ? line.quantity : (line.quantity + 49) / 50;
      s.weightKg += line.quantity * item.product->unitWeightKg.value_or(1.0);
      s.lines.push_back(line);
    }

    const double roll = random.fraction();
    if (s.carrier == Carrier::rail && roll < 0.008) {
      s.mishap = Mishap::lost;
    } else if (roll < 0.026) {
      s.mishap = Mishap::damaged;
    } else if (roll < 0.036) {
      s.mishap = Mishap::incident;
    }
    s.mishapAt = s.shipped + hours(6 + random.between(0, 18 * transit));

    const bool peak = month >= 11;
    double onTime = region.onTime - (peak ? 0.08 : 0.0) - (s.carrier == Carrier::rail ? 0.03 : 0.0);
    if (s.mishap == Mishap::incident) onTime = 0.2;
    if (s.mishap != Mishap::lost) {
      const bool late = !random.chance(onTime);
      Poco::DateTime day = s.promised;
      if (late) {
        day += days(random.between(1, peak ? 4 : 2));
      } else if (transit >= 2 && random.chance(0.3)) {
        day -= days(1);
      }
      const Poco::DateTime at = day + hours(random.between(8, 16) + random.fraction());
      if (at < plan.end) s.delivered = at;
    }
    if (s.delivered && random.chance(0.93)) {
      const Poco::DateTime at = *s.delivered + hours(1 + random.between(0, 20));
      if (at < plan.end) s.receivedAt = at;
      if (s.mishap == Mishap::damaged) s.lines.front().damaged = 1;
      if (random.chance(0.03)) {  // short: one unit of a line did not arrive
        PlannedLine& line = s.lines.back();
        line.received = line.quantity - 1;
      }
    }
    if (s.carrier == Carrier::road && s.delivered) {
      const Poco::DateTime at = dayOf(*s.delivered) + days(random.between(1, 5)) + hours(12);
      if (at < plan.end) s.invoicedAt = at;
      s.freightCents = 3500 + static_cast<std::int64_t>(s.weightKg * 9.5) + (region.domestic ? 0 : 9000) +
                       random.between(0, 40) * 25;
    }
    plan.shipments.push_back(std::move(s));
  }
  std::sort(plan.shipments.begin(), plan.shipments.end(),
            [](const PlannedShipment& a, const PlannedShipment& b) { return a.shipped < b.shipped; });
  for (std::size_t i = 0; i < plan.shipments.size(); ++i) {
    PlannedShipment& s = plan.shipments[i];
    s.number = static_cast<int>(i + 1);
    s.billOfLading = numbered("BOL", plan.year, s.number, 6);
    s.shipNotice = numbered(demoRegions()[s.region].domestic ? "ASN" : "DESADV", plan.year, s.number, 6);
    if (s.carrier == Carrier::road) s.proNumber = numbered("PRO", plan.year, s.number, 6);
  }
}

void planSales(YearPlan& plan, RandomSource& random, const DemoScale& scale, const std::vector<CatalogItem>& items) {
  std::vector<double> itemWeights;
  for (const CatalogItem& item : items) itemWeights.push_back(item.saleWeight);
  std::vector<int> sequences(demoStores().size(), 1000);
  for (int i = 0; i < scale.saleTransactions; ++i) {
    PlannedSale sale;
    const int month = static_cast<int>(random.weighted(kSalesSeason)) + 1;
    sale.at = momentIn(random, plan.year, month, 9, 20);
    sale.store = static_cast<std::size_t>(random.between(0, static_cast<int>(demoStores().size()) - 1));
    if (random.chance(0.75)) {
      // A customer who has left buys no more; the sale goes through the till without a card.
      const int customer = random.between(1, scale.customers);
      if (monthIndex(plan.year, month) <= lastBuyingMonth(customer, plan.firstYear)) sale.loyaltyId = loyaltyId(customer);
    }
    const int lineCount = random.chance(0.3) ? 2 : 1;
    for (int l = 0; l < lineCount; ++l) {
      const crm::Product& product = *items[random.weighted(itemWeights)].product;
      if (std::any_of(sale.lines.begin(), sale.lines.end(), [&](const PlannedSaleLine& x) { return x.sku == product.sku; })) continue;
      PlannedSaleLine line;
      line.sku = product.sku;
      line.quantity = product.serialized ? 1 : random.between(1, 4);
      // Prices vary by a few per cent around the list price (promotions, bundles).
      const auto list = product.unitPriceCents.value_or(1000);
      line.amountCents = line.quantity * (list - list * random.between(0, 12) / 100);
      // Cost 60-79 % of list, fixed per product (no random draw, so the rest of the year stays
      // as it was): margins differ by product, and with them the customers' ABC classes.
      int spread = 0;
      for (const char c : product.sku) spread = (spread * 31 + static_cast<unsigned char>(c)) % 20;
      line.costCents = line.quantity * list * (60 + spread) / 100;
      sale.lines.push_back(line);
    }
    plan.sales.push_back(std::move(sale));
  }
  std::sort(plan.sales.begin(), plan.sales.end(), [](const PlannedSale& a, const PlannedSale& b) { return a.at < b.at; });
  int serial = 0;
  for (PlannedSale& sale : plan.sales) {
    sale.sequence = ++sequences[sale.store];
    for (PlannedSaleLine& line : sale.lines) {
      const auto item = std::find_if(items.begin(), items.end(), [&](const CatalogItem& c) { return c.product->sku == line.sku; });
      if (item->product->serialized) line.serial = numbered(("SN-" + line.sku).c_str(), plan.year, ++serial, 6);
    }
  }
}

struct Reason {
  const char* code;
  const char* text;
};

void planReturns(YearPlan& plan, RandomSource& random, const DemoScale& scale, const std::vector<CatalogItem>& items) {
  // X12 1293 return request reasons.
  const Reason defects[] = {{"DR", "DEFECTIVE, RETURNED BY CONSUMER"}, {"DT", "DAMAGED IN TRANSIT"},
                            {"NA", "NOT AS EXPECTED"}, {"PW", "POOR WORKMANSHIP"}};
  const std::vector<double> dispositionWeights = {0.30, 0.25, 0.22, 0.05, 0.14, 0.04};
  const char* dispositions[] = {"restock", "refurbish", "repair", "return_to_vendor", "recycle", "dispose"};
  int number = 0;
  // Customers bring back some of what they bought this year, through their dealer (X12 180).
  for (const PlannedSale& sale : plan.sales) {
    for (const PlannedSaleLine& line : sale.lines) {
      if (!line.serial || !random.chance(0.05)) continue;
      PlannedReturn r;
      r.channel = ReturnChannel::dealer180;
      r.dealer = demoStores()[sale.store].dealer;
      r.requestedAt = sale.at + days(random.between(3, 60)) + hours(random.between(0, 8));
      r.loyaltyId = sale.loyaltyId;
      r.sku = line.sku;
      r.serial = *line.serial;
      const Reason& reason = defects[random.between(0, 3)];
      r.reasonCode = reason.code;
      r.reason = reason.text;
      r.disposition = dispositions[random.weighted(dispositionWeights)];
      plan.returns.push_back(r);
    }
  }
  // Old appliances collected at the end of their life, announced by the recycler (RETANN).
  std::vector<const CatalogItem*> appliances;
  for (const CatalogItem& item : items) {
    if (item.product->serialized) appliances.push_back(&item);
  }
  const int collections = appliances.empty() ? 0 : std::max(4, scale.saleTransactions / 60);
  for (int i = 0; i < collections; ++i) {
    PlannedReturn r;
    r.channel = ReturnChannel::recyclerRetann;
    r.requestedAt = momentIn(random, plan.year, random.between(1, 12), 7, 16);
    if (random.chance(0.6)) r.loyaltyId = loyaltyId(random.between(1, scale.customers));
    r.sku = appliances[static_cast<std::size_t>(random.between(0, static_cast<int>(appliances.size()) - 1))]->product->sku;
    r.serial = numbered(("OLD-" + r.sku).c_str(), plan.year, i + 1, 6);
    r.reasonCode = "EOL";
    r.reason = "END OF LIFE COLLECTION";
    r.disposition = random.chance(0.85) ? "recycle" : "dispose";
    plan.returns.push_back(r);
  }
  std::sort(plan.returns.begin(), plan.returns.end(),
            [](const PlannedReturn& a, const PlannedReturn& b) { return a.requestedAt < b.requestedAt; });
  std::vector<PlannedReturn> kept;
  for (PlannedReturn& r : plan.returns) {
    r.receivedAt = r.requestedAt + days(random.between(2, 9)) + hours(random.between(1, 6));
    r.decidedAt = r.receivedAt + days(random.between(1, 12)) + hours(random.between(1, 6));
    if (r.decidedAt >= plan.end) continue;  // still open at the year's end: its 180 comes, its steps later
    const auto item = std::find_if(items.begin(), items.end(), [&](const CatalogItem& c) { return c.product->sku == r.sku; });
    r.weightKg = item->product->unitWeightKg.value_or(10.0) * (0.9 + 0.2 * random.fraction());
    r.rmaNumber = numbered("RMA", plan.year, ++number, 5);
    if (r.disposition == "recycle" || r.disposition == "dispose") {
      const Poco::DateTime received = r.decidedAt + days(random.between(2, 6));
      const Poco::DateTime treated = received + days(random.between(1, 10));
      const Poco::DateTime certified = treated + days(1);
      if (certified < plan.end) {
        r.recyclerReceived = received;
        r.treated = treated;
        r.certified = certified;
        r.certificate = numbered("CERT", plan.year, number, 5);
      }
    }
    kept.push_back(std::move(r));
  }
  plan.returns = std::move(kept);
}

void planService(YearPlan& plan, RandomSource& random, const DemoScale& scale) {
  struct Kind {
    const char* name;
    const char* summary;
    const char* action;
    double weight, resolveHours;
  };
  const Kind kinds[] = {
      {"inquiry", "Question about programmes and consumption", "Explained by phone, manual sent", 0.35, 20},
      {"complaint", "Delivery later than promised", "Apology and delivery fee refunded", 0.15, 60},
      {"installation", "Installation appointment", "Technician installed and tested the unit", 0.2, 70},
      {"maintenance", "Annual maintenance visit", "Filters and seals replaced", 0.15, 90},
      {"warranty_claim", "Unit stopped working", "Control board replaced under warranty", 0.15, 140},
  };
  std::vector<double> weights;
  for (const Kind& k : kinds) weights.push_back(k.weight);
  const int count = std::max(10, scale.customers / 5);
  for (int i = 0; i < count; ++i) {
    const Kind& kind = kinds[random.weighted(weights)];
    PlannedCase c;
    c.loyaltyId = loyaltyId(random.between(1, scale.customers));
    c.kind = kind.name;
    c.openedAt = momentIn(random, plan.year, static_cast<int>(random.weighted(kSalesSeason)) + 1, 8, 19);
    c.summary = kind.summary;
    c.remedialAction = kind.action;
    const Poco::DateTime responded = c.openedAt + hours(0.5 + random.fraction() * (random.chance(0.85) ? 8 : 40));
    const Poco::DateTime resolved = responded + hours(kind.resolveHours * (0.3 + 1.4 * random.fraction()));
    if (responded < plan.end) c.respondedAt = responded;
    if (resolved < plan.end) c.resolvedAt = resolved;
    plan.cases.push_back(std::move(c));
  }
  std::sort(plan.cases.begin(), plan.cases.end(), [](const PlannedCase& a, const PlannedCase& b) { return a.openedAt < b.openedAt; });

  const char* lostReasons[] = {"price", "moved away", "service quality", "competitor product"};
  int key = 0;
  // Those who left answer an exit survey a month or two after their last purchase, in this year.
  std::vector<std::pair<int, int>> leavers;  // customer, month of the exit survey (1-12)
  for (int customer = 1; customer <= scale.customers; ++customer) {
    const int last = lastBuyingMonth(customer, plan.firstYear);
    if (last == std::numeric_limits<int>::max()) continue;
    for (const int after : {1, 2}) {
      if ((last + after) / 12 == plan.year) leavers.push_back({customer, (last + after) % 12 + 1});
    }
  }
  for (int i = 0; i < scale.customers / 2; ++i) {
    PlannedSurvey s;
    s.sourceKey = numbered("SRV", plan.year, ++key, 6);
    s.loyaltyId = loyaltyId(random.between(1, scale.customers));
    s.answeredAt = momentIn(random, plan.year, random.between(1, 12), 8, 22);
    const double kind = random.fraction();
    if (kind < 0.55) {
      s.survey = "csat";
      s.score = static_cast<int>(random.weighted({0.04, 0.06, 0.15, 0.40, 0.35})) + 1;
    } else if (kind < 0.95 || leavers.empty()) {
      s.survey = "nps";
      s.score = static_cast<int>(random.weighted({0.02, 0.02, 0.02, 0.03, 0.03, 0.05, 0.08, 0.12, 0.18, 0.22, 0.23}));
    } else {
      const auto& [leaver, month] = leavers[static_cast<std::size_t>(random.between(0, static_cast<int>(leavers.size()) - 1))];
      s.loyaltyId = loyaltyId(leaver);
      s.answeredAt = momentIn(random, plan.year, month, 8, 22);
      s.survey = "exit";
      s.lostReason = lostReasons[random.between(0, 3)];
    }
    plan.surveys.push_back(std::move(s));
  }
}

}  // namespace

const std::vector<Region>& demoRegions() {
  static const std::vector<Region> regions = {
      {"HH", "HAMBURG", "20095", "DE", "DEHAM", "SERVICE CENTER HAMBURG", "SC-HH", true, 0.95, 1},
      {"BY", "MUENCHEN", "80331", "DE", "DEMUC", "ELEKTRO HUBER MUENCHEN", "DEALER-MUC", true, 0.93, 2},
      {"BE", "BERLIN", "10115", "DE", "DEBER", "KAUFHAUS SPREE BERLIN", "DEALER-BER", true, 0.86, 1},
      {"NW", "KOELN", "50667", "DE", "DECGN", "RHEINMARKT KOELN", "DEALER-CGN", true, 0.91, 1},
      {"SN", "LEIPZIG", "04109", "DE", "DELEJ", "SERVICE CENTER LEIPZIG", "SC-SN", true, 0.82, 2},
      {"AT-9", "WIEN", "1010", "AT", "ATVIE", "NORDWIND SERVICE WIEN", "SC-AT", false, 0.88, 3},
      {"NL-NH", "AMSTERDAM", "1012", "NL", "NLAMS", "NORDWIND SERVICE AMSTERDAM", "SC-NL", false, 0.92, 2},
      {"FR-IDF", "PARIS", "75001", "FR", "FRPAR", "NORDWIND SERVICE PARIS", "SC-FR", false, 0.80, 3},
  };
  return regions;
}

const std::vector<Store>& demoStores() {
  static const std::vector<Store> stores = {
      {"MUC-01", "DEALER-MUC", false}, {"CGN-01", "DEALER-CGN", false}, {"BER-01", "DEALER-BER", true}};
  return stores;
}

int PlannedShipment::pieces() const {
  int n = 0;
  for (const PlannedLine& line : lines) n += line.cartons;
  return n;
}

YearPlan planYear(const DemoOptions& options, int year, const std::vector<crm::Product>& products) {
  YearPlan plan;
  plan.year = year;
  plan.firstYear = options.year - options.years + 1;
  plan.end = Poco::DateTime(year + 1, 1, 1);
  std::vector<CatalogItem> items;
  for (const crm::Product& product : products) {
    // Spare parts ship in bulk and sell over the counter; large appliances dominate the freight.
    const bool spare = !product.serialized;
    items.push_back({&product, spare ? 0.6 : 1.0, spare ? 1.5 : (product.unitWeightKg.value_or(0) > 20 ? 0.8 : 1.2)});
  }
  if (items.empty()) return plan;
  // Each part of the year draws from its own stream, so a change to one leaves the others as they
  // were; earlier years from streams of their own, the report's year from the same as ever.
  const std::uint64_t yearsBack = static_cast<std::uint64_t>(options.year - year);
  const auto stream = [&](std::uint64_t part) { return RandomSource((options.seed * 4 + part) ^ (yearsBack << 40)); };
  RandomSource shipments = stream(1), sales = stream(2), returns = stream(3), service = stream(4);
  planShipments(plan, shipments, options.scale.shipments, items);
  planSales(plan, sales, options.scale, items);
  planReturns(plan, returns, options.scale, items);
  planService(plan, service, options.scale);
  return plan;
}

}  // namespace demo
