#include "exchange/shipment_csv.h"

#include "csv/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace exchange {
namespace {

using logistics::Problem;
using logistics::ProblemCode;

constexpr std::array<const char*, static_cast<std::size_t>(ShipmentColumn::count)> kNames = {
    "client_code", "carrier_code", "bill_of_lading", "pro_number", "ship_notice_id",
    "origin_city", "origin_postal_code", "origin_country", "origin_region",
    "destination_city", "destination_postal_code", "destination_country", "destination_region",
    "mode", "distance_km", "goods", "pieces", "weight_kg", "volume_m3", "freight_cost", "currency",
    "planned_ship_date", "ship_date", "planned_delivery", "promised_delivery", "actual_delivery", "status",
    "sku", "item_description", "quantity", "unit"};

// Columns a rejects file adds in front of the original ones; an import reads past them, so a
// corrected rejects file can be imported as it is.
constexpr const char* kRejectsColumns[] = {"source_line", "reject_reason"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Minor-unit exponents of ISO 4217 currencies that do not use two (the rest do).
int currencyExponent(std::string_view currency) {
  static const char* const kZero[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
                                      "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
  static const char* const kThree[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  for (const char* code : kZero) {
    if (currency == code) return 0;
  }
  for (const char* code : kThree) {
    if (currency == code) return 3;
  }
  return 2;
}

bool digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int number(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

int daysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a civil date and back (H. Hinnant's algorithms): shifting by a UTC
// offset can cross a day, month or year.
std::int64_t daysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = static_cast<int>(y - era * 400);
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civilFromDays(std::int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = static_cast<int>(z - era * 146097);
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yoe + era * 400) + (m <= 2);
}

class RowReader {
 public:
  RowReader(const ShipmentColumns& columns, const std::vector<std::string_view>& fields,
            std::vector<Problem>& problems)
      : columns_(columns), fields_(fields), problems_(problems) {}

  std::optional<std::string_view> raw(ShipmentColumn column) {
    const auto at = columns_.at(column);
    if (!at) return std::nullopt;
    const std::string_view value = trim(fields_[*at]);
    if (value.empty()) return std::nullopt;
    if (!csv::isValidUtf8Text(value)) {
      fail(ProblemCode::invalid_value, column, "is not UTF-8 text (or holds a NUL byte)");
      return std::nullopt;
    }
    return value;
  }
  std::optional<std::string> text(ShipmentColumn column) {
    const auto value = raw(column);
    return value ? std::optional<std::string>(std::string(*value)) : std::nullopt;
  }
  std::optional<double> real(ShipmentColumn column) {
    const auto value = raw(column);
    if (!value) return std::nullopt;
    double result = 0;
    const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), result);
    if (error != std::errc() || end != value->data() + value->size() || !std::isfinite(result)) {
      fail(ProblemCode::invalid_value, column, "'" + std::string(*value) + "' is not a number");
      return std::nullopt;
    }
    return result;
  }
  std::optional<int> integer(ShipmentColumn column) {
    const auto value = raw(column);
    if (!value) return std::nullopt;
    int result = 0;
    const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), result);
    if (error != std::errc() || end != value->data() + value->size()) {
      fail(ProblemCode::invalid_value, column, "'" + std::string(*value) + "' is not a whole number");
      return std::nullopt;
    }
    return result;
  }
  std::optional<std::string> timestamp(ShipmentColumn column) {
    const auto value = raw(column);
    if (!value) return std::nullopt;
    auto stored = storedTimestamp(*value);
    if (!stored) {
      fail(ProblemCode::invalid_timestamp, column,
           "'" + std::string(*value) + "' is not an ISO date (2026-03-01) or date-time (2026-03-01T08:30:00Z)");
    }
    return stored;
  }
  void fail(ProblemCode code, ShipmentColumn column, const std::string& message) {
    problems_.push_back({code, shipmentColumnName(column), message});
  }

 private:
  const ShipmentColumns& columns_;
  const std::vector<std::string_view>& fields_;
  std::vector<Problem>& problems_;
};

std::optional<logistics::TransportMode> modeFromText(std::string_view text) {
  using logistics::TransportMode;
  const std::string name = lower(text);
  if (auto mode = logistics::transportModeFromName(name)) return mode;
  // The words TMS exports use for the same modes.
  static const std::pair<const char*, TransportMode> kAliases[] = {
      {"truck", TransportMode::road},  {"ltl", TransportMode::road},   {"ftl", TransportMode::road},
      {"tl", TransportMode::road},     {"parcel", TransportMode::road}, {"ocean", TransportMode::sea},
      {"intermodal", TransportMode::multimodal}};
  for (const auto& [alias, mode] : kAliases) {
    if (name == alias) return mode;
  }
  return std::nullopt;
}

}  // namespace

