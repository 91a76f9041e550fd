#include "logistics/shipment_import.h"

#include "logistics/record_checks.h"
#include "logistics/shipment_book.h"
#include "logistics/shipment_progress.h"
#include "logistics/shipment_rollup.h"
#include "store/dialect.h"
#include "store/timestamp.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <map>

using namespace Poco::Data::Keywords;

namespace logistics {
namespace {

// The shipment columns staged and written, in one order for both statements.
const char* const kShipmentColumns =
    "client_id, shipper_id, consignee_id, carrier_id, bill_of_lading, pro_number, ship_notice_id, origin_city, "
    "origin_postal_code, origin_country, origin_region, destination_city, destination_postal_code, "
    "destination_country, destination_region, transport_mode, distance_km, goods_description, pieces, weight_kg, "
    "volume_m3, freight_cost_cents, currency, planned_ship_date, ship_date, planned_delivery, promised_delivery, "
    "actual_delivery, status";

const std::vector<std::string> kStagingColumns = {
    "line_no", "client_id", "shipper_id", "consignee_id", "carrier_id", "bill_of_lading", "pro_number",
    "ship_notice_id", "origin_city", "origin_postal_code", "origin_country", "origin_region", "destination_city",
    "destination_postal_code", "destination_country", "destination_region", "transport_mode", "distance_km",
    "goods_description", "pieces", "weight_kg", "volume_m3", "freight_cost_cents", "currency", "planned_ship_date",
    "ship_date", "planned_delivery", "promised_delivery", "actual_delivery", "status", "item_line_no",
    "item_product_id", "item_sku", "item_description", "item_quantity", "item_unit"};

std::string stagingTable(store::Dialect dialect) {
  const bool sqlite = dialect == store::Dialect::sqlite;
  return std::string("CREATE TEMP TABLE import_staging (") +
         (sqlite ? "line_no INTEGER PRIMARY KEY" : "line_no BIGINT PRIMARY KEY") +
         ", client_id BIGINT, shipper_id BIGINT, consignee_id BIGINT, carrier_id BIGINT, bill_of_lading TEXT, "
         "pro_number TEXT, ship_notice_id TEXT, origin_city TEXT, origin_postal_code TEXT, origin_country TEXT, "
         "origin_region TEXT, destination_city TEXT, destination_postal_code TEXT, destination_country TEXT, "
         "destination_region TEXT, transport_mode TEXT, distance_km DOUBLE PRECISION, goods_description TEXT, "
         "pieces INTEGER, weight_kg DOUBLE PRECISION, volume_m3 DOUBLE PRECISION, freight_cost_cents BIGINT, "
         "currency TEXT, planned_ship_date TEXT, ship_date TEXT, planned_delivery TEXT, promised_delivery TEXT, "
         "actual_delivery TEXT, status TEXT, item_line_no INTEGER, item_product_id BIGINT, item_sku TEXT, "
         "item_description TEXT, item_quantity DOUBLE PRECISION, item_unit TEXT)" +
         (sqlite ? "" : " ON COMMIT DROP");
}

std::string dropStaging(store::Dialect dialect, const std::string& table) {
  return std::string("DROP TABLE IF EXISTS ") + (dialect == store::Dialect::sqlite ? "temp." : "pg_temp.") + table;
}

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

// "1,2,3": ids come from our own staging, never from text, so they are safe as literals.
std::string idList(const std::set<std::int64_t>& ids) {
  std::string text;
  for (std::int64_t id : ids) text += (text.empty() ? "" : ",") + std::to_string(id);
  return text;
}

std::set<std::int64_t> found(Poco::Data::Session& session, const std::string& sql) {
  std::vector<std::int64_t> ids;
  session << sql, into(ids), now;
  return {ids.begin(), ids.end()};
}

}  // namespace

ShipmentImport::ShipmentImport(store::Transaction& transaction, std::int64_t importRunId)
    : transaction_(transaction), session_(writeSession(transaction)), runId_(importRunId) {
  const store::Dialect dialect = store::sessionDialect(session_);
  session_ << dropStaging(dialect, "import_staging"), now;
  session_ << stagingTable(dialect), now;
  staging_ = std::make_unique<store::BulkInserter>(session_, "import_staging", kStagingColumns);
}

ShipmentImport::~ShipmentImport() = default;

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
  lastLine_ = line;
  const ShipmentLine* item = s.lines.empty() ? nullptr : &s.lines.front();
  const store::Value row[] = {
      line, s.clientId, value(s.shipperId), value(s.consigneeId), value(s.carrierId), value(s.billOfLading),
      value(s.proNumber), value(s.shipNoticeId), value(s.origin.city), value(s.origin.postalCode),
      value(s.origin.country), value(s.origin.region), value(s.destination.city), value(s.destination.postalCode),
      value(s.destination.country), value(s.destination.region), std::string(transportModeName(s.mode)),
      value(s.distanceKm), value(s.goodsDescription), value(s.pieces), value(s.weightKg), value(s.volumeM3),
      value(s.freightCostCents), value(s.currency), value(s.plannedShipDate), value(s.shipDate),
      value(s.plannedDelivery), value(s.promisedDelivery), value(s.actualDelivery),
      std::string(shipmentStatusName(s.status)),
      item ? store::Value(std::int64_t{item->lineNo}) : store::Value(), item ? value(item->productId) : store::Value(),
      item ? value(item->sku) : store::Value(), item ? value(item->description) : store::Value(),
      item ? store::Value(item->quantityShipped) : store::Value(), item ? store::Value(item->unit) : store::Value()};
  staging_->add(row);
  ++staged_;
  withLines_ |= item != nullptr;
  clients_.insert(s.clientId);
  if (s.carrierId) carriers_.insert(*s.carrierId);
  if (s.shipperId) others_.insert(*s.shipperId);
  if (s.consigneeId) others_.insert(*s.consigneeId);
  if (item && item->productId) products_.insert(*item->productId);
  return Done{};
}

