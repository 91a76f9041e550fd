// Checks a record's references before it is written, so a missing party, product or
// interchange is returned as a Problem instead of failing a foreign key: on PostgreSQL a failed
// statement aborts the caller's whole transaction (the intake applies an interchange in one),
// so a write must not try a statement it expects to fail. Internal to logistics/.
//
// logistics reads party and party_role (owned by crm/) only here and to show partner codes;
// it never writes them.
#pragma once

#include "logistics/problem.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace logistics {

// The session a write runs on. Writes take the caller's Transaction, not a bare session, so
// they always run inside one; a finished transaction is a programming error.
Poco::Data::Session& writeSession(store::Transaction& transaction);

class RecordChecks {
 public:
  explicit RecordChecks(Poco::Data::Session& session) : session_(session) {}

  // Each appends a Problem naming `field` when the reference is missing; nothing when the id is
  // not given. role: one of party_role's names ("carrier", "client"...).
  void party(const std::optional<std::int64_t>& id, const std::string& field, std::vector<Problem>& problems);
  void partyWithRole(const std::optional<std::int64_t>& id, const std::string& role, const std::string& field,
                     std::vector<Problem>& problems);
  void product(const std::optional<std::int64_t>& id, const std::string& field, std::vector<Problem>& problems);
  void interchange(const std::optional<std::int64_t>& id, std::vector<Problem>& problems);
  // For fields holding a timestamp: missing when required and absent, invalid when not stored form.
  static void timestamp(const std::optional<std::string>& value, bool required, const std::string& field,
                        std::vector<Problem>& problems);
  static void required(const std::string& value, const std::string& field, std::vector<Problem>& problems);

 private:
  bool exists(const std::string& sql, std::int64_t id);

  Poco::Data::Session& session_;
};

}  // namespace logistics
