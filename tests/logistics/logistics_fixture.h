// A migrated test database with the parties logistics records refer to: a client, two carriers,
// a shipper, a consignee, a dealer, a customer and a recycler, and two products.
#pragma once

#include "logistics/shipment.h"
#include "store/transaction.h"
#include "tests/support/test_database.h"

#include <cstdint>
#include <functional>
#include <string>

namespace logistics_test {

struct LogisticsFixture {
  LogisticsFixture();

  test_support::TestDatabase test;
  store::Database& database;
  std::int64_t client = 0, carrier = 0, otherCarrier = 0, shipper = 0, consignee = 0, dealer = 0, customer = 0,
               recycler = 0, washingMachine = 0, dishwasher = 0;

  // A valid road shipment of the client by `carrier` with two lines, named by its PRO number.
  logistics::Shipment shipment(const std::string& proNumber) const;

  // Runs `work` in one transaction on a fresh session and commits when it returns true.
  void inTransaction(const std::function<bool(store::Transaction&)>& work);
  // SELECT count(*) FROM table.
  int count(const std::string& table);
};

}  // namespace logistics_test
