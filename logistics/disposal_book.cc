#include "logistics/disposal_book.h"

#include "logistics/column_values.h"
#include "logistics/record_checks.h"
#include "store/timestamp.h"

#include <Poco/Data/Statement.h>

#include <map>
#include <set>

using namespace Poco::Data::Keywords;

namespace logistics {

Result<std::int64_t> DisposalBook::record(store::Transaction& transaction, const DisposalRecord& record) {
  Poco::Data::Session& session = writeSession(transaction);
  std::vector<Problem> problems = checkDisposalRecord(record);
  RecordChecks checks(session);
  if (record.recyclerId != 0) checks.partyWithRole(record.recyclerId, "recycler", "recycler", problems);
  checks.interchange(record.sourceInterchangeId, problems);
  if (record.rmaId) {
    int known = 0;
    session << "SELECT count(*) FROM rma WHERE rma_id = ?", bind(*record.rmaId), into(known), now;
    if (known == 0) {
      problems.push_back({ProblemCode::unknown_rma, "rma", "no RMA has id " + std::to_string(*record.rmaId)});
    } else if (!record.serialNumbers.empty()) {
      std::vector<std::string> listed;
      session << "SELECT serial_number FROM rma_serial WHERE rma_id = ?", bind(*record.rmaId), into(listed), now;
      const std::set<std::string> onRma(listed.begin(), listed.end());
      for (const std::string& serial : record.serialNumbers) {
        if (!onRma.count(serial)) {
          problems.push_back({ProblemCode::unknown_serial, "serial_numbers",
                              "serial number '" + serial + "' is not on RMA " + std::to_string(*record.rmaId)});
        }
      }
    }
  }
  if (!problems.empty()) return problems;

  const EwcCode ewc = parseEwcCode(record.ewcCode).value();
  std::vector<std::int64_t> inserted;
  session << "INSERT INTO disposal_record (recycler_id, rma_id, ewc_code, hazardous, quantity, unit, quantity_basis, "
             "operation_code, permit_number, certificate_number, received_at, treated_at, certificate_issued_at, "
             "source_interchange_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "ON CONFLICT DO NOTHING RETURNING disposal_id",
      bind(record.recyclerId), bind(nullable(record.rmaId)), bind(ewc.digits), bind(record.hazardous ? 1 : 0),
      bind(record.quantity), bind(std::string(disposalUnitName(record.unit))),
      bind(std::string(quantityBasisName(record.basis))), bind(record.operationCode), bind(record.permitNumber),
      bind(nullable(record.certificateNumber)), bind(nullable(record.receivedAt)), bind(nullable(record.treatedAt)),
      bind(nullable(record.certificateIssuedAt)), bind(nullable(record.sourceInterchangeId)),
      bind(store::currentTimestamp()), into(inserted), now;
  if (inserted.empty()) {
    return Problem{ProblemCode::duplicate_reference, "certificate_number",
                   "certificate '" + record.certificateNumber.value_or("") + "' is recorded already for this recycler"};
  }
  const std::int64_t id = inserted.front();
  for (const std::string& serial : record.serialNumbers) {
    session << "INSERT INTO disposal_serial (disposal_id, serial_number) VALUES (?, ?)", bind(id), bind(serial), now;
  }
  return id;
}

std::vector<DisposalRecord> DisposalBook::select(const std::string& where, std::int64_t parameter) {
  std::vector<std::int64_t> id, recyclerId;
  std::vector<Poco::Nullable<std::int64_t>> rmaId, interchangeId;
  std::vector<std::string> ewc, unit, basis, operation, permit;
  std::vector<int> hazardous;
  std::vector<double> quantity;
  std::vector<Poco::Nullable<std::string>> certificate, receivedAt, treatedAt, issuedAt;
  session_ << "SELECT disposal_id, recycler_id, rma_id, ewc_code, hazardous, quantity, unit, quantity_basis, "
              "operation_code, permit_number, certificate_number, received_at, treated_at, certificate_issued_at, "
              "source_interchange_id FROM disposal_record " + where + " ORDER BY disposal_id",
      bind(parameter), into(id), into(recyclerId), into(rmaId), into(ewc), into(hazardous), into(quantity), into(unit),
      into(basis), into(operation), into(permit), into(certificate), into(receivedAt), into(treatedAt), into(issuedAt),
      into(interchangeId), now;
  std::vector<DisposalRecord> records(id.size());
  std::map<std::int64_t, DisposalRecord*> byId;
  for (std::size_t i = 0; i < id.size(); ++i) {
    DisposalRecord& r = records[i];
    r.id = id[i];
    r.recyclerId = recyclerId[i];
    r.rmaId = optional(rmaId[i]);
    r.ewcCode = ewc[i];
    r.hazardous = hazardous[i] != 0;
    r.quantity = quantity[i];
    r.unit = disposalUnitFromName(unit[i]).value_or(DisposalUnit::kg);
    r.basis = quantityBasisFromName(basis[i]).value_or(QuantityBasis::estimated);
    r.operationCode = operation[i];
    r.permitNumber = permit[i];
    r.certificateNumber = optional(certificate[i]);
    r.receivedAt = optional(receivedAt[i]);
    r.treatedAt = optional(treatedAt[i]);
    r.certificateIssuedAt = optional(issuedAt[i]);
    r.sourceInterchangeId = optional(interchangeId[i]);
    byId[r.id] = &r;
  }
  if (records.empty()) return records;
  std::vector<std::int64_t> serialOwner;
  std::vector<std::string> serial;
  session_ << "SELECT disposal_id, serial_number FROM disposal_serial WHERE disposal_id IN "
              "(SELECT disposal_id FROM disposal_record " + where + ") ORDER BY disposal_id, serial_number",
      bind(parameter), into(serialOwner), into(serial), now;
  for (std::size_t i = 0; i < serial.size(); ++i) byId[serialOwner[i]]->serialNumbers.push_back(serial[i]);
  return records;
}

std::optional<DisposalRecord> DisposalBook::find(std::int64_t id) {
  auto found = select("WHERE disposal_id = ?", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<DisposalRecord> DisposalBook::forRma(std::int64_t rmaId) { return select("WHERE rma_id = ?", rmaId); }

}  // namespace logistics
