// The installed base as customers own it: serial-numbered units sold to a customer (through
// merges), and whether each was under warranty on a given day. Reads installed_unit, which the
// sales ledger keeps.
#pragma once

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm {

// in_warranty: sold on or before the day and the warranty ends on or after it; expired: it ended
// before; not_yet_sold: the day is before the sale; unknown: no warranty end is known.
enum class WarrantyStatus { in_warranty, expired, not_yet_sold, unknown };
const char* warrantyStatusName(WarrantyStatus status);
WarrantyStatus warrantyStatusAt(const std::string& soldOn, const std::optional<std::string>& warrantyEnd,
                                const std::string& day);

struct InstalledUnit {
  std::int64_t id = 0;
  std::optional<std::string> sku, productName, dealerCode;
  std::string serialNumber, soldOn;
  std::string recordedAs;  // the customer code the unit was sold to (before any merge)
  std::optional<std::string> warrantyEnd;
  std::string status;  // installed, returned, recycled
  WarrantyStatus warranty = WarrantyStatus::unknown;
};

struct UnitCount {
  std::int64_t customerId = 0;
  std::string code;
  std::int64_t units = 0, inWarranty = 0;  // units still installed; of them, under warranty on the day
};

class InstalledBase {
 public:
  explicit InstalledBase(Poco::Data::Session& session) : session_(session) {}

  // The customer's units, by sale day and serial, with the warranty status on `day`.
  std::vector<InstalledUnit> unitsOf(std::int64_t customerId, const std::string& day);
  // Installed units per customer (through merges), by code: one set-based query.
  std::vector<UnitCount> unitsPerCustomer(const std::string& day);

 private:
  Poco::Data::Session& session_;
};

}  // namespace crm