void ShipmentImport::refuseBadParties(const std::function<void(std::int64_t, const Problem&)>& refused) {
  // Checked once per distinct id: a file names few parties, in every row.
  std::set<std::int64_t> badClients, badCarriers, badOthers, badProducts;
  auto missing = [&](const std::set<std::int64_t>& wanted, const std::string& sql, std::set<std::int64_t>& bad) {
    if (wanted.empty()) return;
    const std::set<std::int64_t> present = found(session_, sql + " IN (" + idList(wanted) + ")");
    for (std::int64_t id : wanted) {
      if (!present.count(id)) bad.insert(id);
    }
  };
  missing(clients_, "SELECT party_id FROM party_role WHERE role = 'client' AND party_id", badClients);
  missing(carriers_, "SELECT party_id FROM party_role WHERE role = 'carrier' AND party_id", badCarriers);
  missing(others_, "SELECT party_id FROM party WHERE party_id", badOthers);
  missing(products_, "SELECT product_id FROM product WHERE product_id", badProducts);
  if (badClients.empty() && badCarriers.empty() && badOthers.empty() && badProducts.empty()) return;

  std::set<std::int64_t> all = badClients;
  all.insert(badCarriers.begin(), badCarriers.end());
  all.insert(badOthers.begin(), badOthers.end());
  const std::set<std::int64_t> existing = found(session_, "SELECT party_id FROM party WHERE party_id IN (" +
                                                              idList(all.empty() ? std::set<std::int64_t>{0} : all) +
                                                              ")");
  std::string where;
  auto condition = [&](const std::string& column, const std::set<std::int64_t>& ids) {
    if (!ids.empty()) where += std::string(where.empty() ? "" : " OR ") + column + " IN (" + idList(ids) + ")";
  };
  condition("client_id", badClients);
  condition("carrier_id", badCarriers);
  condition("shipper_id", badOthers);
  condition("consignee_id", badOthers);
  condition("item_product_id", badProducts);

  std::vector<std::int64_t> lines, clients;
  std::vector<Poco::Nullable<std::int64_t>> carriers, shippers, consignees, products;
  session_ << "SELECT line_no, client_id, carrier_id, shipper_id, consignee_id, item_product_id FROM import_staging "
              "WHERE " + where + " ORDER BY line_no",
      into(lines), into(clients), into(carriers), into(shippers), into(consignees), into(products), now;
  auto partyProblem = [&](std::int64_t id, const std::string& role, const std::string& field) {
    if (existing.count(id)) {
      return Problem{ProblemCode::role_not_held, field, "party " + std::to_string(id) + " is not a " + role};
    }
    return Problem{ProblemCode::unknown_party, field, "no party " + std::to_string(id)};
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (badClients.count(clients[i])) {
      refused(lines[i], partyProblem(clients[i], "client", "client"));
    } else if (!carriers[i].isNull() && badCarriers.count(carriers[i].value())) {
      refused(lines[i], partyProblem(carriers[i].value(), "carrier", "carrier"));
    } else if (!shippers[i].isNull() && badOthers.count(shippers[i].value())) {
      refused(lines[i], partyProblem(shippers[i].value(), "", "shipper"));
    } else if (!consignees[i].isNull() && badOthers.count(consignees[i].value())) {
      refused(lines[i], partyProblem(consignees[i].value(), "", "consignee"));
    } else {
      refused(lines[i], {ProblemCode::unknown_product, "lines[0].product_id",
                         "no product " + std::to_string(products[i].value())});
    }
  }
  session_ << "DELETE FROM import_staging WHERE " + where, now;
  staged_ -= lines.size();
}