const char* shipmentColumnName(ShipmentColumn column) { return kNames[static_cast<std::size_t>(column)]; }

logistics::Result<ShipmentColumns> ShipmentColumns::fromHeader(const std::vector<std::string_view>& header,
                                                               bool defaultClient) {
  ShipmentColumns columns;
  columns.index_.fill(-1);
  columns.width_ = header.size();
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = lower(trim(header[i]));
    const auto known = std::find(kNames.begin(), kNames.end(), name);
    if (known == kNames.end()) {
      if (std::find(std::begin(kRejectsColumns), std::end(kRejectsColumns), name) != std::end(kRejectsColumns)) {
        continue;
      }
      // A misspelt column would silently drop its data: refuse the file instead.
      problems.push_back({ProblemCode::invalid_value, "header",
                          "column " + std::to_string(i + 1) + " '" + std::string(header[i]) +
                              "' is not a shipment column (docs/IMPORT.md lists them)"});
      continue;
    }
    int& slot = columns.index_[static_cast<std::size_t>(known - kNames.begin())];
    if (slot >= 0) {
      problems.push_back({ProblemCode::invalid_value, "header", "column '" + name + "' appears twice"});
    }
    slot = static_cast<int>(i);
  }
  auto has = [&](ShipmentColumn c) { return columns.index_[static_cast<std::size_t>(c)] >= 0; };
  if (!has(ShipmentColumn::client_code) && !defaultClient) {
    problems.push_back({ProblemCode::missing_field, "header", "no client_code column and no --client given"});
  }
  if (!has(ShipmentColumn::mode)) problems.push_back({ProblemCode::missing_field, "header", "no mode column"});
  if (!has(ShipmentColumn::bill_of_lading) && !has(ShipmentColumn::pro_number) &&
      !has(ShipmentColumn::ship_notice_id)) {
    problems.push_back({ProblemCode::missing_field, "header",
                        "no reference column: bill_of_lading, pro_number or ship_notice_id"});
  }
  if ((has(ShipmentColumn::sku) || has(ShipmentColumn::item_description)) && !has(ShipmentColumn::quantity)) {
    problems.push_back({ProblemCode::missing_field, "header", "item columns (sku, item_description) need quantity"});
  }
  if (!problems.empty()) return problems;
  return columns;
}

std::optional<std::size_t> ShipmentColumns::at(ShipmentColumn column) const {
  const int index = index_[static_cast<std::size_t>(column)];
  if (index < 0) return std::nullopt;
  return static_cast<std::size_t>(index);
}

std::optional<std::int64_t> minorUnits(std::string_view amount, std::string_view currency) {
  const int exponent = currencyExponent(currency);
  const std::size_t dot = amount.find('.');
  const std::string_view whole = amount.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : amount.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  if (!digits(whole, 0, whole.size()) || !digits(fraction, 0, fraction.size())) return std::nullopt;
  // Digits past the currency's minor unit are allowed only as zeros: never round money.
  while (fraction.size() > static_cast<std::size_t>(exponent)) {
    if (fraction.back() != '0') return std::nullopt;
    fraction.remove_suffix(1);
  }
  if (whole.size() > 15) return std::nullopt;
  std::int64_t value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  for (int i = 0; i < exponent; ++i) {
    value = value * 10 + (static_cast<std::size_t>(i) < fraction.size() ? fraction[static_cast<std::size_t>(i)] - '0' : 0);
  }
  return value;
}

