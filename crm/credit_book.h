// Credit and risk per customer or dealer: the limit granted, a rating A (best) to E, the
// exposure (what is owed now) and whether a payment is overdue.
#pragma once

#include "crm/result.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

namespace crm {

// A change: fields left empty keep their value; a first change must give limit and rating.
struct CreditChange {
  std::optional<std::int64_t> limitCents, exposureCents;
  std::optional<std::string> rating;
  std::optional<bool> overdue;
};

struct CreditStanding {
  std::string code;
  std::int64_t limitCents = 0, exposureCents = 0;
  std::string rating;
  bool overdue = false;
  std::string updatedAt;

  std::int64_t availableCents() const { return limitCents - exposureCents; }
  bool overLimit() const { return exposureCents > limitCents; }
  // At risk: over the limit, overdue, or rated D or E.
  bool atRisk() const { return overLimit() || overdue || rating == "D" || rating == "E"; }
};

class CreditBook {
 public:
  explicit CreditBook(Poco::Data::Session& session) : session_(session) {}

  // Refused: unknown code, a party neither customer nor dealer, a customer merged away (its
  // account is the survivor's concern), a negative limit, a rating outside A-E, a first change
  // without limit and rating (no_credit_account).
  Result<CreditStanding> change(store::Transaction& transaction, const std::string& code, const CreditChange& change);
  // Empty when the party has no account. Refused: unknown code.
  Result<std::optional<CreditStanding>> standing(const std::string& code);

 private:
  std::optional<CreditStanding> read(Poco::Data::Session& session, std::int64_t partyId, const std::string& code);

  Poco::Data::Session& session_;
};

}  // namespace crm
