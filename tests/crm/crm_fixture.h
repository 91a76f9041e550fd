// A migrated test database and the plain-SQL setup the crm tests need: customers, and sales and
// installed units written as the sales ledger would write them (crm reads them, never writes).
#pragma once

#include "store/transaction.h"
#include "tests/support/test_database.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm_test {

struct Line {
  Line(std::int64_t amount, std::optional<std::int64_t> cost = std::nullopt, double count = 1)
      : amountCents(amount), costCents(cost), quantity(count) {}
  std::int64_t amountCents;
  std::optional<std::int64_t> costCents;
  double quantity;
};

struct CrmFixture {
  CrmFixture();

  test_support::TestDatabase test;
  Poco::Data::Session session;

  // A party with the customer role (and a profile when tier is given), or a dealer.
  std::int64_t customer(const std::string& code, const std::optional<std::string>& tier = std::nullopt,
                        const std::string& region = "South");
  std::int64_t dealer(const std::string& code);
  // A sale (or return) with its lines; total = sum of line amounts; occurred at noon of the day.
  std::int64_t sale(std::int64_t customerId, const std::string& day, const std::vector<Line>& lines,
                    const std::string& kind = "sale");
  void unit(std::int64_t customerId, const std::string& serial, const std::string& soldOn,
            const std::optional<std::string>& warrantyEnd, const std::string& status = "installed");
  // SELECT party_id, merged_into, merged_at of all profiles, one text line each, for comparing states.
  std::vector<std::string> profileState();

 private:
  int sales_ = 0;
};

}  // namespace crm_test