std::optional<std::string> storedTimestamp(std::string_view t) {
  // YYYY-MM-DD
  if (t.size() < 10 || !digits(t, 0, 4) || t[4] != '-' || !digits(t, 5, 2) || t[7] != '-' || !digits(t, 8, 2)) {
    return std::nullopt;
  }
  int year = number(t, 0, 4), month = number(t, 5, 2), day = number(t, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return std::nullopt;
  int hour = 0, minute = 0, second = 0, millis = 0, offsetMinutes = 0;
  std::size_t at = 10;
  if (at < t.size()) {
    if ((t[at] != 'T' && t[at] != ' ') || !digits(t, at + 1, 2) || at + 3 >= t.size() || t[at + 3] != ':' ||
        !digits(t, at + 4, 2)) {
      return std::nullopt;
    }
    hour = number(t, at + 1, 2);
    minute = number(t, at + 4, 2);
    at += 6;
    if (at < t.size() && t[at] == ':') {
      if (!digits(t, at + 1, 2)) return std::nullopt;
      second = number(t, at + 1, 2);
      at += 3;
      if (at < t.size() && t[at] == '.') {
        std::size_t fractionDigits = 0;
        ++at;
        while (at < t.size() && t[at] >= '0' && t[at] <= '9') {
          if (fractionDigits < 3) millis = millis * 10 + (t[at] - '0');
          ++fractionDigits;
          ++at;
        }
        if (fractionDigits == 0) return std::nullopt;
        for (std::size_t i = fractionDigits; i < 3; ++i) millis *= 10;
      }
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    // Z, +HH:MM, -HH:MM, +HHMM, or nothing (taken as UTC, see docs/IMPORT.md).
    if (at < t.size()) {
      if (t[at] == 'Z' && at + 1 == t.size()) {
        at = t.size();
      } else if (t[at] == '+' || t[at] == '-') {
        const int sign = t[at] == '+' ? 1 : -1;
        std::string_view zone = t.substr(at + 1);
        if (zone.size() == 5 && zone[2] == ':' && digits(zone, 0, 2) && digits(zone, 3, 2)) {
          offsetMinutes = sign * (number(zone, 0, 2) * 60 + number(zone, 3, 2));
        } else if (zone.size() == 4 && digits(zone, 0, 4)) {
          offsetMinutes = sign * (number(zone, 0, 2) * 60 + number(zone, 2, 2));
        } else {
          return std::nullopt;
        }
        at = t.size();
      } else {
        return std::nullopt;
      }
    }
  }
  if (offsetMinutes != 0) {
    std::int64_t total = (daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes;
    const std::int64_t days = (total >= 0 ? total : total - 1439) / 1440;
    total -= days * 1440;
    civilFromDays(days, year, month, day);
    hour = static_cast<int>(total / 60);
    minute = static_cast<int>(total % 60);
    if (year < 0 || year > 9999) return std::nullopt;
  }
  // Written digit by digit: a million rows carry five timestamps each, and snprintf would be a
  // good part of their parsing.
  std::string out = "0000-00-00T00:00:00.000Z";
  const auto put = [&out](std::size_t at, int value, std::size_t width) {
    for (std::size_t i = width; i-- > 0; value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  put(11, hour, 2);
  put(14, minute, 2);
  put(17, second, 2);
  put(20, millis, 3);
  return out;
}

logistics::Result<logistics::Shipment> shipmentFromRow(const ShipmentColumns& columns,
                                                       const std::vector<std::string_view>& fields,
                                                       const PartyCodes& parties) {
  if (fields.size() != columns.width()) {
    return Problem{ProblemCode::invalid_value, "",
                   "the row has " + std::to_string(fields.size()) + " values, the header names " +
                       std::to_string(columns.width()) + " columns"};
  }
  using C = ShipmentColumn;
  std::vector<Problem> problems;
  RowReader row(columns, fields, problems);
  logistics::Shipment s;

  if (const auto code = row.raw(C::client_code)) {
    const auto found = parties.clients.find(std::string(*code));
    if (found == parties.clients.end()) {
      row.fail(ProblemCode::unknown_party, C::client_code, "no client with party code '" + std::string(*code) + "'");
    } else {
      s.clientId = found->second;
    }
  } else if (parties.defaultClient) {
    s.clientId = *parties.defaultClient;
  } else {
    row.fail(ProblemCode::missing_field, C::client_code, "empty, and no --client given");
  }
  if (const auto code = row.raw(C::carrier_code)) {
    const auto found = parties.carriers.find(std::string(*code));
    if (found == parties.carriers.end()) {
      row.fail(ProblemCode::unknown_party, C::carrier_code,
               "no carrier with party code or SCAC '" + std::string(*code) + "'");
    } else {
      s.carrierId = found->second;
    }
  }
  s.billOfLading = row.text(C::bill_of_lading);
  s.proNumber = row.text(C::pro_number);
  s.shipNoticeId = row.text(C::ship_notice_id);
  s.origin = {row.text(C::origin_city), row.text(C::origin_postal_code), row.text(C::origin_country),
              row.text(C::origin_region)};
  s.destination = {row.text(C::destination_city), row.text(C::destination_postal_code),
                   row.text(C::destination_country), row.text(C::destination_region)};
  if (const auto mode = row.raw(C::mode)) {
    if (const auto known = modeFromText(*mode)) {
      s.mode = *known;
    } else {
      row.fail(ProblemCode::invalid_value, C::mode,
               "'" + std::string(*mode) + "' is not a mode (road, rail, sea, air, pipeline, multimodal)");
    }
  } else {
    row.fail(ProblemCode::missing_field, C::mode, "empty");
  }
  s.distanceKm = row.real(C::distance_km);
  s.goodsDescription = row.text(C::goods);
  s.pieces = row.integer(C::pieces);
  s.weightKg = row.real(C::weight_kg);
  s.volumeM3 = row.real(C::volume_m3);
  s.currency = row.text(C::currency);
  if (s.currency) {
    for (char& c : *s.currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (const auto cost = row.raw(C::freight_cost)) {
    if (!s.currency) {
      row.fail(ProblemCode::missing_field, C::currency, "a freight cost needs its currency");
    } else if (const auto minor = minorUnits(*cost, *s.currency)) {
      s.freightCostCents = minor;
    } else {
      row.fail(ProblemCode::invalid_value, C::freight_cost,
               "'" + std::string(*cost) + "' is not an amount in " + *s.currency +
                   " (digits, a point, at most " + std::to_string(currencyExponent(*s.currency)) + " decimals)");
    }
  }
  s.plannedShipDate = row.timestamp(C::planned_ship_date);
  s.shipDate = row.timestamp(C::ship_date);
  s.plannedDelivery = row.timestamp(C::planned_delivery);
  s.promisedDelivery = row.timestamp(C::promised_delivery);
  s.actualDelivery = row.timestamp(C::actual_delivery);
  if (const auto status = row.raw(C::status)) {
    std::string name = lower(*status);
    std::replace(name.begin(), name.end(), ' ', '_');
    if (const auto known = logistics::shipmentStatusFromName(name)) {
      s.status = *known;
    } else {
      row.fail(ProblemCode::invalid_value, C::status, "'" + std::string(*status) + "' is not a shipment status");
    }
  }
  const auto quantity = row.real(C::quantity);
  const auto sku = row.text(C::sku);
  const auto description = row.text(C::item_description);
  if (quantity) {
    logistics::ShipmentLine line;
    line.lineNo = 1;
    line.sku = sku;
    line.description = description;
    line.quantityShipped = *quantity;
    if (const auto unit = row.text(C::unit)) line.unit = *unit;
    s.lines.push_back(std::move(line));
  } else if (sku || description) {
    row.fail(ProblemCode::missing_field, C::quantity, "an item (sku or item_description) needs its quantity");
  }
  if (!problems.empty()) return problems;
  return s;
}

}  // namespace exchange