void ShipmentImport::reportTakenReferences(const std::function<void(std::int64_t, const Problem&)>& refused) {
  const store::Dialect dialect = store::sessionDialect(session_);
  const std::string run = std::to_string(runId_);
  session_ << dropStaging(dialect, "import_refused"), now;
  session_ << std::string("CREATE TEMP TABLE import_refused (line_no BIGINT PRIMARY KEY)") +
                  (dialect == store::Dialect::sqlite ? "" : " ON COMMIT DROP"),
      now;
  // The rows that went in are found by (run, line) in shipment_by_import; the rest were refused.
  session_ << "INSERT INTO import_refused SELECT s.line_no FROM import_staging s WHERE NOT EXISTS "
              "(SELECT 1 FROM shipment x WHERE x.source_import_run_id = " + run + " AND x.source_line = s.line_no)",
      now;
  // Which reference each one collided with, a page of lines at a time so memory stays bounded.
  const std::string holders =
      "SELECT r.line_no, %KIND%, s.%COLUMN%, x.source_import_run_id, x.source_line FROM import_refused r "
      "JOIN import_staging s ON s.line_no = r.line_no "
      "JOIN shipment x ON x.%COLUMN% = s.%COLUMN% AND x.%OWNER% = s.%OWNER% "
      "WHERE r.line_no BETWEEN ? AND ?";
  auto holder = [&](int kind, const std::string& column, const std::string& owner) {
    std::string sql = holders;
    for (auto [key, text] : {std::pair<std::string, std::string>{"%KIND%", std::to_string(kind)},
                             {"%COLUMN%", column}, {"%OWNER%", owner}}) {
      for (std::size_t at; (at = sql.find(key)) != std::string::npos;) sql.replace(at, key.size(), text);
    }
    return sql;
  };
  const std::string query = holder(0, "bill_of_lading", "client_id") + " UNION ALL " +
                            holder(1, "ship_notice_id", "client_id") + " UNION ALL " +
                            holder(2, "pro_number", "carrier_id") + " ORDER BY 1, 2";
  const ReferenceKind kinds[] = {ReferenceKind::bill_of_lading, ReferenceKind::ship_notice_id,
                                 ReferenceKind::pro_number};
  std::int64_t after = 0;
  for (;;) {
    std::vector<std::int64_t> page;
    session_ << "SELECT line_no FROM import_refused WHERE line_no > ? ORDER BY line_no LIMIT 5000", bind(after),
        into(page), now;
    if (page.empty()) break;
    const std::int64_t first = page.front(), last = page.back();
    std::vector<std::int64_t> lines;
    std::vector<int> kind;
    std::vector<std::string> reference;
    std::vector<Poco::Nullable<std::int64_t>> otherRun, otherLine;
    session_ << query, bind(first), bind(last), bind(first), bind(last), bind(first), bind(last), into(lines),
        into(kind), into(reference), into(otherRun), into(otherLine), now;
    std::size_t match = 0;
    for (std::int64_t line : page) {
      while (match < lines.size() && lines[match] < line) ++match;
      Problem problem{ProblemCode::duplicate_reference, "references",
                      "a shipment with these references was recorded at the same time"};
      if (match < lines.size() && lines[match] == line) {
        const ReferenceKind k = kinds[kind[match]];
        const std::string name = referenceKindName(k);
        const bool sameRun = !otherRun[match].isNull() && otherRun[match].value() == runId_;
        problem.field = name;
        problem.message =
            name + " '" + reference[match] + "' " +
            (sameRun ? "appears on line " + std::to_string(otherLine[match].value()) + " already"
                     : std::string("is recorded already for this ") +
                           (k == ReferenceKind::pro_number ? "carrier" : "client") +
                           (otherRun[match].isNull() ? ""
                                                     : " (import run " + std::to_string(otherRun[match].value()) +
                                                           ", line " + std::to_string(otherLine[match].value()) + ")"));
      }
      refused(line, problem);
    }
    after = last;
  }
  session_ << dropStaging(dialect, "import_refused"), now;
}

