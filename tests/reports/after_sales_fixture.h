// A small after-sales history for the report tests, written through the libraries the way the
// intake and the imports write it (SalesLedger, ReturnBook, DisposalBook, CaseBook, SurveyBook),
// small enough that every figure of the sections is worked out by hand in after_sales_test.cc.
#pragma once

#include "tests/support/test_database.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <string>

namespace reports_test {

// Two manufacturers, MAKER and OTHER, both clients, one product each; customers L1-L6 (party
// codes in `code`), sales in 2025 and 2026Q3, RMAs R1-R5, disposal records D1-D6, service cases
// K1-K5 and surveys. The comments in after_sales_fixture.cc list every record.
struct AfterSalesHistory {
  AfterSalesHistory();

  test_support::TestDatabase test;
  std::int64_t maker = 0, other = 0, recycler = 0;
  std::map<std::string, std::string> code;  // loyalty id "L1" -> party code "CUST-7"
};

}  // namespace reports_test
