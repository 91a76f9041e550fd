#include "logistics/shipment_book.h"

#include "logistics/column_values.h"
#include "logistics/record_checks.h"
#include "logistics/shipment_progress.h"
#include "logistics/shipment_rollup.h"
#include "store/timestamp.h"

#include <Poco/Data/Statement.h>

#include <cctype>
#include <map>
#include <set>

using namespace Poco::Data::Keywords;

namespace logistics {
namespace {

void nonNegative(const std::optional<double>& value, const std::string& field, std::vector<Problem>& problems) {
  if (value && !(*value >= 0)) {
    problems.push_back({ProblemCode::invalid_value, field, "must be zero or more, not " + std::to_string(*value)});
  }
}

void reference(const std::optional<std::string>& value, const std::string& field, std::vector<Problem>& problems) {
  if (value && value->empty()) problems.push_back({ProblemCode::missing_field, field, "a reference cannot be empty"});
}

bool isCurrencyCode(const std::string& text) {
  if (text.size() != 3) return false;
  for (char c : text) {
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

const char* const kSelectShipment =
    "SELECT shipment_id, client_id, shipper_id, consignee_id, carrier_id, bill_of_lading, pro_number, "
    "ship_notice_id, origin_city, origin_postal_code, origin_country, origin_region, destination_city, "
    "destination_postal_code, destination_country, destination_region, transport_mode, distance_km, "
    "goods_description, pieces, weight_kg, volume_m3, freight_cost_cents, currency, planned_ship_date, ship_date, "
    "planned_delivery, promised_delivery, actual_delivery, status, source_interchange_id FROM shipment";

}  // namespace

std::vector<Problem> checkShipment(const Shipment& s) {
  std::vector<Problem> problems;
  if (s.clientId == 0) problems.push_back({ProblemCode::missing_field, "client", "a shipment is moved for a client"});
  if (!s.billOfLading && !s.proNumber && !s.shipNoticeId) {
    problems.push_back({ProblemCode::missing_field, "references",
                        "a shipment needs a bill of lading, PRO number or ship notice id to be found again"});
  }
  reference(s.billOfLading, "bill_of_lading", problems);
  reference(s.proNumber, "pro_number", problems);
  reference(s.shipNoticeId, "ship_notice_id", problems);
  nonNegative(s.distanceKm, "distance_km", problems);
  nonNegative(s.weightKg, "weight_kg", problems);
  nonNegative(s.volumeM3, "volume_m3", problems);
  if (s.pieces && *s.pieces < 0) problems.push_back({ProblemCode::invalid_value, "pieces", "must be zero or more"});
  if (s.freightCostCents && *s.freightCostCents < 0) {
    problems.push_back({ProblemCode::invalid_value, "freight_cost_cents", "must be zero or more"});
  }
  if (s.freightCostCents && !s.currency) {
    problems.push_back({ProblemCode::missing_field, "currency", "a freight cost needs its currency"});
  }
  if (s.currency && !isCurrencyCode(*s.currency)) {
    problems.push_back({ProblemCode::invalid_value, "currency",
                        "'" + *s.currency + "' is not an ISO 4217 code like EUR or USD"});
  }
  RecordChecks::timestamp(s.plannedShipDate, false, "planned_ship_date", problems);
  RecordChecks::timestamp(s.shipDate, false, "ship_date", problems);
  RecordChecks::timestamp(s.plannedDelivery, false, "planned_delivery", problems);
  RecordChecks::timestamp(s.promisedDelivery, false, "promised_delivery", problems);
  RecordChecks::timestamp(s.actualDelivery, false, "actual_delivery", problems);
  std::set<int> lineNumbers;
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    const ShipmentLine& line = s.lines[i];
    const std::string at = "lines[" + std::to_string(i) + "]";
    if (line.lineNo < 1) {
      problems.push_back({ProblemCode::invalid_value, at + ".line_no", "line numbers start at 1"});
    } else if (!lineNumbers.insert(line.lineNo).second) {
      problems.push_back({ProblemCode::invalid_value, at + ".line_no",
                          "line " + std::to_string(line.lineNo) + " appears twice"});
    }
    nonNegative(line.quantityShipped, at + ".quantity_shipped", problems);
    nonNegative(line.quantityReceived, at + ".quantity_received", problems);
    nonNegative(line.quantityDamaged, at + ".quantity_damaged", problems);
    RecordChecks::required(line.unit, at + ".unit", problems);
  }
  return problems;
}

Result<std::int64_t> ShipmentBook::record(store::Transaction& transaction, const Shipment& s) {
  Poco::Data::Session& session = writeSession(transaction);
  std::vector<Problem> problems = checkShipment(s);
  RecordChecks checks(session);
  if (s.clientId != 0) checks.partyWithRole(s.clientId, "client", "client", problems);
  checks.partyWithRole(s.carrierId, "carrier", "carrier", problems);
  checks.party(s.shipperId, "shipper", problems);
  checks.party(s.consigneeId, "consignee", problems);
  checks.interchange(s.sourceInterchangeId, problems);
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    checks.product(s.lines[i].productId, "lines[" + std::to_string(i) + "].product_id", problems);
  }
  if (!problems.empty()) return problems;

