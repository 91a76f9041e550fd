#include "crm/sales_ledger.h"

#include "crm/contact_keys.h"
#include "store/bulk_inserter.h"
#include "store/dialect.h"
#include "store/timestamp.h"

#include <Poco/Nullable.h>

#include <cctype>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_set>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

bool validDay(const std::string& day) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (day[i] < '0' || day[i] > '9') return false;
  }
  const int year = std::stoi(day.substr(0, 4)), month = std::stoi(day.substr(5, 2)), dayOfMonth = std::stoi(day.substr(8, 2));
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > kDays[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && dayOfMonth == 29 && !leap);
}

store::Value text(const std::optional<std::string>& value) {
  if (!value || value->empty()) return std::monostate();
  return *value;
}

store::Value number(const std::optional<std::int64_t>& value) {
  if (!value) return std::monostate();
  return *value;
}

std::string sqlText(const std::string& value) {
  std::string quoted = "'";
  for (char c : value) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return quoted + "'";
}

// The warranty's last day: the sale day plus the product's months, clamped to the month's end as
// PostgreSQL does (SQLite's date() would roll Jan 31 + 1 month over into March).
std::string warrantyEndSql(bool sqlite) {
  if (!sqlite) {
    return "to_char(CAST(sa.business_day AS date) + make_interval(months => p.warranty_months), 'YYYY-MM-DD')";
  }
  return "CASE WHEN p.warranty_months IS NULL THEN NULL "
         "WHEN strftime('%d', date(sa.business_day, '+' || p.warranty_months || ' months')) <> "
         "strftime('%d', sa.business_day) "
         "THEN date(sa.business_day, '+' || p.warranty_months || ' months', 'start of month', '-1 day') "
         "ELSE date(sa.business_day, '+' || p.warranty_months || ' months') END";
}

constexpr std::int64_t kUnitSold = 1, kUnitReturned = 2;

// Per unit (SKU, serial) sold in the batch, the sale and line that sold it last.
std::map<std::pair<std::string_view, std::string_view>, std::pair<std::size_t, std::size_t>> lastSaleOfEachUnit(
    std::span<const Sale> sales) {
  std::map<std::pair<std::string_view, std::string_view>, std::pair<std::size_t, std::size_t>> last;
  for (std::size_t i = 0; i < sales.size(); ++i) {
    for (std::size_t l = 0; l < sales[i].lines.size(); ++l) {
      const SaleLine& line = sales[i].lines[l];
      if (line.sku && line.serialNumber && !line.serialNumber->empty() && line.quantity > 0) {
        last[{*line.sku, *line.serialNumber}] = {i, l};
      }
    }
  }
  return last;
}

std::int64_t count(Poco::Data::Session& session, const std::string& sql) {
  std::int64_t n = 0;
  session << sql, into(n), now;
  return n;
}

}  // namespace

void LedgerResult::add(const LedgerResult& other) {
  recorded += other.recorded;
  alreadyKnown += other.alreadyKnown;
  customersCreated += other.customersCreated;
  unitsInstalled += other.unitsInstalled;
  unitsReturned += other.unitsReturned;
  refused.insert(refused.end(), other.refused.begin(), other.refused.end());
}

std::optional<std::string> checkSale(const Sale& sale) {
  if (sale.sourceKey.empty()) return "no transaction key";
  if (sale.sourceFormat != "csv" && sale.sourceFormat != "poslog" && sale.sourceFormat != "x12-852" &&
      sale.sourceFormat != "slsrpt") {
    return "unknown source format '" + sale.sourceFormat + "'";
  }
  if (sale.kind != "sale" && sale.kind != "return") return "kind '" + sale.kind + "' is neither sale nor return";
  if (!validDay(sale.businessDay)) return "business day '" + sale.businessDay + "' is not a date (YYYY-MM-DD)";
  if (sale.occurredAt.size() < 10 || !validDay(sale.occurredAt.substr(0, 10))) {
    return "time '" + sale.occurredAt + "' is not an ISO-8601 timestamp";
  }
  if (sale.currency.size() != 3 || !std::isupper(static_cast<unsigned char>(sale.currency[0])) ||
      !std::isupper(static_cast<unsigned char>(sale.currency[1])) ||
      !std::isupper(static_cast<unsigned char>(sale.currency[2]))) {
    return "currency '" + sale.currency + "' is not an ISO 4217 code";
  }
  if (sale.lines.empty()) return "transaction has no item lines";
  for (std::size_t i = 0; i < sale.lines.size(); ++i) {
    const SaleLine& line = sale.lines[i];
    const std::string where = "line " + std::to_string(i + 1) + ": ";
    if (!std::isfinite(line.quantity) || line.quantity == 0) return where + "quantity is zero or not a number";
    if (!line.sku || line.sku->empty()) return where + "no item (SKU)";
    if (line.serialNumber && !line.serialNumber->empty() && std::fabs(line.quantity) != 1) {
      return where + "serial number " + *line.serialNumber + " on a line of " + std::to_string(line.quantity) +
             " units (a serial names one unit)";
    }
  }
  const std::string all = sale.sourceKey + sale.storeCode.value_or("") + sale.customer.name.value_or("");
  if (all.find('\0') != std::string::npos) return "text holds a NUL byte";
  return std::nullopt;
}

