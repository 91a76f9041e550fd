// A pos_import::SaleSink for the POS reader targets: reads every field of every sale and reject,
// and checks what the importer behind a real sink relies on.
#pragma once

#include "fuzz_check.h"
#include "pos_import/sale_sink.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

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
    if (!isDay(sale.businessDay)) fail("a business day that is not a date YYYY-MM-DD");
    if (sale.occurredAt.size() != 24 || !isDay(std::string_view(sale.occurredAt).substr(0, 10)) ||
        sale.occurredAt[10] != 'T' || sale.occurredAt.back() != 'Z') {
      fail("a sale's time that is not YYYY-MM-DDTHH:MM:SS.mmmZ");
    }
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
    sum += touch(reject.location) + touch(reject.reason) + touch(reject.raw);
  }

  void skipped() override { ++skips; }

  void progress(std::uint64_t bytesRead) override {
    if (bytesRead < lastProgress_) fail("progress went backwards");
    if (bytesRead > inputBytes_) fail("progress past the end of the input");
    lastProgress_ = bytesRead;
  }

 private:
  // The ledger stores days and times as text in this form and compares them as text.
  static bool isDay(std::string_view day) {
    if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (day[i] < '0' || day[i] > '9') return false;
    }
    const int year = std::stoi(std::string(day.substr(0, 4))), month = std::stoi(std::string(day.substr(5, 2))),
              dayOfMonth = std::stoi(std::string(day.substr(8, 2)));
    return year >= 1900 && month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31;
  }

  std::uint64_t inputBytes_;
  bool totalIsSum_;
  std::uint64_t lastProgress_ = 0;
};

}  // namespace afterflow_fuzz
