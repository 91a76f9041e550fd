#include "crm/sales_ledger.h"

#include "crm/calendar.h"
#include "crm/contact_keys.h"
#include "crm/unit_movements.h"
#include "csv/utf8.h"
#include "store/bulk_inserter.h"
#include "store/dialect.h"
#include "store/timestamp.h"

#include <Poco/Nullable.h>

#include <cctype>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

bool validDay(const std::string& day) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (day[i] < '0' || day[i] > '9') return false;
  }
  const auto digits = [&day](std::size_t at, std::size_t n) {
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i) value = value * 10 + (day[i] - '0');
    return value;
  };
  const int year = digits(0, 4), month = digits(5, 2), dayOfMonth = digits(8, 2);
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

std::int64_t count(Poco::Data::Session& session, const std::string& sql) {
  std::int64_t n = 0;
  session << sql, into(n), now;
  return n;
}

// What the lookup staging table holds in each row, by its `kind`.
enum LookupKind : std::int64_t { kSourceKey = 0, kStoreCode = 1, kSku = 2, kCustomerKeys = 3 };

using CustomerKeys = std::tuple<std::string, std::string, std::string>;  // loyalty id, e-mail key, phone key

// The keys a sale's customer is matched by; all empty when it names none.
CustomerKeys customerKeys(const CustomerCandidate& customer) {
  CustomerKeys keys;
  if (customer.loyaltyId) std::get<0>(keys) = *customer.loyaltyId;
  if (customer.email) std::get<1>(keys) = emailKey(*customer.email).value_or("");
  if (customer.phone) std::get<2>(keys) = phoneKey(*customer.phone).value_or("");
  return keys;
}

bool namesNoOne(const CustomerKeys& keys) {
  return std::get<0>(keys).empty() && std::get<1>(keys).empty() && std::get<2>(keys).empty();
}

// Distinct values in first-seen order, each with its position.
class Distinct {
 public:
  std::size_t add(std::string_view value) {
    const auto [at, added] = index_.try_emplace(value, values_.size());
    if (added) values_.push_back(value);
    return at->second;
  }
  std::optional<std::size_t> find(std::string_view value) const {
    const auto at = index_.find(value);
    if (at == index_.end()) return std::nullopt;
    return at->second;
  }
  const std::vector<std::string_view>& values() const { return values_; }

 private:
  std::unordered_map<std::string_view, std::size_t> index_;
  std::vector<std::string_view> values_;
};

constexpr std::int32_t kNone = -1;

// The keys of CustomerRegistry::identify by rank: a higher-ranked key decides first.
enum KeyRank : std::int8_t { kLoyalty = 0, kEmail = 1, kPhone = 2, kUnmatched = 3 };

}  // namespace

// What the batch's names stand for in the database.
struct SalesLedger::Names {
  std::vector<char> known;                 // per candidate: its source key is recorded already
  Distinct stores, skus;
  std::vector<std::optional<std::int64_t>> dealerIds;       // per distinct store code
  std::vector<std::optional<std::int64_t>> productIds, warrantyMonths;  // per distinct SKU
  std::vector<CustomerKeys> customers;                      // distinct customer keys
  std::vector<std::optional<std::int64_t>> knownIds;        // the recorded party each names
  std::vector<std::int8_t> knownRank;      // which key found it: kLoyalty, kEmail, kPhone
  std::vector<std::int32_t> customerOf;    // per sale: index into customers, or kNone
  // Per sale: its customer's party once resolved. Per sale rather than per distinct keys, since
  // one set of keys may name a recorded party before a new customer of the batch takes its
  // loyalty id, and that customer after (CustomerRegistry::identify, applied in batch order).
  std::vector<std::optional<std::int64_t>> saleCustomer;

