// The partner_profile table: the one place that writes and reads partner profiles. The intake
// finds a partner here from an envelope's sender; the outbound side finds its ids and transport.
#pragma once

#include "logistics/partner_profile.h"
#include "logistics/problem.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <vector>

namespace logistics {

class PartnerDirectory {
 public:
  // Reads run on `session`; writes on the session of the transaction they are given.
  explicit PartnerDirectory(Poco::Data::Session& session) : session_(session) {}

  // Adds the profile inside the caller's transaction and returns the party id. Refused (as
  // problems) when the party is unknown or does not hold the role, a field does not fit the
  // standard, the party has a profile already, or another partner uses the same sender id.
  Result<std::int64_t> add(store::Transaction& transaction, const PartnerProfile& profile);

  std::optional<PartnerProfile> find(std::int64_t partyId);
  std::optional<PartnerProfile> findByCode(const std::string& partyCode);
  // The partner an inbound envelope comes from: ISA05/ISA06, or UNB sender id and qualifier
  // (a profile without a qualifier matches any).
  std::optional<PartnerProfile> findByX12Sender(const std::string& qualifier, const std::string& id);
  std::optional<PartnerProfile> findByEdifactSender(const std::string& id, const std::string& qualifier);
  // All profiles, or those of one role, in party code order.
  std::vector<PartnerProfile> list(std::optional<PartnerRole> role = std::nullopt);

 private:
  std::vector<PartnerProfile> select(const std::string& where, const std::vector<std::string>& textParameters,
                                     std::optional<std::int64_t> idParameter = std::nullopt);

  Poco::Data::Session& session_;
};

// The checks add() makes that need no database: the fields against the standard.
std::vector<Problem> checkPartnerProfile(const PartnerProfile& profile);

}  // namespace logistics
