// Everything afterflow knows about one customer or dealer on one page: profile, contact,
// loyalty ids, merges, purchase summary, installed units, credit, service cases and surveys,
// all resolved through merges. What `afterflow customer show` prints.
#pragma once

#include "crm/credit_book.h"
#include "crm/customer_merge.h"
#include "crm/installed_base.h"
#include "crm/purchase_history.h"
#include "crm/result.h"
#include "crm/service_case.h"
#include "crm/survey_book.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <string>
#include <vector>

namespace crm {

struct CustomerOverview {
  std::int64_t id = 0;
  std::string code, name;
  bool person = false, customer = false, dealer = false;
  std::optional<std::string> email, phone, street, city, postalCode, region, country;
  std::optional<std::string> ageBand, gender, incomeBand;
  std::string tier = "standard";
  std::vector<std::string> loyaltyIds;          // its own and those of customers merged into it
  std::optional<std::string> mergedInto;        // when this record is merged away: who stands for it
  std::vector<std::string> mergedFromCodes;     // customers merged into it now
  std::vector<MergeRecord> merges;
  PurchaseSummary purchases;                    // all time, recency to the as-of day
  std::int64_t salesAsDealer = 0, salesAsDealerCents = 0;  // dealers: sales recorded at it
  std::vector<InstalledUnit> units;
  std::optional<CreditStanding> credit;
  std::vector<ServiceCase> cases;
  std::vector<RecordedSurvey> surveys;
};

// Refused: unknown code. `asOfDay` sets recency and the warranty status of units.
Result<CustomerOverview> describeCustomer(Poco::Data::Session& session, const std::string& code,
                                          const std::string& asOfDay);

}  // namespace crm