  std::optional<std::int64_t> dealerOf(const Sale& sale) const {
    if (!sale.storeCode || sale.storeCode->empty()) return std::nullopt;
    return dealerIds[*stores.find(*sale.storeCode)];
  }
  std::optional<std::size_t> skuOf(const SaleLine& line) const { return skus.find(*line.sku); }
};

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
    const auto where = [i] { return "line " + std::to_string(i + 1) + ": "; };
    if (!std::isfinite(line.quantity) || line.quantity == 0) return where() + "quantity is zero or not a number";
    if (!line.sku || line.sku->empty()) return where() + "no item (SKU)";
    if (line.serialNumber && !line.serialNumber->empty() && std::fabs(line.quantity) != 1) {
      return where() + "serial number " + *line.serialNumber + " on a line of " + std::to_string(line.quantity) +
             " units (a serial names one unit)";
    }
  }
  // Text the database cannot store refuses this sale alone, here, rather than the whole batch
  // at the write (PostgreSQL refuses invalid UTF-8 and NUL; SQLite would keep them).
  const auto unstorable = [](const std::optional<std::string>& text) { return text && !csv::isValidUtf8Text(*text); };
  const CustomerCandidate& c = sale.customer;
  if (unstorable(sale.sourceKey) || unstorable(sale.storeCode) || unstorable(sale.workstation) ||
      unstorable(sale.operatorId) || unstorable(c.loyaltyId) || unstorable(c.email) || unstorable(c.phone) ||
      unstorable(c.name) || unstorable(c.city) || unstorable(c.postalCode) || unstorable(c.region) ||
      unstorable(c.country)) {
    return "text of the transaction or its customer is not UTF-8 (or holds a NUL byte)";
  }
  for (std::size_t i = 0; i < sale.lines.size(); ++i) {
    const SaleLine& line = sale.lines[i];
    if (unstorable(line.sku) || unstorable(line.description) || unstorable(line.serialNumber) ||
        unstorable(line.returnReason) || unstorable(line.disposalMethod)) {
      return "line " + std::to_string(i + 1) + ": text is not UTF-8 (or holds a NUL byte)";
    }
  }
  return std::nullopt;
}

SalesLedger::SalesLedger(store::Transaction& transaction)
    : transaction_(transaction),
      session_(transaction.session()),
      sqlite_(store::sessionDialect(transaction.session()) == store::Dialect::sqlite) {}

void SalesLedger::prepareStaging() {
  // Temporary tables: private to the session, no index to maintain while staging, gone with
  // the connection. Kept between batches and emptied, so a batch costs no DDL.
  session_ << "CREATE TEMPORARY TABLE IF NOT EXISTS pos_stage_lookup (kind INTEGER NOT NULL, seq BIGINT NOT NULL, "
              "v1 TEXT, v2 TEXT, v3 TEXT)",
      now;
  session_ << "CREATE TEMPORARY TABLE IF NOT EXISTS pos_stage_unit (product_id BIGINT, sku TEXT NOT NULL, "
              "serial_number TEXT NOT NULL, customer_id BIGINT, dealer_id BIGINT, sale_id BIGINT, sold_on TEXT, "
              "warranty_end TEXT, status TEXT NOT NULL, sold INTEGER NOT NULL)",
      now;
  const char* empty = sqlite_ ? "DELETE FROM " : "TRUNCATE ";
  session_ << std::string(empty) + "pos_stage_lookup", now;
  session_ << std::string(empty) + "pos_stage_unit", now;
}

LedgerResult SalesLedger::record(std::span<const Sale> sales, std::optional<std::int64_t> importRunId) {
  LedgerResult result;
  std::vector<std::size_t> candidates;
  candidates.reserve(sales.size());
  {
    std::unordered_set<std::string_view> keys;
    keys.reserve(sales.size());
    for (std::size_t i = 0; i < sales.size(); ++i) {
      if (auto problem = checkSale(sales[i])) {
        result.refused.push_back({i, std::move(*problem)});
      } else if (!keys.insert(sales[i].sourceKey).second) {
        ++result.alreadyKnown;  // the first of a key repeated within the batch wins, as across batches
      } else {
        candidates.push_back(i);
      }
    }
  }
  if (candidates.empty()) return result;

  prepareStaging();
  Names names = lookUp(sales, candidates);
  std::vector<std::size_t> recorded;
  recorded.reserve(candidates.size());
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    if (names.known[c]) {
      ++result.alreadyKnown;
    } else {
      recorded.push_back(candidates[c]);
    }
  }
  result.recorded = recorded.size();
  if (recorded.empty()) return result;
  createCustomers(sales, recorded, names, result);

  const std::vector<std::int64_t> saleIds = allocateSaleIds(recorded.size());
  const store::Value run = importRunId ? store::Value(*importRunId) : store::Value();
  const store::Value stamp = store::currentTimestamp();
  // All sales before any line: PostgreSQL checks each line's sale when its chunk is written.
  // (Each inserter in its own scope: on PostgreSQL its buffers are freed before the next fills.)
  {
    store::BulkInserter saleRows(session_, "sale",
                                 {"sale_id", "source_key", "source_format", "kind", "dealer_id", "store_code",
                                  "workstation", "operator", "business_day", "occurred_at", "customer_id", "loyalty_id",
                                  "currency", "total_cents", "import_run_id", "created_at"});
    for (std::size_t r = 0; r < recorded.size(); ++r) {
      const Sale& sale = sales[recorded[r]];
      saleRows.add({saleIds[r], sale.sourceKey, sale.sourceFormat, sale.kind, number(names.dealerOf(sale)),
                    text(sale.storeCode), text(sale.workstation), text(sale.operatorId), sale.businessDay,
                    sale.occurredAt, number(names.saleCustomer[recorded[r]]), text(sale.customer.loyaltyId),
                    sale.currency, sale.totalCents, run, stamp});
    }
    saleRows.flush();
  }
  store::BulkInserter lineRows(session_, "sale_line",
                               {"sale_id", "line_no", "product_id", "sku", "description", "quantity",
                                "unit_price_cents", "amount_cents", "cost_cents", "serial_number", "return_reason",
                                "disposal_method"});
  for (std::size_t r = 0; r < recorded.size(); ++r) {
    const Sale& sale = sales[recorded[r]];
    for (std::size_t l = 0; l < sale.lines.size(); ++l) {
      const SaleLine& line = sale.lines[l];
      lineRows.add({saleIds[r], static_cast<std::int64_t>(l + 1), number(names.productIds[*names.skuOf(line)]),
                    text(line.sku), text(line.description), line.quantity, number(line.unitPriceCents),
                    line.amountCents, number(line.costCents), text(line.serialNumber), text(line.returnReason),
                    text(line.disposalMethod)});
    }
  }
  lineRows.flush();
  keepInstalledBase(sales, recorded, saleIds, names, result);
  return result;
}

