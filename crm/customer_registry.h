// Customers as the POS import and the service desk find them: a POS record names a customer by
// loyalty id, e-mail or phone, and the registry answers which customer that is (following
// merges to the one that stays), or records a new one. Writes run in the caller's transaction.
#pragma once

#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace crm {

// What a source says about a customer; any field may be missing.
struct CustomerCandidate {
  std::optional<std::string> loyaltyId, email, phone, name, city, postalCode, region, country;
};

class CustomerRegistry {
 public:
  explicit CustomerRegistry(Poco::Data::Session& session) : session_(session) {}

  // The party the candidate names as recorded: by loyalty id, then the lowest party with the
  // e-mail key, then with the phone key; not resolved through merges, so a fact recorded under
  // it follows an unmerge. Empty when none matches.
  std::optional<std::int64_t> identify(const CustomerCandidate& candidate);
  // The customer that stands for what identify() finds (resolved through merges).
  std::optional<std::int64_t> match(const CustomerCandidate& candidate);
  // A new customer (party with role customer, profile with matching keys, loyalty identifier),
  // coded "CUST-<id>". Throws the database's exception when its loyalty id is taken.
  std::int64_t create(store::Transaction& transaction, const CustomerCandidate& candidate);
  // Many new customers at once, as create() makes each, their ids in the candidates' order: the
  // ids are assigned together and the rows written by store::BulkInserter, a few statements
  // whatever their number. The caller has made sure no two share a loyalty id.
  std::vector<std::int64_t> createAll(store::Transaction& transaction,
                                      std::span<const CustomerCandidate* const> candidates);
  // match(), else create().
  std::int64_t matchOrCreate(store::Transaction& transaction, const CustomerCandidate& candidate);
  // The customer that stands for `partyId`: itself, or the one it was merged into.
  std::int64_t resolve(std::int64_t partyId);

 private:
  std::optional<std::int64_t> byKey(const char* column, const std::string& key);

  Poco::Data::Session& session_;
};

}  // namespace crm
