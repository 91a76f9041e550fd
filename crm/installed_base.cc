#include "crm/installed_base.h"

#include "crm/customer_identity.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

std::optional<std::string> optional(const Poco::Nullable<std::string>& value) {
  return value.isNull() ? std::nullopt : std::optional<std::string>(value.value());
}

}  // namespace

const char* warrantyStatusName(WarrantyStatus status) {
  switch (status) {
    case WarrantyStatus::in_warranty: return "in_warranty";
    case WarrantyStatus::expired: return "expired";
    case WarrantyStatus::not_yet_sold: return "not_yet_sold";
    case WarrantyStatus::unknown: return "unknown";
  }
  return "unknown";
}

WarrantyStatus warrantyStatusAt(const std::string& soldOn, const std::optional<std::string>& warrantyEnd,
                                const std::string& day) {
  if (day < soldOn) return WarrantyStatus::not_yet_sold;
  if (!warrantyEnd) return WarrantyStatus::unknown;
  return day <= *warrantyEnd ? WarrantyStatus::in_warranty : WarrantyStatus::expired;
}

std::vector<InstalledUnit> InstalledBase::unitsOf(std::int64_t customerId, const std::string& day) {
  const std::string members = sqlIdList(identityMembers(session_, customerId));
  std::vector<std::int64_t> id;
  std::vector<Poco::Nullable<std::string>> sku, productName, dealer, warrantyEnd;
  std::vector<std::string> serial, soldOn, recordedAs, status;
  Poco::Data::Statement select(session_);
  select << "SELECT u.unit_id, COALESCE(u.sku, pr.sku), pr.name, d.party_code, u.serial_number, u.sold_on, "
            "c.party_code, u.warranty_end, u.status FROM installed_unit u JOIN party c ON c.party_id = u.customer_id "
            "LEFT JOIN product pr ON pr.product_id = u.product_id LEFT JOIN party d ON d.party_id = u.dealer_id "
            "WHERE u.customer_id IN " + members + " ORDER BY u.sold_on, u.serial_number",
      into(id), into(sku), into(productName), into(dealer), into(serial), into(soldOn), into(recordedAs),
      into(warrantyEnd), into(status);
  select.execute();
  std::vector<InstalledUnit> units(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    units[i] = {id[i], optional(sku[i]), optional(productName[i]), optional(dealer[i]), serial[i], soldOn[i],
                recordedAs[i], optional(warrantyEnd[i]), status[i], WarrantyStatus::unknown};
    units[i].warranty = warrantyStatusAt(units[i].soldOn, units[i].warrantyEnd, day);
  }
  return units;
}

std::vector<UnitCount> InstalledBase::unitsPerCustomer(const std::string& day) {
  std::vector<std::int64_t> id, units, inWarranty;
  std::vector<std::string> code;
  session_ << "SELECT k.customer_id, p.party_code, k.units, k.in_warranty FROM ("
              " SELECT COALESCE(cp.merged_into, u.customer_id) AS customer_id, CAST(COUNT(*) AS BIGINT) AS units,"
              "  CAST(SUM(CASE WHEN u.warranty_end >= ? THEN 1 ELSE 0 END) AS BIGINT) AS in_warranty"
              " FROM installed_unit u LEFT JOIN customer_profile cp ON cp.party_id = u.customer_id"
              " WHERE u.customer_id IS NOT NULL AND u.status = 'installed' AND u.sold_on <= ?"
              " GROUP BY COALESCE(cp.merged_into, u.customer_id)) k"
              " JOIN party p ON p.party_id = k.customer_id ORDER BY p.party_code",
      bind(day), bind(day), into(id), into(code), into(units), into(inWarranty), now;
  std::vector<UnitCount> rows(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) rows[i] = {id[i], code[i], units[i], inWarranty[i]};
  return rows;
}

}  // namespace crm
