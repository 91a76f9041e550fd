// The demo year as data, before any file is written: every shipment with its dates and what
// befalls it, every POS receipt, return, service case and survey answer, drawn from the seed.
// Pure: no database and no files, so the same seed and scale always plan the same year.
// The shape is a manufacturer's: a peak in November and December, a dip in July and August,
// regions that differ in how often carriers arrive on time, a little damage and loss.
#pragma once

#include "crm/product.h"
#include "demo/demo_options.h"

#include <Poco/DateTime.h>

#include <optional>
#include <string>
#include <vector>

namespace demo {

// A destination region: the ISO 3166-2 subdivision the ship notice names (X12 N402 holds two
// letters, so German states go as "BY"; EDIFACT NAD carries "AT-9").
struct Region {
  std::string code, city, postalCode, country;
  std::string locode;                  // UN/LOCODE of the city, for EDIFACT LOC
  std::string consignee, consigneeId;  // the receiving site
  bool domestic = true;    // Nordwind's own 856s; else its European arm's DESADVs
  double onTime = 0.9;     // share of deliveries on time outside the peak
  int transitDays = 1;
};

const std::vector<Region>& demoRegions();

enum class Carrier { road, rail };  // CARRIER-FAST (X12) and CARRIER-RAIL (EDIFACT)
enum class Mishap { none, damaged, incident, lost };

struct PlannedLine {
  std::string sku;
  int quantity = 0, received = 0, damaged = 0;
  int cartons = 0;  // an appliance is its own carton; spare parts go fifty to a carton
};

struct PlannedShipment {
  int number = 0;  // 1.. in order of ship time
  std::string billOfLading, shipNotice, proNumber;  // proNumber: road only
  std::size_t region = 0;
  Carrier carrier = Carrier::road;
  Poco::DateTime plannedShip, shipped, promised;
  std::optional<Poco::DateTime> delivered;  // empty: lost, or still on its way at the year's end
  Mishap mishap = Mishap::none;
  Poco::DateTime mishapAt;
  std::vector<PlannedLine> lines;
  double weightKg = 0;
  std::optional<Poco::DateTime> receivedAt;  // the consignee's receipt advice
  std::optional<Poco::DateTime> invoicedAt;  // the road carrier's 210
  std::int64_t freightCents = 0;
  int pieces() const;  // handling units: the cartons of its lines
};

struct PlannedSaleLine {
  std::string sku;
  int quantity = 1;
  std::int64_t amountCents = 0;
  std::int64_t costCents = 0;  // what the goods cost the store: margins for ABC
  std::optional<std::string> serial;
};

struct PlannedSale {
  std::size_t store = 0;  // index into demoStores()
  int sequence = 0;
  Poco::DateTime at;
  std::optional<std::string> loyaltyId;
  std::vector<PlannedSaleLine> lines;
};

struct Store {
  std::string code, dealer;
  bool poslog = false;  // else the vendor-a CSV till export
};

const std::vector<Store>& demoStores();

enum class ReturnChannel { dealer180, recyclerRetann };

struct PlannedReturn {
  std::string rmaNumber;
  ReturnChannel channel = ReturnChannel::dealer180;
  std::string dealer;  // the party code of the store's dealer that sends the 180
  Poco::DateTime requestedAt, receivedAt, decidedAt;
  std::optional<std::string> loyaltyId;  // the customer, when known
  std::string sku, serial, reasonCode, reason;
  std::string disposition;  // logistics::dispositionFromName
  double weightKg = 0;
  // Recycled or disposed of: when the recycler took it, treated it and certified it (all
  // before the year's end, else it is not in a disposal report yet).
  std::optional<Poco::DateTime> recyclerReceived, treated, certified;
  std::string certificate;
};

struct PlannedCase {
  std::string loyaltyId;
  std::string kind;  // crm::caseKindFromName
  Poco::DateTime openedAt;
  std::optional<Poco::DateTime> respondedAt, resolvedAt;
  std::string summary, remedialAction;
};

struct PlannedSurvey {
  std::string sourceKey, loyaltyId, survey;  // csat, nps, exit
  Poco::DateTime answeredAt;
  std::optional<int> score;
  std::optional<std::string> lostReason;
};

struct YearPlan {
  int year = 0;
  int firstYear = 0;  // the demo's first year: card holders who leave do so in it
  Poco::DateTime end;  // the first instant after the year: nothing happens from here on
  std::vector<PlannedShipment> shipments;
  std::vector<PlannedSale> sales;
  std::vector<PlannedReturn> returns;
  std::vector<PlannedCase> cases;
  std::vector<PlannedSurvey> surveys;
};

// One of the demo's years (options.years of them, ending with options.year); `products` is the
// catalog it sells and ships (the sample directory's).
YearPlan planYear(const DemoOptions& options, int year, const std::vector<crm::Product>& products);

}  // namespace demo
