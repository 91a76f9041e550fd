#include "logistics/receipt_book.h"

#include "logistics/column_values.h"
#include "logistics/record_checks.h"
#include "logistics/shipment_rollup.h"
#include "store/timestamp.h"

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <map>
#include <set>

using namespace Poco::Data::Keywords;

namespace logistics {
namespace {

void notNegative(double value, const std::string& field, std::vector<Problem>& problems) {
  if (!(value >= 0)) problems.push_back({ProblemCode::invalid_value, field, "must be zero or more"});
}

}  // namespace

Result<std::int64_t> ReceiptBook::record(store::Transaction& transaction, const Receipt& receipt) {
  Poco::Data::Session& session = writeSession(transaction);
  std::vector<Problem> problems;
  RecordChecks::required(receipt.receiptNumber, "receipt_number", problems);
  RecordChecks::timestamp(receipt.receivedAt, true, "received_at", problems);
  if (receipt.lines.empty()) problems.push_back({ProblemCode::missing_field, "lines", "a receipt has lines"});

  // What each announced line still expects: shipped less what earlier receipts brought.
  std::map<int, double> outstanding;
  {
    std::vector<int> lineNo;
    std::vector<double> shipped;
    std::vector<Poco::Nullable<double>> received;
    session << "SELECT line_no, quantity_shipped, quantity_received FROM shipment_line WHERE shipment_id = ?",
        bind(receipt.shipmentId), into(lineNo), into(shipped), into(received), now;
    for (std::size_t i = 0; i < lineNo.size(); ++i) {
      outstanding[lineNo[i]] = std::max(0.0, shipped[i] - (received[i].isNull() ? 0.0 : received[i].value()));
    }
  }
  int shipmentKnown = 0;
  session << "SELECT count(*) FROM shipment WHERE shipment_id = ?", bind(receipt.shipmentId), into(shipmentKnown), now;
  if (shipmentKnown == 0) {
    problems.push_back({ProblemCode::unknown_shipment, "shipment_id",
                        "no shipment has id " + std::to_string(receipt.shipmentId)});
  }
  RecordChecks checks(session);
  checks.party(receipt.warehouseId, "warehouse_id", problems);
  checks.interchange(receipt.sourceInterchangeId, problems);
  std::set<int> lineNumbers, announcedLines;
  for (std::size_t i = 0; i < receipt.lines.size(); ++i) {
    const ReceiptLine& line = receipt.lines[i];
    const std::string at = "lines[" + std::to_string(i) + "]";
    if (line.lineNo < 1 || !lineNumbers.insert(line.lineNo).second) {
      problems.push_back({ProblemCode::invalid_value, at + ".line_no", "line numbers start at 1 and appear once"});
    }
    if (line.shipmentLineNo) {
      if (shipmentKnown && !outstanding.count(*line.shipmentLineNo)) {
        problems.push_back({ProblemCode::unknown_line, at + ".shipment_line_no",
                            "shipment " + std::to_string(receipt.shipmentId) + " has no line " +
                                std::to_string(*line.shipmentLineNo)});
      } else if (!announcedLines.insert(*line.shipmentLineNo).second) {
        problems.push_back({ProblemCode::invalid_value, at + ".shipment_line_no",
                            "two receipt lines answer shipment line " + std::to_string(*line.shipmentLineNo)});
      }
    }
    notNegative(line.quantityReceived, at + ".quantity_received", problems);
    notNegative(line.quantityDamaged, at + ".quantity_damaged", problems);
    if (line.quantityDamaged > line.quantityReceived) {
      problems.push_back({ProblemCode::invalid_value, at + ".quantity_damaged",
                          "damaged goods are part of the goods received, so cannot be more"});
    }
    if (line.quantityShort) notNegative(*line.quantityShort, at + ".quantity_short", problems);
    if (line.quantityOver) notNegative(*line.quantityOver, at + ".quantity_over", problems);
    RecordChecks::required(line.unit, at + ".unit", problems);
    checks.product(line.productId, at + ".product_id", problems);
  }
  if (!problems.empty()) return problems;

  std::vector<std::int64_t> inserted;
  session << "INSERT INTO receipt (shipment_id, receipt_number, warehouse_id, warehouse, received_at, "
             "source_interchange_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING "
             "RETURNING receipt_id",
      bind(receipt.shipmentId), bind(receipt.receiptNumber), bind(nullable(receipt.warehouseId)),
      bind(nullable(receipt.warehouse)), bind(receipt.receivedAt), bind(nullable(receipt.sourceInterchangeId)),
      bind(store::currentTimestamp()), into(inserted), now;
  if (inserted.empty()) {
    return Problem{ProblemCode::duplicate_reference, "receipt_number",
                   "receipt '" + receipt.receiptNumber + "' is recorded already for this warehouse"};
  }
  const std::int64_t id = inserted.front();
  for (const ReceiptLine& line : receipt.lines) {
    // Goods nobody announced are all "over"; an announced line is set against what it still expects.
    const double expected = line.shipmentLineNo ? outstanding[*line.shipmentLineNo] : 0.0;
    const double shortQuantity = line.quantityShort.value_or(std::max(0.0, expected - line.quantityReceived));
    const double overQuantity = line.quantityOver.value_or(std::max(0.0, line.quantityReceived - expected));
    session << "INSERT INTO receipt_line (receipt_id, line_no, shipment_line_no, product_id, sku, quantity_received, "
               "quantity_damaged, quantity_short, quantity_over, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bind(id), bind(line.lineNo), bind(nullable(line.shipmentLineNo)), bind(nullable(line.productId)),
        bind(nullable(line.sku)), bind(line.quantityReceived), bind(line.quantityDamaged), bind(shortQuantity),
        bind(overQuantity), bind(line.unit), now;
  }
  // One set-based update: every line of the shipment gets the sums over all its receipts.
  session << "UPDATE shipment_line SET "
             "quantity_received = (SELECT sum(l.quantity_received) FROM receipt_line l JOIN receipt r "
             "ON r.receipt_id = l.receipt_id WHERE r.shipment_id = shipment_line.shipment_id "
             "AND l.shipment_line_no = shipment_line.line_no), "
             "quantity_damaged = (SELECT sum(l.quantity_damaged) FROM receipt_line l JOIN receipt r "
             "ON r.receipt_id = l.receipt_id WHERE r.shipment_id = shipment_line.shipment_id "
             "AND l.shipment_line_no = shipment_line.line_no) "
             "WHERE shipment_id = ?",
      bind(receipt.shipmentId), now;
  refreshShipmentRollupsAtCommit(transaction, receipt.shipmentId);
  return id;
}

std::vector<Receipt> ReceiptBook::select(const std::string& where, std::int64_t parameter) {
  std::vector<std::int64_t> id, shipmentId;
  std::vector<std::string> number, receivedAt;
  std::vector<Poco::Nullable<std::int64_t>> warehouseId, interchangeId;
  std::vector<Poco::Nullable<std::string>> warehouse;
  session_ << "SELECT receipt_id, shipment_id, receipt_number, warehouse_id, warehouse, received_at, "
              "source_interchange_id FROM receipt " + where + " ORDER BY received_at, receipt_id",
      bind(parameter), into(id), into(shipmentId), into(number), into(warehouseId), into(warehouse), into(receivedAt),
      into(interchangeId), now;
  std::vector<Receipt> receipts(id.size());
  std::map<std::int64_t, Receipt*> byId;
  for (std::size_t i = 0; i < id.size(); ++i) {
    receipts[i] = {id[i], shipmentId[i], number[i], optional(warehouseId[i]), optional(warehouse[i]), receivedAt[i],
                   optional(interchangeId[i]), {}};
    byId[id[i]] = &receipts[i];
  }
  if (receipts.empty()) return receipts;

  std::vector<std::int64_t> receiptId;
  std::vector<int> lineNo;
  std::vector<Poco::Nullable<int>> shipmentLineNo;
  std::vector<Poco::Nullable<std::int64_t>> productId;
  std::vector<Poco::Nullable<std::string>> sku;
  std::vector<double> received, damaged, shortQuantity, overQuantity;
  std::vector<std::string> unit;
  session_ << "SELECT l.receipt_id, l.line_no, l.shipment_line_no, l.product_id, l.sku, l.quantity_received, "
              "l.quantity_damaged, l.quantity_short, l.quantity_over, l.unit FROM receipt_line l "
              "WHERE l.receipt_id IN (SELECT receipt_id FROM receipt " + where + ") ORDER BY l.receipt_id, l.line_no",
      bind(parameter), into(receiptId), into(lineNo), into(shipmentLineNo), into(productId), into(sku), into(received),
      into(damaged), into(shortQuantity), into(overQuantity), into(unit), now;
  for (std::size_t i = 0; i < receiptId.size(); ++i) {
    byId[receiptId[i]]->lines.push_back({lineNo[i], optional(shipmentLineNo[i]), optional(productId[i]),
                                         optional(sku[i]), received[i], damaged[i], shortQuantity[i], overQuantity[i],
                                         unit[i]});
  }
  return receipts;
}

std::optional<Receipt> ReceiptBook::find(std::int64_t id) {
  auto found = select("WHERE receipt_id = ?", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Receipt> ReceiptBook::forShipment(std::int64_t shipmentId) {
  return select("WHERE shipment_id = ?", shipmentId);
}

}  // namespace logistics
