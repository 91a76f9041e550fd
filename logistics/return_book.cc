#include "logistics/return_book.h"

#include "logistics/column_values.h"
#include "logistics/record_checks.h"
#include "store/dialect.h"
#include "store/timestamp.h"

#include <Poco/Data/Statement.h>

#include <set>

using namespace Poco::Data::Keywords;

namespace logistics {

Result<std::int64_t> ReturnBook::open(store::Transaction& transaction, const ReturnAuthorization& rma) {
  Poco::Data::Session& session = writeSession(transaction);
  std::vector<Problem> problems;
  RecordChecks::required(rma.rmaNumber, "rma_number", problems);
  RecordChecks::timestamp(rma.requestedAt, true, "requested_at", problems);
  if (rma.lines.empty()) problems.push_back({ProblemCode::missing_field, "lines", "an RMA returns at least one item"});
  RecordChecks checks(session);
  checks.party(rma.customerId, "customer", problems);
  checks.partyWithRole(rma.dealerId, "dealer", "dealer", problems);
  checks.interchange(rma.sourceInterchangeId, problems);
  std::set<int> lineNumbers;
  for (std::size_t i = 0; i < rma.lines.size(); ++i) {
    const RmaLine& line = rma.lines[i];
    const std::string at = "lines[" + std::to_string(i) + "]";
    if (line.lineNo < 1 || !lineNumbers.insert(line.lineNo).second) {
      problems.push_back({ProblemCode::invalid_value, at + ".line_no", "line numbers start at 1 and appear once"});
    }
    if (!(line.quantity > 0)) problems.push_back({ProblemCode::invalid_value, at + ".quantity", "must be more than 0"});
    RecordChecks::required(line.unit, at + ".unit", problems);
    checks.product(line.productId, at + ".product_id", problems);
    std::set<std::string> serials;
    for (const std::string& serial : line.serialNumbers) {
      if (serial.empty() || !serials.insert(serial).second) {
        problems.push_back({ProblemCode::invalid_value, at + ".serial_numbers",
                            "serial numbers are not empty and appear once per line"});
      }
    }
    if (line.serialNumbers.size() > line.quantity) {
      problems.push_back({ProblemCode::invalid_value, at + ".serial_numbers",
                          "more serial numbers than items returned"});
    }
  }
  if (!problems.empty()) return problems;

  std::vector<std::int64_t> inserted;
  session << "INSERT INTO rma (rma_number, customer_id, dealer_id, reason_code, reason, status, status_changed_at, "
             "source_interchange_id, created_at) VALUES (?, ?, ?, ?, ?, 'requested', ?, ?, ?) "
             "ON CONFLICT DO NOTHING RETURNING rma_id",
      bind(rma.rmaNumber), bind(nullable(rma.customerId)), bind(nullable(rma.dealerId)), bind(nullable(rma.reasonCode)),
      bind(nullable(rma.reason)), bind(rma.requestedAt), bind(nullable(rma.sourceInterchangeId)),
      bind(store::currentTimestamp()), into(inserted), now;
  if (inserted.empty()) {
    return Problem{ProblemCode::duplicate_reference, "rma_number", "RMA '" + rma.rmaNumber + "' is recorded already"};
  }
  const std::int64_t id = inserted.front();
  session << "INSERT INTO rma_status_history (rma_id, status, changed_at) VALUES (?, 'requested', ?)", bind(id),
      bind(rma.requestedAt), now;
  for (const RmaLine& line : rma.lines) {
    session << "INSERT INTO rma_line (rma_id, line_no, product_id, sku, description, quantity, unit) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
        bind(id), bind(line.lineNo), bind(nullable(line.productId)), bind(nullable(line.sku)),
        bind(nullable(line.description)), bind(line.quantity), bind(line.unit), now;
    for (const std::string& serial : line.serialNumbers) {
      session << "INSERT INTO rma_serial (rma_id, line_no, serial_number) VALUES (?, ?, ?)", bind(id),
          bind(line.lineNo), bind(serial), now;
    }
  }
  return id;
}

Result<Done> ReturnBook::advance(store::Transaction& transaction, std::int64_t rmaId, RmaStatus to,
                                 const std::string& at, std::optional<Disposition> disposition,
                                 std::optional<std::string> note) {
  Poco::Data::Session& session = writeSession(transaction);
  std::vector<Problem> problems;
  RecordChecks::timestamp(at, true, "changed_at", problems);
  if (to == RmaStatus::disposition_decided && !disposition) {
    problems.push_back({ProblemCode::missing_disposition, "disposition",
                        "deciding the disposition needs one: restock, refurbish, repair, return_to_vendor, recycle "
                        "or dispose"});
  }
  if (to != RmaStatus::disposition_decided && disposition) {
    problems.push_back({ProblemCode::invalid_value, "disposition",
                        "a disposition is decided at the disposition_decided step, not at " +
                            std::string(rmaStatusName(to))});
  }
  // The row is locked until the transaction ends, so two advances of one RMA run one after the
  // other and the second sees the first's step (SQLite's BEGIN IMMEDIATE already serialises writers).
  const bool postgresql = store::sessionDialect(session) == store::Dialect::postgresql;
  std::vector<std::string> status, changedAt;
  session << std::string("SELECT status, status_changed_at FROM rma WHERE rma_id = ?") +
                 (postgresql ? " FOR UPDATE" : ""),
      bind(rmaId), into(status), into(changedAt), now;
  if (status.empty()) return Problem{ProblemCode::unknown_rma, "rma", "no RMA has id " + std::to_string(rmaId)};
  const RmaStatus from = rmaStatusFromName(status.front()).value_or(RmaStatus::closed);
  if (!rmaTransitionAllowed(from, to)) {
    std::string next;
    for (RmaStatus step : rmaNextSteps(from)) next += (next.empty() ? "" : " or ") + std::string(rmaStatusName(step));
    problems.push_back({ProblemCode::transition_not_allowed, "status",
                        "an RMA that is " + std::string(rmaStatusName(from)) + " cannot become " + rmaStatusName(to) +
                            (next.empty() ? "; it is closed" : "; next is " + next)});
  } else if (problems.empty() && at < changedAt.front()) {
    problems.push_back({ProblemCode::time_goes_backwards, "changed_at",
                        std::string(rmaStatusName(to)) + " at " + at + " would come before " + rmaStatusName(from) +
                            " at " + changedAt.front()});
  }
  if (!problems.empty()) return problems;

  session << "UPDATE rma SET status = ?, status_changed_at = ?, disposition = COALESCE(?, disposition) "
             "WHERE rma_id = ? AND status = ?",
      bind(std::string(rmaStatusName(to))), bind(at),
      bind(disposition ? Poco::Nullable<std::string>(dispositionName(*disposition)) : Poco::Nullable<std::string>()),
      bind(rmaId), bind(status.front()), now;
  session << "INSERT INTO rma_status_history (rma_id, status, changed_at, note) VALUES (?, ?, ?, ?)", bind(rmaId),
      bind(std::string(rmaStatusName(to))), bind(at), bind(nullable(note)), now;
  return Done{};
}

std::optional<ReturnAuthorization> ReturnBook::find(std::int64_t id) {
  std::vector<std::string> number, status, createdAt;
  std::vector<Poco::Nullable<std::int64_t>> customerId, dealerId, interchangeId;
  std::vector<Poco::Nullable<std::string>> reasonCode, reason, disposition;
  session_ << "SELECT rma_number, customer_id, dealer_id, reason_code, reason, status, disposition, "
              "source_interchange_id FROM rma WHERE rma_id = ?",
      bind(id), into(number), into(customerId), into(dealerId), into(reasonCode), into(reason), into(status),
      into(disposition), into(interchangeId), now;
  if (number.empty()) return std::nullopt;
  ReturnAuthorization rma;
  rma.id = id;
  rma.rmaNumber = number[0];
  rma.customerId = optional(customerId[0]);
  rma.dealerId = optional(dealerId[0]);
  rma.reasonCode = optional(reasonCode[0]);
  rma.reason = optional(reason[0]);
  rma.status = rmaStatusFromName(status[0]).value_or(RmaStatus::requested);
  if (!disposition[0].isNull()) rma.disposition = dispositionFromName(disposition[0].value());
  rma.sourceInterchangeId = optional(interchangeId[0]);

  std::vector<std::string> stepStatus, stepAt;
  std::vector<Poco::Nullable<std::string>> stepNote;
  // Steps taken at the same instant (a request authorized on arrival) read back in timeline order.
  session_ << "SELECT status, changed_at, note FROM rma_status_history WHERE rma_id = ? ORDER BY changed_at, "
              "CASE status WHEN 'requested' THEN 1 WHEN 'authorized' THEN 2 WHEN 'in_transit' THEN 3 "
              "WHEN 'received' THEN 4 WHEN 'inspected' THEN 5 WHEN 'disposition_decided' THEN 6 ELSE 7 END",
      bind(id), into(stepStatus), into(stepAt), into(stepNote), now;
  for (std::size_t i = 0; i < stepStatus.size(); ++i) {
    rma.history.push_back({rmaStatusFromName(stepStatus[i]).value_or(RmaStatus::requested), stepAt[i],
                           optional(stepNote[i])});
  }
  if (!rma.history.empty()) rma.requestedAt = rma.history.front().changedAt;

  std::vector<int> lineNo;
  std::vector<Poco::Nullable<std::int64_t>> productId;
  std::vector<Poco::Nullable<std::string>> sku, description;
  std::vector<double> quantity;
  std::vector<std::string> unit;
  session_ << "SELECT line_no, product_id, sku, description, quantity, unit FROM rma_line WHERE rma_id = ? "
              "ORDER BY line_no",
      bind(id), into(lineNo), into(productId), into(sku), into(description), into(quantity), into(unit), now;
  for (std::size_t i = 0; i < lineNo.size(); ++i) {
    rma.lines.push_back({lineNo[i], optional(productId[i]), optional(sku[i]), optional(description[i]), quantity[i],
                         unit[i], {}});
  }
  std::vector<int> serialLine;
  std::vector<std::string> serial;
  session_ << "SELECT line_no, serial_number FROM rma_serial WHERE rma_id = ? ORDER BY line_no, serial_number",
      bind(id), into(serialLine), into(serial), now;
  for (std::size_t i = 0; i < serial.size(); ++i) {
    for (RmaLine& line : rma.lines) {
      if (line.lineNo == serialLine[i]) line.serialNumbers.push_back(serial[i]);
    }
  }
  return rma;
}

std::optional<ReturnAuthorization> ReturnBook::findByNumber(const std::string& rmaNumber) {
  std::vector<std::int64_t> id;
  session_ << "SELECT rma_id FROM rma WHERE rma_number = ?", bind(rmaNumber), into(id), now;
  if (id.empty()) return std::nullopt;
  return find(id.front());
}

}  // namespace logistics