std::uint64_t ShipmentImport::apply(const std::function<void(std::int64_t, const Problem&)>& refused) {
  staging_->flush();
  refuseBadParties(refused);
  const std::string run = std::to_string(runId_);
  const std::string stamp = store::currentTimestamp();
  // WHERE true: SQLite would otherwise read ON CONFLICT as a join's ON. ORDER BY line_no: of two
  // rows with one reference, the first in the file is the one kept.
  session_ << std::string("INSERT INTO shipment (") + kShipmentColumns +
                  ", source_import_run_id, source_line, created_at, updated_at) SELECT " + kShipmentColumns + ", " +
                  run + ", line_no, ?, ? FROM import_staging WHERE true ORDER BY line_no ON CONFLICT DO NOTHING",
      bind(stamp), bind(stamp), now;
  std::int64_t written = 0;
  session_ << "SELECT count(*) FROM shipment WHERE source_import_run_id = " + run, into(written), now;
  const auto applied = static_cast<std::uint64_t>(written);
  if (applied < staged_) reportTakenReferences(refused);
  if (withLines_ && applied > 0) {
    session_ << "INSERT INTO shipment_line (shipment_id, line_no, product_id, sku, description, quantity_shipped, unit) "
                "SELECT x.shipment_id, s.item_line_no, s.item_product_id, s.item_sku, s.item_description, "
                "s.item_quantity, s.item_unit FROM import_staging s JOIN shipment x ON x.source_import_run_id = " +
                    run + " AND x.source_line = s.line_no WHERE s.item_line_no IS NOT NULL",
        now;
  }
  if (applied > 0) {
    linkWaitingEventsOfImport(session_, runId_);
    addImportedShipmentsToRollups(session_, runId_);
  }
  session_ << dropStaging(store::sessionDialect(session_), "import_staging"), now;
  return applied;
}

}  // namespace logistics
