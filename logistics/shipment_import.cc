#include "logistics/shipment_import.h"

#include "logistics/record_checks.h"
#include "logistics/shipment_book.h"
#include "logistics/shipment_progress.h"
#include "logistics/shipment_rollup.h"
#include "store/dialect.h"
#include "store/timestamp.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace logistics {
namespace {

// The shipment columns written, in the order of shipmentValues().
const std::vector<std::string> kShipmentColumns = {
    "client_id", "shipper_id", "consignee_id", "carrier_id", "bill_of_lading", "pro_number", "ship_notice_id",
    "origin_city", "origin_postal_code", "origin_country", "origin_region", "destination_city",
    "destination_postal_code", "destination_country", "destination_region", "transport_mode", "distance_km",
    "goods_description", "pieces", "weight_kg", "volume_m3", "freight_cost_cents", "currency", "planned_ship_date",
    "ship_date", "planned_delivery", "promised_delivery", "actual_delivery", "status"};

// The shipment's one line, in the order of itemValues().
const std::vector<std::string> kItemColumns = {"item_line_no", "item_product_id", "item_sku", "item_description",
                                               "item_quantity", "item_unit"};

std::vector<std::string> concatenated(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// PostgreSQL: the items of the rows written since the last flush, joined to their shipments'
// ids by (run, line) once those are written.
const char* const kItemStaging =
    "CREATE TEMP TABLE import_staging (line_no BIGINT PRIMARY KEY, item_line_no INTEGER, item_product_id BIGINT, "
    "item_sku TEXT, item_description TEXT, item_quantity DOUBLE PRECISION, item_unit TEXT) ON COMMIT DROP";

// PostgreSQL: the references of the rows a flush found refused, to say which one was taken.
const char* const kRefusedStaging =
    "CREATE TEMP TABLE import_refused (line_no BIGINT PRIMARY KEY, client_id BIGINT, carrier_id BIGINT, "
    "bill_of_lading TEXT, pro_number TEXT, ship_notice_id TEXT) ON COMMIT DROP";

template <typename T>
store::Value value(const std::optional<T>& v) {
  if (!v) return std::monostate{};
  if constexpr (std::is_same_v<T, std::string>) {
    return *v;
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<double>(*v);
  } else {
    return static_cast<std::int64_t>(*v);
  }
}

store::Value value(std::int64_t v) { return v; }
store::Value value(std::string_view v) { return std::string(v); }

// The columns of kShipmentColumns, in their order, each handed to `column`: the one list both
// write paths follow.
template <typename Column>
void forEachShipmentColumn(const Shipment& s, Column&& column) {
  column(s.clientId);
  column(s.shipperId);
  column(s.consigneeId);
  column(s.carrierId);
  column(s.billOfLading);
  column(s.proNumber);
  column(s.shipNoticeId);
  for (const Place* place : {&s.origin, &s.destination}) {
    column(place->city);
    column(place->postalCode);
    column(place->country);
    column(place->region);
  }
  column(std::string_view(transportModeName(s.mode)));
  column(s.distanceKm);
  column(s.goodsDescription);
  column(s.pieces);
  column(s.weightKg);
  column(s.volumeM3);
  column(s.freightCostCents);
  column(s.currency);
  column(s.plannedShipDate);
  column(s.shipDate);
  column(s.plannedDelivery);
  column(s.promisedDelivery);
  column(s.actualDelivery);
  column(std::string_view(shipmentStatusName(s.status)));
}

void appendShipmentValues(std::vector<store::Value>& row, const Shipment& s) {
  forEachShipmentColumn(s, [&row](const auto& field) { row.push_back(value(field)); });
}

// Binds values to the next columns of a RowInserter, in order, straight from a record's fields:
// no Value (nor copy of a text) per column.
class ColumnBinder {
 public:
  explicit ColumnBinder(store::RowInserter& inserter) : inserter_(inserter) {}

  ColumnBinder& operator<<(std::string_view text) {
    inserter_.bindText(at_++, text);
    return *this;
  }
  ColumnBinder& operator<<(std::int64_t number) {
    inserter_.bindInteger(at_++, number);
    return *this;
  }
  ColumnBinder& operator<<(double number) {
    inserter_.bindReal(at_++, number);
    return *this;
  }
  template <typename T>
  ColumnBinder& operator<<(const std::optional<T>& value) {
    if (!value) {
      inserter_.bindNull(at_++);
    } else if constexpr (std::is_same_v<T, std::string>) {
      *this << std::string_view(*value);
    } else if constexpr (std::is_floating_point_v<T>) {
      *this << static_cast<double>(*value);
    } else {
      *this << static_cast<std::int64_t>(*value);
    }
    return *this;
  }

 private:
  store::RowInserter& inserter_;
  std::size_t at_ = 0;
};

void bindShipment(ColumnBinder& row, const Shipment& s) {
  forEachShipmentColumn(s, [&row](const auto& field) { row << field; });
}

void appendItemValues(std::vector<store::Value>& row, const ShipmentLine* item) {
  if (!item) {
    row.resize(row.size() + kItemColumns.size());
    return;
  }
  row.insert(row.end(), {std::int64_t{item->lineNo}, value(item->productId), value(item->sku),
                         value(item->description), item->quantityShipped, item->unit});
}

// The references a shipment is unique by, and in whose scope (docs/IMPORT.md): the bill of
// lading and the ship notice per client, the PRO number per carrier, or per client when no
// carrier is named. In this order a refused row names the first one taken.
enum class Scope { bill_of_lading, ship_notice_id, pro_number_of_carrier, pro_number_of_client };

struct ScopeSql {
  ReferenceKind kind;
  const char* column;
  const char* owner;    // the column the reference is unique within
  bool withoutCarrier;  // only among shipments that name no carrier
};

const ScopeSql kScopes[] = {
    {ReferenceKind::bill_of_lading, "bill_of_lading", "client_id", false},
    {ReferenceKind::ship_notice_id, "ship_notice_id", "client_id", false},
    {ReferenceKind::pro_number, "pro_number", "carrier_id", false},
    {ReferenceKind::pro_number, "pro_number", "client_id", true},
};

// A row refused for a reference no committed shipment holds: another transaction took it.
Problem takenAtTheSameTime() {
  return {ProblemCode::duplicate_reference, "references",
          "a shipment with these references was recorded at the same time"};
}

Problem takenProblem(std::int64_t runId, Scope scope, const std::string& reference,
                     const Poco::Nullable<std::int64_t>& otherRun, const Poco::Nullable<std::int64_t>& otherLine) {
  const ScopeSql& sql = kScopes[static_cast<int>(scope)];
  const std::string name = referenceKindName(sql.kind);
  std::string message = name + " '" + reference + "' ";
  if (!otherRun.isNull() && otherRun.value() == runId) {
    message += "appears on line " + std::to_string(otherLine.value()) + " already";
  } else {
    message += scope == Scope::pro_number_of_carrier  ? "is recorded already for this carrier"
               : scope == Scope::pro_number_of_client ? "is recorded already for this client without a carrier"
                                                      : "is recorded already for this client";
    if (!otherRun.isNull()) {
      message += " (import run " + std::to_string(otherRun.value()) + ", line " + std::to_string(otherLine.value()) + ")";
    }
  }
  return {ProblemCode::duplicate_reference, name, message};
}

}  // namespace

ShipmentImport::ShipmentImport(store::Transaction& transaction, std::int64_t importRunId)
    : session_(writeSession(transaction)),
      runId_(importRunId),
      stamp_(store::currentTimestamp()),
      sqlite_(store::sessionDialect(session_) == store::Dialect::sqlite) {
  if (sqlite_) {
    shipments_ = std::make_unique<store::RowInserter>(
        session_, "shipment",
        concatenated(kShipmentColumns, {"source_import_run_id", "source_line", "created_at", "updated_at"}));
    lines_ = std::make_unique<store::RowInserter>(
        session_, "shipment_line",
        std::vector<std::string>{"shipment_id", "line_no", "product_id", "sku", "description", "quantity_shipped",
                                 "unit"});
    return;
  }
  session_ << store::dropTemporaryTable(store::Dialect::postgresql, "import_staging"), now;
  session_ << kItemStaging, now;
  // unnest yields the rows in the order added, so of two rows with one reference the first in the
  // file is the one kept, as on SQLite.
  direct_ = std::make_unique<store::BulkInserter>(
      session_, "shipment",
      concatenated(kShipmentColumns, {"source_import_run_id", "source_line", "created_at", "updated_at"}),
      store::OnConflict::skip);
  items_ = std::make_unique<store::BulkInserter>(session_, "import_staging",
                                                 concatenated({"line_no"}, kItemColumns));
}

ShipmentImport::~ShipmentImport() = default;

std::optional<Problem> ShipmentImport::checkParties(const Shipment& s) {
  // A file names few parties in every row: each id is looked up once.
  enum Kind { client, carrier, party, product };
  auto check = [&](Kind kind, const std::optional<std::int64_t>& id, const std::string& field) -> std::optional<Problem> {
    if (!id) return std::nullopt;
    auto [at, fresh] = checked_.try_emplace({kind, *id});
    if (fresh) {
      std::vector<Problem> problems;
      RecordChecks checks(session_);
      if (kind == client) checks.partyWithRole(id, "client", field, problems);
      if (kind == carrier) checks.partyWithRole(id, "carrier", field, problems);
      if (kind == party) checks.party(id, field, problems);
      if (kind == product) checks.product(id, field, problems);
      if (!problems.empty()) at->second = problems.front();
    }
    if (!at->second) return std::nullopt;
    Problem problem = *at->second;
    problem.field = field;
    return problem;
  };
  for (auto problem : {check(client, s.clientId, "client"), check(carrier, s.carrierId, "carrier"),
                       check(party, s.shipperId, "shipper"), check(party, s.consigneeId, "consignee"),
                       check(product, s.lines.empty() ? std::nullopt : s.lines.front().productId,
                             "lines[0].product_id")}) {
    if (problem) return problem;
  }
  return std::nullopt;
}

Result<Done> ShipmentImport::add(std::int64_t line, const Shipment& s) {
  if (line <= lastLine_) throw std::logic_error("ShipmentImport::add: lines must increase");
  std::vector<Problem> problems = checkShipment(s);
  if (s.lines.size() > 1) {
    problems.push_back({ProblemCode::invalid_value, "lines", "an imported shipment carries at most one line"});
  }
  if (s.sourceInterchangeId) {
    problems.push_back({ProblemCode::invalid_value, "source_interchange_id", "an imported shipment comes from its run"});
  }
  if (!problems.empty()) return problems;
  if (auto problem = checkParties(s)) return *problem;
  lastLine_ = line;
  const ShipmentLine* item = s.lines.empty() ? nullptr : &s.lines.front();
  if (!sqlite_) {
    std::vector<store::Value> row;
    row.reserve(kShipmentColumns.size() + 4);
    appendShipmentValues(row, s);
    row.insert(row.end(), {runId_, line, stamp_, stamp_});
    direct_->add(row);
    pending_.push_back({line, s.clientId, s.carrierId, s.billOfLading, s.proNumber, s.shipNoticeId});
    if (item) {
      row.clear();
      row.emplace_back(line);
      appendItemValues(row, item);
      items_->add(row);
      stagedItems_ = true;
    }
    return Done{};
  }
  ColumnBinder shipment(*shipments_);
  bindShipment(shipment, s);
  shipment << runId_ << line << std::string_view(stamp_) << std::string_view(stamp_);
  if (!shipments_->insertBound()) {
    return takenReference({line, s.clientId, s.carrierId, s.billOfLading, s.proNumber, s.shipNoticeId});
  }
  ++written_;
  if (item) {
    ColumnBinder itemRow(*lines_);
    itemRow << shipments_->lastRowId() << std::int64_t{item->lineNo} << item->productId << item->sku
            << item->description << item->quantityShipped << std::string_view(item->unit);
    lines_->insertBound();
  }
  return Done{};
}

Problem ShipmentImport::takenReference(const References& s) {
  const std::pair<Scope, const std::optional<std::string>*> scopes[] = {
      {Scope::bill_of_lading, &s.billOfLading},
      {Scope::ship_notice_id, &s.shipNoticeId},
      {s.carrierId ? Scope::pro_number_of_carrier : Scope::pro_number_of_client, &s.proNumber}};
  for (const auto& [scope, reference] : scopes) {
    if (!*reference) continue;
    const ScopeSql& sql = kScopes[static_cast<int>(scope)];
    const std::int64_t owner = sql.owner == std::string("carrier_id") ? *s.carrierId : s.clientId;
    // A file of rows recorded already refuses every row: each lookup is prepared once a run.
    auto& lookup = referenceLookups_[static_cast<std::size_t>(scope)];
    if (!lookup) {
      lookup = std::make_unique<store::SqliteStatement>(
          session_, std::string("SELECT source_import_run_id, source_line FROM shipment WHERE ") + sql.column +
                        " = ? AND " + sql.owner + " = ?" + (sql.withoutCarrier ? " AND carrier_id IS NULL" : "") +
                        " LIMIT 1");
    }
    lookup->bindText(0, **reference);
    lookup->bindInteger(1, owner);
    if (lookup->step()) {
      const auto nullable = [](const std::optional<std::int64_t>& v) {
        return v ? Poco::Nullable<std::int64_t>(*v) : Poco::Nullable<std::int64_t>();
      };
      const Problem problem =
          takenProblem(runId_, scope, **reference, nullable(lookup->integerAt(0)), nullable(lookup->integerAt(1)));
      lookup->done();
      return problem;
    }
    lookup->done();
  }
  return takenAtTheSameTime();
}

void ShipmentImport::reportTakenReferences(const std::vector<References>& rows,
                                           const std::function<void(std::int64_t, const Problem&)>& refused) {
  session_ << store::dropTemporaryTable(store::Dialect::postgresql, "import_refused"), now;
  session_ << kRefusedStaging, now;
  {
    store::BulkInserter staged(session_, "import_refused",
                               {"line_no", "client_id", "carrier_id", "bill_of_lading", "pro_number", "ship_notice_id"});
    for (const References& row : rows) {
      staged.add({row.line, row.clientId, value(row.carrierId), value(row.billOfLading), value(row.proNumber),
                  value(row.shipNoticeId)});
    }
    staged.flush();
  }
  // Which reference each one collided with, a page of lines at a time so memory stays bounded.
  std::string query;
  for (int scope = 0; scope < 4; ++scope) {
    const ScopeSql& sql = kScopes[scope];
    query += std::string(query.empty() ? "" : " UNION ALL ") + "SELECT r.line_no, " + std::to_string(scope) + ", r." +
             sql.column + ", x.source_import_run_id, x.source_line FROM import_refused r "
             "JOIN shipment x ON x." + sql.column + " = r." + sql.column + " AND x." + sql.owner + " = r." + sql.owner +
             (sql.withoutCarrier ? " AND x.carrier_id IS NULL AND r.carrier_id IS NULL" : "") +
             " WHERE r.line_no BETWEEN ? AND ?";
  }
  query += " ORDER BY 1, 2";
  for (std::size_t at = 0; at < rows.size(); at += 5000) {
    const std::size_t end = std::min(rows.size(), at + 5000);
    const std::int64_t first = rows[at].line, last = rows[end - 1].line;
    std::vector<std::int64_t> lines;
    std::vector<int> scope;
    std::vector<std::string> reference;
    std::vector<Poco::Nullable<std::int64_t>> otherRun, otherLine;
    Poco::Data::Statement select(session_);
    select << query;
    for (int i = 0; i < 4; ++i) select, bind(first), bind(last);
    select, into(lines), into(scope), into(reference), into(otherRun), into(otherLine);
    select.execute();
    std::size_t match = 0;
    for (std::size_t r = at; r < end; ++r) {
      const std::int64_t line = rows[r].line;
      while (match < lines.size() && lines[match] < line) ++match;
      if (match < lines.size() && lines[match] == line) {
        refused(line, takenProblem(runId_, static_cast<Scope>(scope[match]), reference[match], otherRun[match],
                                   otherLine[match]));
      } else {
        refused(line, takenAtTheSameTime());
      }
    }
  }
  session_ << store::dropTemporaryTable(store::Dialect::postgresql, "import_refused"), now;
}

void ShipmentImport::flush(const std::function<void(std::int64_t, const Problem&)>& refused) {
  if (pending_.empty()) return;
  direct_->flush();
  items_->flush();
  const std::string run = std::to_string(runId_);
  const std::int64_t firstLine = pending_.front().line;
  std::int64_t written = 0;
  session_ << "SELECT count(*) FROM shipment WHERE source_import_run_id = " + run + " AND source_line >= ?",
      bind(firstLine), into(written), now;
  if (static_cast<std::size_t>(written) < pending_.size()) {
    // The rows a taken reference kept out: those whose line is not found in shipment.
    std::vector<std::int64_t> went;
    session_ << "SELECT source_line FROM shipment WHERE source_import_run_id = " + run +
                    " AND source_line >= ? ORDER BY source_line",
        bind(firstLine), into(went), now;
    std::vector<References> kept;
    std::size_t match = 0;
    for (References& row : pending_) {
      while (match < went.size() && went[match] < row.line) ++match;
      if (match == went.size() || went[match] != row.line) kept.push_back(std::move(row));
    }
    reportTakenReferences(kept, refused);
  }
  if (stagedItems_ && written > 0) {
    session_ << "INSERT INTO shipment_line (shipment_id, line_no, product_id, sku, description, quantity_shipped, unit) "
                "SELECT x.shipment_id, s.item_line_no, s.item_product_id, s.item_sku, s.item_description, "
                "s.item_quantity, s.item_unit FROM import_staging s JOIN shipment x ON x.source_import_run_id = " +
                    run + " AND x.source_line = s.line_no",
        now;
  }
  if (stagedItems_) session_ << "DELETE FROM import_staging", now;
  written_ += static_cast<std::uint64_t>(written);
  pending_.clear();
  stagedItems_ = false;
}

std::uint64_t ShipmentImport::finish() {
  if (!pending_.empty()) throw std::logic_error("ShipmentImport::finish: rows were added but never flushed");
  if (written_ > 0) {
    linkWaitingEventsOfImport(session_, runId_);
    addImportedShipmentsToRollups(session_, runId_);
  }
  if (!sqlite_) session_ << store::dropTemporaryTable(store::Dialect::postgresql, "import_staging"), now;
  return written_;
}

}  // namespace logistics
