// A pos_import::SaleSink for the POS reader targets: reads every field of every sale and reject,
// and checks what the importer behind a real sink relies on.
#pragma once

#include "crm/sales_ledger.h"
#include "fuzz_check.h"
#include "pos_import/sale_sink.h"

#include <algorithm>
#include <cstdint>

namespace afterflow_fuzz {

class CheckingSaleSink : public pos_import::SaleSink {
 public:
  // `inputBytes`: progress never reports more than this. `totalIsSum`: the reader does not take
  // the total from the file (CSV), so it must be the sum of the lines.
  CheckingSaleSink(std::uint64_t inputBytes, bool totalIsSum) : inputBytes_(inputBytes), totalIsSum_(totalIsSum) {}

  std::uint64_t sum = 0;
  std::uint64_t sales = 0, rejects = 0, skips = 0;

  void sale(crm::Sale&& sale, std::string location) override {
    ++sales;
    if (location.empty()) fail("a sale without a location");
    if (sale.sourceKey.empty()) fail("a sale without a source key");
    if (sale.lines.empty()) fail("a sale without lines");
    // The day and time are judged by the ledger (crm::checkSale), which refuses the sale alone.
    if (sale.businessDay.size() != 10) fail("a business day that is not 10 characters");
    if (sale.occurredAt.empty()) fail("a sale without a time");
    sum += touchOptional(crm::checkSale(sale));
    const bool allReturned =
        std::all_of(sale.lines.begin(), sale.lines.end(), [](const crm::SaleLine& l) { return l.quantity < 0; });
    if (sale.kind != (allReturned ? "return" : "sale")) fail("a sale's kind disagrees with its lines");
    std::int64_t total = 0;
    sum += touch(location) + touch(sale.sourceKey) + touch(sale.sourceFormat) + touch(sale.kind) +
           touchOptional(sale.storeCode) + touchOptional(sale.workstation) + touchOptional(sale.operatorId) +
           touch(sale.businessDay) + touch(sale.occurredAt) + touch(sale.currency) +
           static_cast<std::uint64_t>(sale.totalCents);
    const crm::CustomerCandidate& c = sale.customer;
    sum += touchOptional(c.loyaltyId) + touchOptional(c.email) + touchOptional(c.phone) + touchOptional(c.name) +
           touchOptional(c.city) + touchOptional(c.postalCode) + touchOptional(c.region) + touchOptional(c.country);
    for (const crm::SaleLine& line : sale.lines) {
      sum += touchOptional(line.sku) + touchOptional(line.description) + touchOptional(line.serialNumber) +
             touchOptional(line.returnReason) + touchOptional(line.disposalMethod) +
             static_cast<std::uint64_t>(line.quantity != 0) + static_cast<std::uint64_t>(line.amountCents) +
             static_cast<std::uint64_t>(line.unitPriceCents.value_or(0)) +
             static_cast<std::uint64_t>(line.costCents.value_or(0));
      if (!line.sku || line.sku->empty()) fail("a sale line without a SKU");
      total += line.amountCents;
    }
    if (totalIsSum_ && total != sale.totalCents) fail("a sale's total is not the sum of its lines");
  }

  void reject(pos_import::Reject reject) override {
    ++rejects;
    if (reject.location.empty() || reject.reason.empty()) fail("a reject without a location or a reason");
    sum += touch(reject.location) + touch(reject.reason) + touch(reject.raw) + touch(reject.readable);
  }

  void skipped() override { ++skips; }
  void header(const std::string& raw) override { sum += touch(raw); }

  void progress(std::uint64_t bytesRead) override {
    if (bytesRead < lastProgress_) fail("progress went backwards");
    if (bytesRead > inputBytes_) fail("progress past the end of the input");
    lastProgress_ = bytesRead;
  }

 private:
  std::uint64_t inputBytes_;
  bool totalIsSum_;
  std::uint64_t lastProgress_ = 0;
};

}  // namespace afterflow_fuzz