SalesLedger::Names SalesLedger::lookUp(std::span<const Sale> sales, std::span<const std::size_t> candidates) {
  Names names;
  names.customerOf.assign(sales.size(), kNone);
  std::map<CustomerKeys, std::size_t> customerIndex;
  {
    store::BulkInserter lookup(session_, "pos_stage_lookup", {"kind", "seq", "v1", "v2", "v3"});
    const store::Value none;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      const Sale& sale = sales[candidates[c]];
      lookup.add({std::int64_t(kSourceKey), static_cast<std::int64_t>(c), sale.sourceKey, none, none});
      if (sale.storeCode && !sale.storeCode->empty()) {
        const std::size_t before = names.stores.values().size();
        const std::size_t at = names.stores.add(*sale.storeCode);
        if (at == before) lookup.add({std::int64_t(kStoreCode), static_cast<std::int64_t>(at), *sale.storeCode, none, none});
      }
      for (const SaleLine& line : sale.lines) {
        const std::size_t before = names.skus.values().size();
        const std::size_t at = names.skus.add(*line.sku);
        if (at == before) lookup.add({std::int64_t(kSku), static_cast<std::int64_t>(at), *line.sku, none, none});
      }
      const CustomerCandidate& customer = sale.customer;
      if (!customer.loyaltyId && !customer.email && !customer.phone) continue;
      CustomerKeys keys = customerKeys(customer);
      if (namesNoOne(keys)) continue;
      const auto [at, added] = customerIndex.try_emplace(keys, names.customers.size());
      if (added) {
        const auto value = [](const std::string& key) { return key.empty() ? store::Value() : store::Value(key); };
        lookup.add({std::int64_t(kCustomerKeys), static_cast<std::int64_t>(at->second), value(std::get<0>(keys)),
                    value(std::get<1>(keys)), value(std::get<2>(keys))});
        names.customers.push_back(std::move(keys));
      }
      names.customerOf[candidates[c]] = static_cast<std::int32_t>(at->second);
    }
    lookup.flush();
  }
  if (!sqlite_) session_ << "ANALYZE pos_stage_lookup", now;

  std::vector<std::int64_t> seq;
  session_ << "SELECT k.seq FROM pos_stage_lookup k WHERE k.kind = 0 AND EXISTS "
              "(SELECT 1 FROM sale s WHERE s.source_key = k.v1)",
      into(seq), now;
  names.known.assign(candidates.size(), 0);
  for (const std::int64_t c : seq) names.known[static_cast<std::size_t>(c)] = 1;

  std::vector<std::int64_t> ids;
  names.dealerIds.assign(names.stores.values().size(), std::nullopt);
  if (!names.dealerIds.empty()) {
    seq.clear();
    session_ << "SELECT k.seq, MIN(i.party_id) FROM pos_stage_lookup k JOIN party_identifier i "
                "ON i.scheme = 'pos-store' AND i.value = k.v1 WHERE k.kind = 1 GROUP BY k.seq",
        into(seq), into(ids), now;
    for (std::size_t i = 0; i < seq.size(); ++i) names.dealerIds[static_cast<std::size_t>(seq[i])] = ids[i];
  }

  names.productIds.assign(names.skus.values().size(), std::nullopt);
  names.warrantyMonths.assign(names.skus.values().size(), std::nullopt);
  seq.clear();
  ids.clear();
  std::vector<Poco::Nullable<std::int64_t>> months;
  session_ << "SELECT k.seq, p.product_id, p.warranty_months FROM pos_stage_lookup k JOIN product p ON p.sku = k.v1 "
              "WHERE k.kind = 2",
      into(seq), into(ids), into(months), now;
  for (std::size_t i = 0; i < seq.size(); ++i) {
    const auto s = static_cast<std::size_t>(seq[i]);
    names.productIds[s] = ids[i];
    if (!months[i].isNull()) names.warrantyMonths[s] = months[i].value();
  }

  // CustomerRegistry::identify, set-based: loyalty id, then the lowest party with the e-mail
  // key, then the lowest with the phone key; with the rank of the key that found it.
  names.knownIds.assign(names.customers.size(), std::nullopt);
  names.knownRank.assign(names.customers.size(), kUnmatched);
  if (!names.customers.empty()) {
    seq.clear();
    std::vector<Poco::Nullable<std::int64_t>> found;
    std::vector<std::int64_t> rank;
    session_ << "SELECT seq, COALESCE(l, e, p), CASE WHEN l IS NOT NULL THEN 0 WHEN e IS NOT NULL THEN 1 "
                "WHEN p IS NOT NULL THEN 2 ELSE 3 END FROM (SELECT k.seq AS seq, "
                "(SELECT MIN(i.party_id) FROM party_identifier i WHERE i.scheme = 'loyalty' AND i.value = k.v1) AS l, "
                "(SELECT MIN(c.party_id) FROM customer_profile c WHERE c.email_key = k.v2) AS e, "
                "(SELECT MIN(c.party_id) FROM customer_profile c WHERE c.phone_key = k.v3) AS p "
                "FROM pos_stage_lookup k WHERE k.kind = 3) found",
        into(seq), into(found), into(rank), now;
    for (std::size_t i = 0; i < seq.size(); ++i) {
      if (found[i].isNull()) continue;
      const auto at = static_cast<std::size_t>(seq[i]);
      names.knownIds[at] = found[i].value();
      names.knownRank[at] = static_cast<std::int8_t>(rank[i]);
    }
  }
  return names;
}

