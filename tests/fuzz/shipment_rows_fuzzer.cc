// Fuzzes what `import shipments` does to a file before the database: csv::Reader, the header
// into ShipmentColumns, each record into a shipment or its problems (exchange::shipmentRow),
// and logistics::checkShipment on each shipment, whose dates must be in the stored form
// (seeds: corpus/shipment_rows, dictionary shipment_rows.dict). The parties are a fixed set,
// as loadParties would give them; the last input byte's low bit says whether the import names
// a default client.
#include "csv_record_check.h"
#include "exchange/shipment_rows.h"
#include "logistics/shipment_book.h"
#include "logistics/timestamp_text.h"


namespace {

using afterflow_fuzz::touch;
using afterflow_fuzz::touchOptional;

std::uint64_t touchPlace(const logistics::Place& place) {
  return touchOptional(place.city) + touchOptional(place.postalCode) + touchOptional(place.country) +
         touchOptional(place.region);
}

std::uint64_t touchShipment(const logistics::Shipment& s) {
  std::uint64_t sum = static_cast<std::uint64_t>(s.clientId + s.carrierId.value_or(0) + s.pieces.value_or(0) +
                                                 s.freightCostCents.value_or(0)) +
                      touchOptional(s.billOfLading) + touchOptional(s.proNumber) + touchOptional(s.shipNoticeId) +
                      touchPlace(s.origin) + touchPlace(s.destination) + static_cast<std::uint64_t>(s.mode) +
                      static_cast<std::uint64_t>(s.distanceKm.value_or(0) > 0) + touchOptional(s.goodsDescription) +
                      static_cast<std::uint64_t>(s.weightKg.value_or(0) > 0) +
                      static_cast<std::uint64_t>(s.volumeM3.value_or(0) > 0) + touchOptional(s.currency) +
                      touchOptional(s.plannedShipDate) + touchOptional(s.shipDate) + touchOptional(s.plannedDelivery) +
                      touchOptional(s.promisedDelivery) + touchOptional(s.actualDelivery) +
                      static_cast<std::uint64_t>(s.status);
  for (const auto* stamp : {&s.plannedShipDate, &s.shipDate, &s.plannedDelivery, &s.promisedDelivery, &s.actualDelivery}) {
    if (*stamp && !logistics::isStoredTimestamp(**stamp)) afterflow_fuzz::fail("a shipment date not in the stored form");
  }
  for (const logistics::ShipmentLine& line : s.lines) {
    sum += static_cast<std::uint64_t>(line.lineNo) + touchOptional(line.sku) + touchOptional(line.description) +
           static_cast<std::uint64_t>(line.quantityShipped > 0) + touch(line.unit);
  }
  for (const logistics::Problem& problem : logistics::checkShipment(s)) sum += touch(problem.describe());
  return sum;
}

const exchange::PartyCodes& parties(bool defaultClient) {
  static const exchange::PartyCodes withDefault{{{"ACME", 1}, {"BETA", 2}}, {{"CARRIER-FAST", 10}, {"FSTF", 10}}, 1};
  static const exchange::PartyCodes without{withDefault.clients, withDefault.carriers, std::nullopt};
  return defaultClient ? withDefault : without;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  afterflow_fuzz::CheckedCsvReader reader(data, size);
  csv::Record record;
  if (!reader.next(record)) return 0;
  std::uint64_t sum = 0;
  const exchange::PartyCodes& codes = parties(size > 0 && (data[size - 1] & 1));
  const auto columns = exchange::ShipmentColumns::fromHeader(record.fields, codes.defaultClient.has_value());
  if (!columns) {
    afterflow_fuzz::sink = reader.sum + touch(columns.describe());
    return 0;
  }
  while (reader.next(record)) {
    const exchange::ShipmentRow row =
        exchange::shipmentRow(static_cast<std::int64_t>(record.line), record, columns.value(), codes);
    if (row.line != static_cast<std::int64_t>(record.line) || row.raw != record.raw) {
      afterflow_fuzz::fail("a shipment row does not keep its record's line and raw text");
    }
    const int fates = row.malformed.has_value() + row.shipment.has_value() + !row.problems.empty();
    if (fates != 1) afterflow_fuzz::fail("a shipment row is not exactly one of malformed, a shipment, refused");
    sum += touch(row.raw) + touchOptional(row.malformed);
    if (row.shipment) sum += touchShipment(*row.shipment);
    for (const logistics::Problem& problem : row.problems) {
      if (problem.message.empty()) afterflow_fuzz::fail("a row problem without a message");
      sum += touch(problem.describe());
    }
  }
  afterflow_fuzz::sink = sum + reader.sum;
  return 0;
}
