// What `afterflow demo` is asked for: the year, the seed that makes it repeatable, how big it
// is, and where its files go. The scales are counts of what the year holds; tests use their own.
#pragma once

#include <cstdint>
#include <string>

namespace demo {

struct DemoScale {
  std::string name;
  int shipments = 0;         // ship notices over the year (856 and DESADV)
  int saleTransactions = 0;  // POS receipts over the year (CSV and POSLog)
  int customers = 0;         // loyalty card holders the sales and service cases draw from

  static DemoScale small();  // the default: the whole demo in a few seconds
  static DemoScale full();   // ten times as much
};

struct DemoOptions {
  int year = 2025;  // the report's year
  // Years generated, ending with `year`: with the year before it, the report compares its quarter
  // with the same quarter a year earlier and finds customers who stopped buying a year ago.
  int years = 2;
  std::uint64_t seed = 1;
  DemoScale scale = DemoScale::small();
  std::string outDirectory = "afterflow-demo";
  std::string schemasRoot;  // edi definitions and POS mappings; empty: the build's schemas/
};

}  // namespace demo
