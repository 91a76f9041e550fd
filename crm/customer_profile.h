// The profile fields afterflow keeps about a customer beyond its party row (age band, gender,
// income band, service tier) and the customer and dealer listing filtered by them.
#pragma once

#include "crm/period.h"
#include "crm/result.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

// The allowed values (schemas/sql/0004_customers.sql's CHECKs), for validation and help texts.
const std::vector<std::string>& ageBands();     // under-25, 25-34, ..., 65+
const std::vector<std::string>& genders();      // female, male, diverse
const std::vector<std::string>& incomeBands();  // low, lower-middle, middle, upper-middle, high
const std::vector<std::string>& tiers();        // standard, silver, gold, platinum

// A change: fields left empty keep their value.
struct ProfileChange {
  std::optional<std::string> ageBand, gender, incomeBand, tier;
};

struct CustomerListing {
  std::int64_t id = 0;
  std::string code, name;
  bool customer = false, dealer = false;
  std::optional<std::string> region, city, ageBand, gender, incomeBand;
  std::string tier = "standard";
  std::optional<char> abcClass;  // when the listing was filtered by one
};

struct CustomerFilter {
  std::string role = "customer";  // customer or dealer
  std::optional<std::string> region, tier;
  // Only customers of this ABC class over `abcPeriod` (default cutoffs, abc_segmentation.h).
  std::optional<char> abcClass;
  Period abcPeriod;
  bool includeMerged = false;  // merged-away customers are someone else now: hidden by default
};

class CustomerProfiles {
 public:
  explicit CustomerProfiles(Poco::Data::Session& session) : session_(session) {}

  // Refused: an unknown code, a party that is not a customer, a value outside its list, a
  // customer merged away (its profile is the survivor's now).
  Result<Done> change(store::Transaction& transaction, const std::string& code, const ProfileChange& change);

  // Ordered by code.
  Result<std::vector<CustomerListing>> list(const CustomerFilter& filter);

 private:
  Poco::Data::Session& session_;
};

}  // namespace crm