  const std::string stamp = store::currentTimestamp();
  // ON CONFLICT DO NOTHING turns a taken reference into no row instead of a failed statement,
  // which on PostgreSQL would abort the caller's whole transaction (an interchange of many).
  std::vector<std::int64_t> inserted;
  Poco::Data::Statement insert(session);
  insert << "INSERT INTO shipment (client_id, shipper_id, consignee_id, carrier_id, bill_of_lading, pro_number, "
            "ship_notice_id, origin_city, origin_postal_code, origin_country, origin_region, destination_city, "
            "destination_postal_code, destination_country, destination_region, transport_mode, distance_km, "
            "goods_description, pieces, weight_kg, volume_m3, freight_cost_cents, currency, planned_ship_date, "
            "ship_date, planned_delivery, promised_delivery, actual_delivery, status, source_interchange_id, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING shipment_id",
      bind(s.clientId), bind(nullable(s.shipperId)), bind(nullable(s.consigneeId)), bind(nullable(s.carrierId)),
      bind(nullable(s.billOfLading)), bind(nullable(s.proNumber)), bind(nullable(s.shipNoticeId)),
      bind(nullable(s.origin.city)), bind(nullable(s.origin.postalCode)), bind(nullable(s.origin.country)),
      bind(nullable(s.origin.region)), bind(nullable(s.destination.city)), bind(nullable(s.destination.postalCode)),
      bind(nullable(s.destination.country)), bind(nullable(s.destination.region)),
      bind(std::string(transportModeName(s.mode))), bind(nullable(s.distanceKm)), bind(nullable(s.goodsDescription)),
      bind(nullable(s.pieces)), bind(nullable(s.weightKg)), bind(nullable(s.volumeM3)),
      bind(nullable(s.freightCostCents)), bind(nullable(s.currency)), bind(nullable(s.plannedShipDate)),
      bind(nullable(s.shipDate)), bind(nullable(s.plannedDelivery)), bind(nullable(s.promisedDelivery)),
      bind(nullable(s.actualDelivery)), bind(std::string(shipmentStatusName(s.status))),
      bind(nullable(s.sourceInterchangeId)), bind(stamp), bind(stamp), into(inserted);
  insert.execute();
  if (inserted.empty()) {
    // The scope each reference is unique in: the bill of lading and ship notice per client, the
    // PRO number per carrier, or per client among shipments that name no carrier.
    struct Scope {
      ReferenceKind kind;
      std::string condition, owner;
      std::int64_t ownerId;
    };
    const Scope scopes[] = {
        {ReferenceKind::bill_of_lading, "client_id = ?", "client", s.clientId},
        {ReferenceKind::ship_notice_id, "client_id = ?", "client", s.clientId},
        s.carrierId ? Scope{ReferenceKind::pro_number, "carrier_id = ?", "carrier", *s.carrierId}
                    : Scope{ReferenceKind::pro_number, "client_id = ? AND carrier_id IS NULL",
                            "client without a carrier", s.clientId},
    };
    for (const Scope& scope : scopes) {
      const auto& value = s.reference(scope.kind);
      if (!value) continue;
      int taken = 0;
      session << "SELECT count(*) FROM shipment WHERE " + std::string(referenceKindName(scope.kind)) + " = ? AND " +
                     scope.condition,
          bind(*value), bind(scope.ownerId), into(taken), now;
      if (taken > 0) {
        problems.push_back({ProblemCode::duplicate_reference, referenceKindName(scope.kind),
                            std::string(referenceKindName(scope.kind)) + " '" + *value +
                                "' is recorded already for this " + scope.owner});
      }
    }
    if (problems.empty()) {
      problems.push_back({ProblemCode::duplicate_reference, "references",
                          "a shipment with these references was recorded at the same time"});
    }
    return problems;
  }
  const std::int64_t id = inserted.front();

