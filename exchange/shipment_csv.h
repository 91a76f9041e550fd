// The columns of a shipment export from a transport management system (docs/IMPORT.md) and how
// one CSV row becomes a logistics::Shipment: names from the header, values checked and
// converted exactly (money to minor units by the currency's exponent, dates to stored UTC).
#pragma once

#include "logistics/problem.h"
#include "logistics/shipment.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exchange {

enum class ShipmentColumn {
  client_code, carrier_code, bill_of_lading, pro_number, ship_notice_id,
  origin_city, origin_postal_code, origin_country, origin_region,
  destination_city, destination_postal_code, destination_country, destination_region,
  mode, distance_km, goods, pieces, weight_kg, volume_m3, freight_cost, currency,
  planned_ship_date, ship_date, planned_delivery, promised_delivery, actual_delivery, status,
  sku, item_description, quantity, unit,
  count
};

// Where each known column sits in the rows (or nowhere), from the header row.
class ShipmentColumns {
 public:
  // Refused when a name is unknown or repeated, or a required column is absent: client_code
  // (unless the import names a default client), mode, and one of the three references.
  static logistics::Result<ShipmentColumns> fromHeader(const std::vector<std::string_view>& header,
                                                       bool defaultClient);
  std::optional<std::size_t> at(ShipmentColumn column) const;
  std::size_t width() const { return width_; }

 private:
  std::array<int, static_cast<std::size_t>(ShipmentColumn::count)> index_{};
  std::size_t width_ = 0;
};

const char* shipmentColumnName(ShipmentColumn column);

// The parties a file may name, loaded once per import (crm::PartyDirectory::idsByCode).
struct PartyCodes {
  std::map<std::string, std::int64_t> clients;   // party codes of clients
  std::map<std::string, std::int64_t> carriers;  // party codes and SCACs of carriers
  std::optional<std::int64_t> defaultClient;     // for rows without a client_code
};

// The shipment a row describes, or every problem found in it (field = the column name; the
// message quotes the value).
logistics::Result<logistics::Shipment> shipmentFromRow(const ShipmentColumns& columns,
                                                       const std::vector<std::string_view>& fields,
                                                       const PartyCodes& parties);

// Exposed for tests: "1234.5" in EUR -> 123450; refused past the currency's minor digits.
std::optional<std::int64_t> minorUnits(std::string_view amount, std::string_view currency);
// "2026-03-01", "2026-03-01T08:30", "2026-03-01 08:30:15+02:00" -> "2026-03-01T06:30:15.000Z".
std::optional<std::string> storedTimestamp(std::string_view text);

}  // namespace exchange
