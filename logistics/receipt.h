// A receipt: what arrived at a warehouse against a shipment, line by line, set against what the
// shipment announced (received, damaged, short, over). From X12 944/861 or EDIFACT RECADV.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace logistics {

struct ReceiptLine {
  int lineNo = 0;                       // 1, 2, ... unique within the receipt
  std::optional<int> shipmentLineNo;    // the announced line; empty for goods not announced
  std::optional<std::int64_t> productId;
  std::optional<std::string> sku;
  double quantityReceived = 0;
  double quantityDamaged = 0;           // part of quantityReceived
  // Left empty, the library works them out against what was still outstanding on the announced
  // line (shipped less earlier receipts); given, they are kept as the receiver reported them.
  std::optional<double> quantityShort, quantityOver;
  std::string unit = "units";
};

struct Receipt {
  std::int64_t id = 0;  // assigned by the database
  std::int64_t shipmentId = 0;
  std::string receiptNumber;  // the receiver's number, unique per warehouse
  std::optional<std::int64_t> warehouseId;
  std::optional<std::string> warehouse;  // location code or name as the receiver gives it
  std::string receivedAt;                // ISO-8601 UTC
  std::optional<std::int64_t> sourceInterchangeId;
  std::vector<ReceiptLine> lines;
};

}  // namespace logistics