SalesLedger::SalesLedger(store::Transaction& transaction)
    : transaction_(transaction),
      session_(transaction.session()),
      sqlite_(store::sessionDialect(transaction.session()) == store::Dialect::sqlite) {}

void SalesLedger::prepareStaging() {
  // Temporary tables: private to the session, no index to maintain while staging, gone with
  // the connection. Kept between batches and emptied, so a batch costs no DDL.
  const std::string key = sqlite_ ? "INTEGER PRIMARY KEY" : "BIGINT PRIMARY KEY";
  session_ << "CREATE TEMPORARY TABLE IF NOT EXISTS pos_stage_sale (seq " + key +
                  ", source_key TEXT NOT NULL, source_format TEXT NOT NULL, kind TEXT NOT NULL, store_code TEXT, "
                  "workstation TEXT, operator TEXT, business_day TEXT NOT NULL, occurred_at TEXT NOT NULL, "
                  "loyalty_id TEXT, email_key TEXT, phone_key TEXT, currency TEXT NOT NULL, total_cents BIGINT NOT NULL, "
                  "customer_id BIGINT, known INTEGER NOT NULL DEFAULT 0)",
      now;
  session_ << "CREATE TEMPORARY TABLE IF NOT EXISTS pos_stage_line (seq BIGINT NOT NULL, line_no INTEGER NOT NULL, "
              "sku TEXT, description TEXT, quantity DOUBLE PRECISION NOT NULL, unit_price_cents BIGINT, "
              "amount_cents BIGINT NOT NULL, cost_cents BIGINT, serial_number TEXT, return_reason TEXT, "
              "disposal_method TEXT, unit_event INTEGER)",
      now;
  session_ << "CREATE TEMPORARY TABLE IF NOT EXISTS pos_stage_customer (seq " + key + ", customer_id BIGINT NOT NULL)",
      now;
  session_ << "DELETE FROM pos_stage_sale", now;
  session_ << "DELETE FROM pos_stage_line", now;
  session_ << "DELETE FROM pos_stage_customer", now;
}

