// Merging two customer records found to be one person, and undoing it. A merge points the
// absorbed customer (and those merged into it before) at the survivor; sales, cases and surveys
// keep the party they came with, and every query resolves identity, so an unmerge restores
// exactly the state before the merge, whatever was recorded in between.
#pragma once

#include "crm/result.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct MergeRecord {
  std::int64_t id = 0;
  std::string survivorCode, absorbedCode;
  std::string mergedAt;
  std::optional<std::string> unmergedAt, note;
  std::vector<std::string> followerCodes;  // merged into the absorbed one before, moved along
};

class CustomerMerges {
 public:
  explicit CustomerMerges(Poco::Data::Session& session) : session_(session) {}

  // Merges `absorbedCode` into `survivorCode`. Refused (as values): unknown codes, parties
  // without the customer role, a customer into itself, an absorbed customer merged already, a
  // survivor that is merged away itself.
  Result<MergeRecord> merge(store::Transaction& transaction, const std::string& survivorCode,
                            const std::string& absorbedCode, const std::optional<std::string>& note = std::nullopt,
                            const std::optional<std::string>& at = std::nullopt);
  // Undoes the merge that absorbed `absorbedCode`: it stands for itself again, and the customers
  // that followed it into the survivor follow it back. Refused when it is not merged.
  Result<MergeRecord> unmerge(store::Transaction& transaction, const std::string& absorbedCode,
                              const std::optional<std::string>& at = std::nullopt);

  // Merges the customer took part in, as survivor or absorbed, oldest first.
  std::vector<MergeRecord> history(std::int64_t customerId);

 private:
  std::optional<MergeRecord> find(std::int64_t mergeId);

  Poco::Data::Session& session_;
};

}  // namespace crm