  for (const ShipmentLine& line : s.lines) {
    session << "INSERT INTO shipment_line (shipment_id, line_no, product_id, sku, description, quantity_shipped, "
               "quantity_received, quantity_damaged, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bind(id), bind(line.lineNo), bind(nullable(line.productId)), bind(nullable(line.sku)),
        bind(nullable(line.description)), bind(line.quantityShipped), bind(nullable(line.quantityReceived)),
        bind(nullable(line.quantityDamaged)), bind(line.unit), now;
  }
  linkWaitingEvents(session, id, s);
  refreshShipmentProgress(session, id);
  refreshShipmentRollupsAtCommit(transaction, id);
  return id;
}

Result<Done> ShipmentBook::setFreightCost(store::Transaction& transaction, const FreightInvoice& invoice) {
  Poco::Data::Session& session = writeSession(transaction);
  std::vector<Problem> problems;
  RecordChecks::required(invoice.invoiceNumber, "invoice_number", problems);
  if (invoice.amountCents < 0) problems.push_back({ProblemCode::invalid_value, "amount", "must be zero or more"});
  if (!isCurrencyCode(invoice.currency)) {
    problems.push_back({ProblemCode::invalid_value, "currency",
                        "'" + invoice.currency + "' is not an ISO 4217 code like EUR or USD"});
  }
  RecordChecks::timestamp(invoice.invoiceDate, false, "invoice_date", problems);
  int shipmentKnown = 0;
  session << "SELECT count(*) FROM shipment WHERE shipment_id = ?", bind(invoice.shipmentId), into(shipmentKnown), now;
  if (shipmentKnown == 0) {
    problems.push_back({ProblemCode::unknown_shipment, "shipment_id",
                        "no shipment has id " + std::to_string(invoice.shipmentId)});
  }
  RecordChecks checks(session);
  if (invoice.carrierId == 0) {
    problems.push_back({ProblemCode::missing_field, "carrier", "a freight invoice comes from a carrier"});
  } else {
    checks.partyWithRole(invoice.carrierId, "carrier", "carrier", problems);
  }
  checks.interchange(invoice.sourceInterchangeId, problems);
  if (!problems.empty()) return problems;

  const std::string stamp = store::currentTimestamp();
  std::vector<std::int64_t> inserted;
  session << "INSERT INTO freight_invoice (shipment_id, carrier_id, invoice_number, amount_cents, currency, "
             "invoice_date, source_interchange_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
             "ON CONFLICT DO NOTHING RETURNING freight_invoice_id",
      bind(invoice.shipmentId), bind(invoice.carrierId), bind(invoice.invoiceNumber), bind(invoice.amountCents),
      bind(invoice.currency), bind(nullable(invoice.invoiceDate)), bind(nullable(invoice.sourceInterchangeId)),
      bind(stamp), into(inserted), now;
  if (inserted.empty()) {
    return Problem{ProblemCode::duplicate_reference, "invoice_number",
                   "invoice '" + invoice.invoiceNumber + "' of this carrier is recorded already"};
  }
  session << "UPDATE shipment SET freight_cost_cents = ?, currency = ?, updated_at = ? WHERE shipment_id = ?",
      bind(invoice.amountCents), bind(invoice.currency), bind(stamp), bind(invoice.shipmentId), now;
  refreshShipmentRollupsAtCommit(transaction, invoice.shipmentId);
  return Done{};
}

std::vector<FreightInvoice> ShipmentBook::freightInvoices(std::int64_t shipmentId) {
  std::vector<std::int64_t> id, carrierId, amount;
  std::vector<std::string> number, currency;
  std::vector<Poco::Nullable<std::string>> date;
  std::vector<Poco::Nullable<std::int64_t>> interchangeId;
  session_ << "SELECT freight_invoice_id, carrier_id, invoice_number, amount_cents, currency, invoice_date, "
              "source_interchange_id FROM freight_invoice WHERE shipment_id = ? ORDER BY freight_invoice_id",
      bind(shipmentId), into(id), into(carrierId), into(number), into(amount), into(currency), into(date),
      into(interchangeId), now;
  std::vector<FreightInvoice> invoices;
  for (std::size_t i = 0; i < id.size(); ++i) {
    invoices.push_back({id[i], shipmentId, carrierId[i], number[i], amount[i], currency[i], optional(date[i]),
                        optional(interchangeId[i])});
  }
  return invoices;
}

std::optional<Shipment> ShipmentBook::find(std::int64_t id) {
  std::vector<std::int64_t> shipmentId, clientId;
  std::vector<Poco::Nullable<std::int64_t>> shipperId, consigneeId, carrierId, cost, interchangeId;
  std::vector<Poco::Nullable<std::string>> bol, pro, notice, oCity, oPostal, oCountry, oRegion, dCity, dPostal,
      dCountry, dRegion, goods, currency, plannedShip, shipDate, plannedDelivery, promised, actual;
  std::vector<std::string> mode, status;
  std::vector<Poco::Nullable<double>> distance, weight, volume;
  std::vector<Poco::Nullable<int>> pieces;
  session_ << std::string(kSelectShipment) + " WHERE shipment_id = ?", bind(id), into(shipmentId), into(clientId),
      into(shipperId), into(consigneeId), into(carrierId), into(bol), into(pro), into(notice), into(oCity),
      into(oPostal), into(oCountry), into(oRegion), into(dCity), into(dPostal), into(dCountry), into(dRegion),
      into(mode), into(distance), into(goods), into(pieces), into(weight), into(volume), into(cost), into(currency),
      into(plannedShip), into(shipDate), into(plannedDelivery), into(promised), into(actual), into(status),
      into(interchangeId), now;
  if (shipmentId.empty()) return std::nullopt;
  Shipment s;
  s.id = shipmentId[0];
  s.clientId = clientId[0];
  s.shipperId = optional(shipperId[0]);
  s.consigneeId = optional(consigneeId[0]);
  s.carrierId = optional(carrierId[0]);
  s.billOfLading = optional(bol[0]);
  s.proNumber = optional(pro[0]);
  s.shipNoticeId = optional(notice[0]);
  s.origin = {optional(oCity[0]), optional(oPostal[0]), optional(oCountry[0]), optional(oRegion[0])};
  s.destination = {optional(dCity[0]), optional(dPostal[0]), optional(dCountry[0]), optional(dRegion[0])};
  s.mode = transportModeFromName(mode[0]).value_or(TransportMode::road);
  s.distanceKm = optional(distance[0]);
  s.goodsDescription = optional(goods[0]);
  s.pieces = optional(pieces[0]);
  s.weightKg = optional(weight[0]);
  s.volumeM3 = optional(volume[0]);
  s.freightCostCents = optional(cost[0]);
  s.currency = optional(currency[0]);
  s.plannedShipDate = optional(plannedShip[0]);
  s.shipDate = optional(shipDate[0]);
  s.plannedDelivery = optional(plannedDelivery[0]);
  s.promisedDelivery = optional(promised[0]);
  s.actualDelivery = optional(actual[0]);
  s.status = shipmentStatusFromName(status[0]).value_or(ShipmentStatus::planned);
  s.sourceInterchangeId = optional(interchangeId[0]);

  std::vector<int> lineNo;
  std::vector<Poco::Nullable<std::int64_t>> productId;
  std::vector<Poco::Nullable<std::string>> sku, description;
  std::vector<double> shipped;
  std::vector<Poco::Nullable<double>> received, damaged;
  std::vector<std::string> unit;
  session_ << "SELECT line_no, product_id, sku, description, quantity_shipped, quantity_received, quantity_damaged, "
              "unit FROM shipment_line WHERE shipment_id = ? ORDER BY line_no",
      bind(id), into(lineNo), into(productId), into(sku), into(description), into(shipped), into(received),
      into(damaged), into(unit), now;
  for (std::size_t i = 0; i < lineNo.size(); ++i) {
    s.lines.push_back({lineNo[i], optional(productId[i]), optional(sku[i]), optional(description[i]), shipped[i],
                       optional(received[i]), optional(damaged[i]), unit[i]});
  }
  return s;
}

std::vector<std::int64_t> ShipmentBook::idsByReference(ReferenceKind kind, const std::string& reference,
                                                       std::optional<std::int64_t> carrierId) {
  return shipmentsByReference(session_, kind, reference, carrierId);
}

}  // namespace logistics