LedgerResult SalesLedger::record(std::span<const Sale> sales, std::optional<std::int64_t> importRunId) {
  LedgerResult result;
  prepareStaging();

  std::uint64_t staged = 0;
  {
    store::BulkInserter saleRows(session_, "pos_stage_sale",
                                 {"seq", "source_key", "source_format", "kind", "store_code", "workstation", "operator",
                                  "business_day", "occurred_at", "loyalty_id", "email_key", "phone_key", "currency",
                                  "total_cents"});
    store::BulkInserter lineRows(session_, "pos_stage_line",
                                 {"seq", "line_no", "sku", "description", "quantity", "unit_price_cents",
                                  "amount_cents", "cost_cents", "serial_number", "return_reason", "disposal_method",
                                  "unit_event"});
    const std::map<std::pair<std::string_view, std::string_view>, std::pair<std::size_t, std::size_t>> lastSold =
        lastSaleOfEachUnit(sales);
    std::unordered_set<std::string_view> keys;
    keys.reserve(sales.size());
    std::vector<store::Value> row;
    for (std::size_t i = 0; i < sales.size(); ++i) {
      const Sale& sale = sales[i];
      if (auto problem = checkSale(sale)) {
        result.refused.push_back({i, std::move(*problem)});
        continue;
      }
      // The first of a key repeated within the batch wins, as it would across batches.
      if (!keys.insert(sale.sourceKey).second) {
        ++result.alreadyKnown;
        continue;
      }
      const CustomerCandidate& customer = sale.customer;
      const std::optional<std::string> email = customer.email ? emailKey(*customer.email) : std::nullopt;
      const std::optional<std::string> phone = customer.phone ? phoneKey(*customer.phone) : std::nullopt;
      const auto seq = static_cast<std::int64_t>(i);
      saleRows.add({seq, sale.sourceKey, sale.sourceFormat, sale.kind, text(sale.storeCode), text(sale.workstation),
                    text(sale.operatorId), sale.businessDay, sale.occurredAt, text(customer.loyaltyId), text(email),
                    text(phone), sale.currency, sale.totalCents});
      for (std::size_t l = 0; l < sale.lines.size(); ++l) {
        const SaleLine& line = sale.lines[l];
        // What the line does to the installed base, decided here so the set-based statements need
        // no self-join: the last sale of a unit in the batch installs it, a return takes it back.
        store::Value unitEvent;
        if (line.serialNumber && !line.serialNumber->empty()) {
          if (line.quantity < 0) {
            unitEvent = std::int64_t(kUnitReturned);
          } else if (lastSold.at({*line.sku, *line.serialNumber}) == std::make_pair(i, l)) {
            unitEvent = std::int64_t(kUnitSold);
          }
        }
        lineRows.add({seq, static_cast<std::int64_t>(l + 1), text(line.sku), text(line.description), line.quantity,
                      number(line.unitPriceCents), line.amountCents, number(line.costCents), text(line.serialNumber),
                      text(line.returnReason), text(line.disposalMethod), unitEvent});
      }
      ++staged;
    }
    saleRows.flush();
    lineRows.flush();
  }
  if (staged == 0) return result;
  if (!sqlite_) session_ << "ANALYZE pos_stage_sale, pos_stage_line", now;

  session_ << "UPDATE pos_stage_sale SET known = 1 WHERE EXISTS "
              "(SELECT 1 FROM sale WHERE sale.source_key = pos_stage_sale.source_key)",
      now;
  result.alreadyKnown += static_cast<std::uint64_t>(count(session_, "SELECT COUNT(*) FROM pos_stage_sale WHERE known = 1"));
  result.recorded = static_cast<std::uint64_t>(count(session_, "SELECT COUNT(*) FROM pos_stage_sale WHERE known = 0"));
  if (result.recorded == 0) return result;

  resolveCustomers(sales, result);

  const std::string run = importRunId ? std::to_string(*importRunId) : "NULL";
  const std::string stamp = sqlText(store::currentTimestamp());
  session_ << "INSERT INTO sale (source_key, source_format, kind, dealer_id, store_code, workstation, operator, "
              "business_day, occurred_at, customer_id, loyalty_id, currency, total_cents, import_run_id, created_at) "
              "SELECT s.source_key, s.source_format, s.kind, "
              "(SELECT MIN(i.party_id) FROM party_identifier i WHERE i.scheme = 'pos-store' AND i.value = s.store_code), "
              "s.store_code, s.workstation, s.operator, s.business_day, s.occurred_at, s.customer_id, s.loyalty_id, "
              "s.currency, s.total_cents, " +
                  run + ", " + stamp + " FROM pos_stage_sale s WHERE s.known = 0 ORDER BY s.seq",
      now;
  session_ << "INSERT INTO sale_line (sale_id, line_no, product_id, sku, description, quantity, unit_price_cents, "
              "amount_cents, cost_cents, serial_number, return_reason, disposal_method) "
              "SELECT sa.sale_id, l.line_no, p.product_id, l.sku, l.description, l.quantity, l.unit_price_cents, "
              "l.amount_cents, l.cost_cents, l.serial_number, l.return_reason, l.disposal_method "
              "FROM pos_stage_line l JOIN pos_stage_sale s ON s.seq = l.seq AND s.known = 0 "
              "JOIN sale sa ON sa.source_key = s.source_key LEFT JOIN product p ON p.sku = l.sku",
      now;

  // The installed base. A unit sold again (after a return) is taken over by the new sale; within
  // a batch the latest sale of a unit wins, so no row is touched twice by one statement.
  const std::string soldUnits =
      "FROM pos_stage_line l JOIN pos_stage_sale s ON s.seq = l.seq AND s.known = 0 "
      "JOIN sale sa ON sa.source_key = s.source_key LEFT JOIN product p ON p.sku = l.sku "
      "WHERE l.unit_event = 1";
  result.unitsInstalled = static_cast<std::uint64_t>(count(session_, "SELECT COUNT(*) " + soldUnits));
  if (result.unitsInstalled > 0) {
    session_ << "INSERT INTO installed_unit (product_id, sku, serial_number, customer_id, dealer_id, sale_id, sold_on, "
                "warranty_end, status) SELECT p.product_id, l.sku, l.serial_number, sa.customer_id, sa.dealer_id, "
                "sa.sale_id, sa.business_day, " +
                    warrantyEndSql(sqlite_) + ", 'installed' " + soldUnits +
                    " ON CONFLICT (sku, serial_number) DO UPDATE SET product_id = excluded.product_id, "
                    "customer_id = excluded.customer_id, dealer_id = excluded.dealer_id, sale_id = excluded.sale_id, "
                    "sold_on = excluded.sold_on, warranty_end = excluded.warranty_end, status = 'installed'",
        now;
  }

  // Returned units: looked up by serial (indexed), never by scanning the installed base.
  const std::string returnedUnits =
      "SELECT i.unit_id FROM pos_stage_line l JOIN pos_stage_sale s ON s.seq = l.seq AND s.known = 0 "
      "JOIN installed_unit i ON i.serial_number = l.serial_number AND i.sku = l.sku "
      "WHERE l.unit_event = 2 AND i.status = 'installed'";
  result.unitsReturned = static_cast<std::uint64_t>(count(session_, "SELECT COUNT(DISTINCT unit_id) FROM (" + returnedUnits + ") r"));
  if (result.unitsReturned > 0) {
    session_ << "UPDATE installed_unit SET status = 'returned' WHERE unit_id IN (" + returnedUnits + ")", now;
  }
  return result;
}

