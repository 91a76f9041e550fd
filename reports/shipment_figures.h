// The shipment KPIs' numerators and denominators (docs/KPI.md), computed by plain aggregate SQL
// over the raw tables (shipment, shipment_line, shipment_event, receipt, receipt_line). This is
// the reference every faster path (rollups) must agree with, exactly, and the figures a report
// falls back to.
#pragma once

#include "store/dialect.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reports {

// Which shipments a figure counts: those shipped (ship_date) in [start, end), of one client,
// carrier or destination region when given.
struct ShipmentScope {
  std::string start, end;  // "2026-07-01", "2026-10-01"
  std::optional<std::int64_t> clientId, carrierId;
  std::optional<std::string> region;
  int onTimeToleranceDays = 0;  // delivered up to this many days after the promised day is on time
};

struct ShipmentFigures {
  std::int64_t shipments = 0;
  std::int64_t pieces = 0;
  double weightKg = 0;  // summed in whole grams, so that every way of adding gives the same
  std::int64_t freightCostCents = 0;
  // On-time delivery: delivered on or before the promised day (+ tolerance) / delivered with a promise.
  std::int64_t delivered = 0, deliveredWithPromise = 0, deliveredOnTime = 0;
  // On-time shipment: left by the planned ship day / shipments with a planned ship day.
  std::int64_t withPlannedShipDate = 0, shippedOnTime = 0;
  // Accuracy: received complete and correct / received; the same over their lines.
  std::int64_t received = 0, receivedAccurate = 0, linesReceived = 0, linesAccurate = 0;
  // Accidents: shipments with a damage, loss or exception event / shipments.
  std::int64_t withAccident = 0;
  // OTIF: delivered on time, not short or damaged on receipt, no accident / delivered with a promise.
  std::int64_t onTimeInFull = 0;
  // Transit time, ship to delivery, in whole hours (rounded down), over delivered shipments.
  double transitHoursSum = 0;
  std::int64_t transitCount = 0;
  std::optional<double> transitHoursP90;  // nearest rank

  bool operator==(const ShipmentFigures&) const = default;
};

// The figures of the scope as a whole.
ShipmentFigures plainShipmentFigures(Poco::Data::Session& session, const ShipmentScope& scope);

// The same per group: "region" (destination region, "" when unknown), "carrier" (party code,
// "" when none) or "month" ("2026-07").
std::map<std::string, ShipmentFigures> plainShipmentFiguresBy(Poco::Data::Session& session, const ShipmentScope& scope,
                                                              const std::string& grouping);

// The same figures from the rollups logistics keeps (logistics/shipment_rollup.h): a few
// thousand rows for a quarter, whatever the number of shipments. The scope must start and end
// on the first of a month (every report period does) and have no on-time tolerance (the
// rollups count without one); for any other scope use the plain figures.
bool rollupsCover(const ShipmentScope& scope);

// A period's figures as a report shows them: in all, and by region, carrier and month (keys as
// plainShipmentFiguresBy's; only groups with shipments).
struct FigureBreakdown {
  ShipmentFigures totals;
  std::map<std::string, ShipmentFigures> byRegion, byCarrier, byMonth;
};

// The breakdowns of several periods at once (a quarter, the one before, the year before), from
// two rollup queries whatever the number of periods: the scopes differ only in start and end,
// and each is one the rollups cover.
std::vector<FigureBreakdown> rollupFigureBreakdowns(Poco::Data::Session& session,
                                                    const std::vector<ShipmentScope>& scopes);
ShipmentFigures rollupShipmentFigures(Poco::Data::Session& session, const ShipmentScope& scope);
std::map<std::string, ShipmentFigures> rollupShipmentFiguresBy(Poco::Data::Session& session, const ShipmentScope& scope,
                                                               const std::string& grouping);

}  // namespace reports