void SalesLedger::createCustomers(std::span<const Sale> sales, std::span<const std::size_t> recorded, Names& names,
                                  LedgerResult& result) {
  // Each sale's customer as CustomerRegistry::identify would find it if the batch's sales were
  // recorded one by one: by loyalty id, then the lowest party with the e-mail key, then with the
  // phone key. A customer created earlier in the batch is such a party too, only younger than
  // every recorded one: it wins by loyalty id over a recorded party found by e-mail or phone,
  // and by e-mail over one found by phone. Customers nobody matches are created together.
  std::unordered_map<std::string_view, std::size_t> byLoyalty, byEmail, byPhone;  // key -> new customer
  std::vector<const CustomerCandidate*> fresh;
  std::vector<std::size_t> freshSales, freshOf;  // sales given a new customer, and its index in fresh
  names.saleCustomer.assign(sales.size(), std::nullopt);
  const auto found = [](const auto& index, const std::string& key) -> std::optional<std::size_t> {
    if (key.empty()) return std::nullopt;
    const auto hit = index.find(key);
    return hit == index.end() ? std::nullopt : std::optional<std::size_t>(hit->second);
  };
  for (const std::size_t s : recorded) {
    const std::int32_t c = names.customerOf[s];
    if (c == kNone) continue;
    const auto at = static_cast<std::size_t>(c);
    const std::int8_t rank = names.knownRank[at];
    const auto& [loyalty, email, phone] = names.customers[at];
    std::optional<std::size_t> match;
    if (rank > kLoyalty) match = found(byLoyalty, loyalty);
    if (!match && rank > kEmail) match = found(byEmail, email);
    if (!match && rank > kPhone) match = found(byPhone, phone);
    if (!match && rank != kUnmatched) {
      names.saleCustomer[s] = names.knownIds[at];
      continue;
    }
    if (!match) {
      match = fresh.size();
      fresh.push_back(&sales[s].customer);
      if (!loyalty.empty()) byLoyalty.emplace(loyalty, *match);
      // The first new customer with a key is the lowest party holding it.
      if (!email.empty()) byEmail.emplace(email, *match);
      if (!phone.empty()) byPhone.emplace(phone, *match);
    }
    freshSales.push_back(s);
    freshOf.push_back(*match);
  }
  if (fresh.empty()) return;
  const std::vector<std::int64_t> ids = CustomerRegistry(session_).createAll(transaction_, fresh);
  result.customersCreated += fresh.size();
  for (std::size_t i = 0; i < freshSales.size(); ++i) names.saleCustomer[freshSales[i]] = ids[freshOf[i]];
}