void SalesLedger::resolveCustomers(std::span<const Sale> sales, LedgerResult& result) {
  const std::string withKey =
      "known = 0 AND (loyalty_id IS NOT NULL OR email_key IS NOT NULL OR phone_key IS NOT NULL)";
  // CustomerRegistry::match, set-based: loyalty id, then the lowest party with the e-mail key,
  // then the lowest with the phone key.
  session_ << "UPDATE pos_stage_sale SET customer_id = COALESCE("
              "(SELECT i.party_id FROM party_identifier i WHERE i.scheme = 'loyalty' AND i.value = pos_stage_sale.loyalty_id), "
              "(SELECT MIN(c.party_id) FROM customer_profile c WHERE c.email_key = pos_stage_sale.email_key), "
              "(SELECT MIN(c.party_id) FROM customer_profile c WHERE c.phone_key = pos_stage_sale.phone_key)) WHERE " +
                  withKey,
      now;
  // ... resolved through merges (CustomerRegistry::resolve follows at most 16 hops).
  for (int hop = 0; hop < 16; ++hop) {
    const std::string merged = "SELECT COUNT(*) FROM pos_stage_sale s JOIN customer_profile c ON c.party_id = s.customer_id "
                               "WHERE c.merged_into IS NOT NULL";
    if (count(session_, merged) == 0) break;
    session_ << "UPDATE pos_stage_sale SET customer_id = (SELECT c.merged_into FROM customer_profile c WHERE "
                "c.party_id = pos_stage_sale.customer_id) WHERE customer_id IN (SELECT party_id FROM customer_profile "
                "WHERE merged_into IS NOT NULL)",
        now;
  }

  // Candidates no known customer matches: few, and each new one must be matchable by the next
  // (same loyalty id or e-mail later in the batch), so they go one by one through the registry.
  std::vector<std::int64_t> unmatched;
  session_ << "SELECT seq FROM pos_stage_sale WHERE customer_id IS NULL AND " + withKey + " ORDER BY seq", into(unmatched),
      now;
  if (unmatched.empty()) return;
  CustomerRegistry registry(session_);
  std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> found;
  store::BulkInserter assigned(session_, "pos_stage_customer", {"seq", "customer_id"});
  for (const std::int64_t seq : unmatched) {
    const CustomerCandidate& candidate = sales[static_cast<std::size_t>(seq)].customer;
    const auto key = std::make_tuple(candidate.loyaltyId.value_or(""),
                                     candidate.email ? emailKey(*candidate.email).value_or("") : "",
                                     candidate.phone ? phoneKey(*candidate.phone).value_or("") : "");
    auto known = found.find(key);
    if (known == found.end()) {
      std::optional<std::int64_t> id = registry.match(candidate);
      if (!id) {
        id = registry.create(transaction_, candidate);
        ++result.customersCreated;
      }
      known = found.emplace(key, *id).first;
    }
    assigned.add({seq, known->second});
  }
  assigned.flush();
  session_ << "UPDATE pos_stage_sale SET customer_id = (SELECT a.customer_id FROM pos_stage_customer a WHERE "
              "a.seq = pos_stage_sale.seq) WHERE seq IN (SELECT seq FROM pos_stage_customer)",
      now;
}

}  // namespace crm
