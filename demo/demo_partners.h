// The demo's trading partners: the sample directory (`afterflow db seed`), the manufacturer's
// European arm as a second client, and an EDI partner profile for each party that sends files:
// Nordwind (X12 856, 944), Nordwind Europe (EDIFACT DESADV, RECADV), the road carrier (X12 214,
// 210), the rail carrier (EDIFACT IFTSTA), the three dealers (X12 180) and the recycler
// (EDIFACT RETANN, XML disposal reports), each with its inbox and outbox under the demo folder.
#pragma once

#include "demo/interchange_batch.h"
#include "demo/partner_inbox.h"
#include "logistics/problem.h"
#include "store/database.h"

#include <map>
#include <string>

namespace demo {

inline constexpr const char* kClient = "NORDWIND";
inline constexpr const char* kEuropeanClient = "NORDWIND-EU";
inline constexpr const char* kRoadCarrier = "CARRIER-FAST";
inline constexpr const char* kRailCarrier = "CARRIER-RAIL";
inline constexpr const char* kRecycler = "RECYCLER-ECO";

class DemoPartners {
 public:
  // Seeds the directory and adds the profiles. Refused (a value) when a profile cannot be added.
  static logistics::Result<DemoPartners> setUp(store::Database& database, const PartnerInbox& inbox);

  const PartnerSender& sender(const std::string& partyCode) const { return senders_.at(partyCode); }
  // The sender's next interchange control number: each file it sends has its own.
  std::int64_t nextControlNumber(const std::string& partyCode) { return ++controlNumbers_[partyCode]; }

 private:
  std::map<std::string, PartnerSender> senders_;
  std::map<std::string, std::int64_t> controlNumbers_;
};

}  // namespace demo