std::vector<std::int64_t> SalesLedger::allocateSaleIds(std::size_t count) {
  std::vector<std::int64_t> ids;
  if (sqlite_) {
    // The transaction holds SQLite's write lock (BEGIN IMMEDIATE): no one else can take these.
    const std::int64_t last = ::crm::count(session_, "SELECT COALESCE(MAX(sale_id), 0) FROM sale");
    ids.resize(count);
    for (std::size_t i = 0; i < count; ++i) ids[i] = last + 1 + static_cast<std::int64_t>(i);
  } else {
    session_ << "SELECT nextval(pg_get_serial_sequence('sale', 'sale_id')) FROM generate_series(1, " +
                    std::to_string(count) + ") ORDER BY 1",
        into(ids), now;
  }
  return ids;
}

void SalesLedger::keepInstalledBase(std::span<const Sale> sales, std::span<const std::size_t> recorded,
                                    std::span<const std::int64_t> saleIds, const Names& names, LedgerResult& result) {
  const std::vector<UnitMovement> movements = unitMovements(sales, recorded);
  if (movements.empty()) return;
  std::unordered_map<std::size_t, std::int64_t> idOfSale;
  for (std::size_t r = 0; r < recorded.size(); ++r) idOfSale.emplace(recorded[r], saleIds[r]);
  std::uint64_t returnedOnly = 0;
  {
    store::BulkInserter units(session_, "pos_stage_unit",
                              {"product_id", "sku", "serial_number", "customer_id", "dealer_id", "sale_id", "sold_on",
                               "warranty_end", "status", "sold"});
    const store::Value none;
    for (const UnitMovement& unit : movements) {
      if (!unit.sold) {
        units.add({none, std::string(unit.sku), std::string(unit.serial), none, none, none, none, none,
                   std::string("returned"), std::int64_t(0)});
        ++returnedOnly;
        continue;
      }
      const Sale& sale = sales[unit.sale];
      const std::size_t sku = *names.skuOf(sale.lines[unit.line]);
      store::Value warrantyEnd;
      if (names.warrantyMonths[sku]) warrantyEnd = addMonths(sale.businessDay, static_cast<int>(*names.warrantyMonths[sku]));
      units.add({number(names.productIds[sku]), std::string(unit.sku), std::string(unit.serial),
                 number(names.saleCustomer[unit.sale]), number(names.dealerOf(sale)), idOfSale.at(unit.sale),
                 sale.businessDay, warrantyEnd,
                 std::string(unit.returned ? "returned" : "installed"), std::int64_t(1)});
      ++result.unitsInstalled;
      if (unit.returned) ++result.unitsReturned;
    }
    units.flush();
  }
  // A unit sold again (after a return) is taken over by the new sale; each unit is one staged
  // row, so no row is touched twice by one statement.
  if (result.unitsInstalled > 0) {
    session_ << "INSERT INTO installed_unit (product_id, sku, serial_number, customer_id, dealer_id, sale_id, sold_on, "
                "warranty_end, status) SELECT product_id, sku, serial_number, customer_id, dealer_id, sale_id, sold_on, "
                "warranty_end, status FROM pos_stage_unit WHERE sold = 1 "
                "ON CONFLICT (sku, serial_number) DO UPDATE SET product_id = excluded.product_id, "
                "customer_id = excluded.customer_id, dealer_id = excluded.dealer_id, sale_id = excluded.sale_id, "
                "sold_on = excluded.sold_on, warranty_end = excluded.warranty_end, status = excluded.status",
        now;
  }
  // Units only returned in this batch: found by (SKU, serial), never by scanning the base.
  if (returnedOnly > 0) {
    const std::string returned =
        "SELECT i.unit_id FROM pos_stage_unit u JOIN installed_unit i ON i.sku = u.sku AND "
        "i.serial_number = u.serial_number WHERE u.sold = 0 AND i.status = 'installed'";
    const auto n = static_cast<std::uint64_t>(::crm::count(session_, "SELECT COUNT(*) FROM (" + returned + ") r"));
    if (n > 0) session_ << "UPDATE installed_unit SET status = 'returned' WHERE unit_id IN (" + returned + ")", now;
    result.unitsReturned += n;
  }
}

}  // namespace crm
