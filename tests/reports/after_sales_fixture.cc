#include "tests/reports/after_sales_fixture.h"

#include "crm/case_book.h"
#include "crm/customer_registry.h"
#include "crm/party_directory.h"
#include "crm/product_catalog.h"
#include "crm/sales_ledger.h"
#include "crm/survey_book.h"
#include "logistics/disposal_book.h"
#include "logistics/return_book.h"
#include "store/transaction.h"

#include <boost/test/unit_test.hpp>

namespace reports_test {
namespace {

std::int64_t party(crm::PartyDirectory& parties, const std::string& code, std::vector<crm::PartyRole> roles) {
  crm::Party p;
  p.code = code;
  p.name = code + " GmbH";
  p.roles = std::move(roles);
  return parties.add(p);
}

crm::SaleLine line(const std::string& sku, double quantity, std::int64_t amount, std::int64_t cost) {
  crm::SaleLine l;
  l.sku = sku;
  l.quantity = quantity;
  l.amountCents = amount;
  l.costCents = cost;
  return l;
}

crm::Sale sale(const std::string& key, const std::string& loyalty, const std::string& day,
               std::vector<crm::SaleLine> lines, const std::string& kind = "sale") {
  crm::Sale s;
  s.sourceKey = key;
  s.sourceFormat = "csv";
  s.kind = kind;
  s.businessDay = day;
  s.occurredAt = day + "T12:00:00.000Z";
  s.customer.loyaltyId = loyalty;
  for (const crm::SaleLine& l : lines) s.totalCents += l.amountCents;
  s.lines = std::move(lines);
  return s;
}

struct Step {
  logistics::RmaStatus to;
  std::string at;
  std::optional<logistics::Disposition> disposition = std::nullopt;
};

void rma(Poco::Data::Session& session, const std::string& number, const std::string& requestedAt,
         std::optional<std::string> reasonCode, std::optional<std::string> reason,
         const std::vector<std::pair<std::int64_t, double>>& lines, const std::vector<Step>& steps,
         std::map<std::string, std::int64_t>& ids) {
  logistics::ReturnAuthorization r;
  r.rmaNumber = number;
  r.requestedAt = requestedAt;
  r.reasonCode = std::move(reasonCode);
  r.reason = std::move(reason);
  int lineNo = 0;
  for (const auto& [product, quantity] : lines) {
    logistics::RmaLine l;
    l.lineNo = ++lineNo;
    l.productId = product;
    l.quantity = quantity;
    r.lines.push_back(l);
  }
  store::Transaction transaction(session);
  logistics::ReturnBook book(session);
  const auto opened = book.open(transaction, r);
  BOOST_REQUIRE_MESSAGE(opened.ok(), number << ": " << opened.describe());
  for (const Step& step : steps) {
    const auto advanced = book.advance(transaction, opened.value(), step.to, step.at, step.disposition);
    BOOST_REQUIRE_MESSAGE(advanced.ok(), number << " " << step.at << ": " << advanced.describe());
  }
  transaction.commit();
  ids[number] = opened.value();
}

}  // namespace

// Sales (quantity, amount / cost in cents):
//   L1 2026-07-05 MAKER 10, 100000 / 60000; counter return 2026-09-10 MAKER -1, -10000 / -6000
//   L2 2026-08-10 MAKER 5, 50000 / 40000 and OTHER 4, 8000 / 4000
//   L3 2025-07-10 MAKER 1, 10000 / 5000; 2026-09-01 MAKER 5, 20000 / 18000
//   L4 2025-09-01 MAKER 1, 10000 / 5000; 2026-07-20 OTHER 10, 30000 / 10000
//   L5 2025-08-15 MAKER 1, 10000 / 5000 (and nothing since: lost in 2026Q3 after 12 months)
//   L6 2026-07-02 OTHER 1, 5000 / 1000
AfterSalesHistory::AfterSalesHistory() {
  store::Database& database = test.migrated();
  crm::PartyDirectory parties(database);
  using R = crm::PartyRole;
  maker = party(parties, "MAKER", {R::client, R::manufacturer});
  other = party(parties, "OTHER", {R::client, R::manufacturer});
  recycler = party(parties, "RECYCLER", {R::recycler});
  crm::ProductCatalog catalog(database);
  crm::Product product;
  product.sku = "P-MAKER";
  product.name = "Maker's washer";
  product.manufacturerId = maker;
  const std::int64_t makerProduct = catalog.add(product);
  product.sku = "P-OTHER";
  product.name = "Other's dryer";
  product.manufacturerId = other;
  const std::int64_t otherProduct = catalog.add(product);

  Poco::Data::Session session = database.session();
  {
    store::Transaction transaction(session);
    crm::CustomerRegistry registry(session);
    for (const char* loyalty : {"L1", "L2", "L3", "L4", "L5", "L6"}) {
      crm::CustomerCandidate candidate;
      candidate.loyaltyId = loyalty;
      candidate.name = std::string("Customer ") + loyalty;
      code[loyalty] = "CUST-" + std::to_string(registry.create(transaction, candidate));
    }
    const std::vector<crm::Sale> sales = {
        sale("S1", "L1", "2026-07-05", {line("P-MAKER", 10, 100000, 60000)}),
        sale("S1R", "L1", "2026-09-10", {line("P-MAKER", -1, -10000, -6000)}, "return"),
        sale("S2", "L2", "2026-08-10", {line("P-MAKER", 5, 50000, 40000), line("P-OTHER", 4, 8000, 4000)}),
        sale("S3A", "L3", "2025-07-10", {line("P-MAKER", 1, 10000, 5000)}),
        sale("S3B", "L3", "2026-09-01", {line("P-MAKER", 5, 20000, 18000)}),
        sale("S4A", "L4", "2025-09-01", {line("P-MAKER", 1, 10000, 5000)}),
        sale("S4B", "L4", "2026-07-20", {line("P-OTHER", 10, 30000, 10000)}),
        sale("S5", "L5", "2025-08-15", {line("P-MAKER", 1, 10000, 5000)}),
        sale("S6", "L6", "2026-07-02", {line("P-OTHER", 1, 5000, 1000)}),
    };
    crm::SalesLedger ledger(transaction);
    const crm::LedgerResult recorded = ledger.record(sales);
    BOOST_REQUIRE(recorded.refused.empty());
    BOOST_REQUIRE(recorded.recorded == sales.size());
    transaction.commit();
  }

  // RMAs (lines: product x units), requested -> received -> decided:
  //   R1 2026-07-10 DEF  MAKER x2            received 07-15 08:00, recycle 07-17 08:00 (48 h)
  //   R2 2026-08-01 DEF  MAKER x1, OTHER x3  received 08-05 00:00, refurbish 08-06 12:00 (36 h)
  //   R3 2026-09-20 WRONG OTHER x1           received 09-22 00:00, restock 09-23 00:00 (24 h)
  //   R4 2026-06-25 DEF  MAKER x4            received 06-30 00:00, repair 07-02 00:00 (48 h)
  //   R5 2026-09-28 (no reason) MAKER x1     not received yet
  using S = logistics::RmaStatus;
  using D = logistics::Disposition;
  std::map<std::string, std::int64_t> rmas;
  rma(session, "R1", "2026-07-10T08:00:00.000Z", "DEF", "Defective", {{makerProduct, 2}},
      {{S::authorized, "2026-07-11T08:00:00.000Z"}, {S::received, "2026-07-15T08:00:00.000Z"},
       {S::inspected, "2026-07-16T08:00:00.000Z"}, {S::disposition_decided, "2026-07-17T08:00:00.000Z", D::recycle}},
      rmas);
  rma(session, "R2", "2026-08-01T00:00:00.000Z", "DEF", "Defective", {{makerProduct, 1}, {otherProduct, 3}},
      {{S::authorized, "2026-08-02T00:00:00.000Z"}, {S::received, "2026-08-05T00:00:00.000Z"},
       {S::inspected, "2026-08-05T12:00:00.000Z"}, {S::disposition_decided, "2026-08-06T12:00:00.000Z", D::refurbish},
       {S::closed, "2026-08-07T00:00:00.000Z"}},
      rmas);
  rma(session, "R3", "2026-09-20T00:00:00.000Z", "WRONG", "Wrong item", {{otherProduct, 1}},
      {{S::authorized, "2026-09-21T00:00:00.000Z"}, {S::received, "2026-09-22T00:00:00.000Z"},
       {S::inspected, "2026-09-22T06:00:00.000Z"}, {S::disposition_decided, "2026-09-23T00:00:00.000Z", D::restock}},
      rmas);
  rma(session, "R4", "2026-06-25T00:00:00.000Z", "DEF", "Defective", {{makerProduct, 4}},
      {{S::authorized, "2026-06-26T00:00:00.000Z"}, {S::received, "2026-06-30T00:00:00.000Z"},
       {S::inspected, "2026-07-01T00:00:00.000Z"}, {S::disposition_decided, "2026-07-02T00:00:00.000Z", D::repair}},
      rmas);
  rma(session, "R5", "2026-09-28T00:00:00.000Z", std::nullopt, std::nullopt, {{makerProduct, 1}}, {}, rmas);

  // Disposal records (treated):
  //   D1 R1 R4 120.5 kg measured 2026-07-20     D2 R1 D1 0.25 t estimated 2026-07-21
  //   D3 R3 R5 80 kg measured 2026-09-25        D4 R2 R4 10 units measured 2026-08-10 (no weight)
  //   D5 (no RMA) R3 40 kg estimated 2026-08-01 D6 R1 R4 99 kg measured 2026-10-02 (next quarter)
  {
    store::Transaction transaction(session);
    logistics::DisposalBook book(session);
    int certificate = 0;
    const auto record = [&](std::optional<std::string> rmaNumber, const std::string& operation, double quantity,
                            logistics::DisposalUnit unit, logistics::QuantityBasis basis, const std::string& treated) {
      logistics::DisposalRecord d;
      d.recyclerId = recycler;
      if (rmaNumber) d.rmaId = rmas.at(*rmaNumber);
      d.ewcCode = "200136";
      d.quantity = quantity;
      d.unit = unit;
      d.basis = basis;
      d.operationCode = operation;
      d.permitNumber = "PERMIT-1";
      d.certificateNumber = "CERT-" + std::to_string(++certificate);
      d.treatedAt = treated;
      const auto recorded = book.record(transaction, d);
      BOOST_REQUIRE_MESSAGE(recorded.ok(), recorded.describe());
    };
    using U = logistics::DisposalUnit;
    using B = logistics::QuantityBasis;
    record("R1", "R4", 120.5, U::kg, B::measured, "2026-07-20T10:00:00.000Z");
    record("R1", "D1", 0.25, U::t, B::estimated, "2026-07-21T10:00:00.000Z");
    record("R3", "R5", 80, U::kg, B::measured, "2026-09-25T10:00:00.000Z");
    record("R2", "R4", 10, U::units, B::measured, "2026-08-10T10:00:00.000Z");
    record(std::nullopt, "R3", 40, U::kg, B::estimated, "2026-08-01T10:00:00.000Z");
    record("R1", "R4", 99, U::kg, B::measured, "2026-10-02T10:00:00.000Z");
    transaction.commit();
  }

  // Service cases (standard tier: inquiry 24 h / 72 h, complaint 24 / 120, maintenance 48 / 240):
  //   K1 L1 complaint 07-01 10:00, response +10 h, resolved +48 h: within SLA
  //   K2 L2 inquiry 08-01 00:00, response +30 h (late), resolved +48 h: outside SLA
  //   K3 L4 complaint 09-30 12:00, nothing by the quarter's end, response not due yet: running
  //   K4 L3 inquiry 2026-06-30 (last quarter)
  //   K5 L6 maintenance 08-15 00:00, resolved +24 h without a response: within SLA (L6 buys OTHER only)
  {
    store::Transaction transaction(session);
    crm::CaseBook cases(session);
    const auto open = [&](const std::string& loyalty, crm::CaseKind kind, const std::string& at) {
      const auto opened = cases.open(transaction, {code.at(loyalty), kind, std::nullopt, std::nullopt, at});
      BOOST_REQUIRE_MESSAGE(opened.ok(), opened.describe());
      return opened.value().number;
    };
    const std::string k1 = open("L1", crm::CaseKind::complaint, "2026-07-01T10:00:00.000Z");
    BOOST_REQUIRE(cases.respond(transaction, k1, "2026-07-01T20:00:00.000Z").ok());
    BOOST_REQUIRE(cases.resolve(transaction, k1, "2026-07-03T10:00:00.000Z", "replaced the pump").ok());
    const std::string k2 = open("L2", crm::CaseKind::inquiry, "2026-08-01T00:00:00.000Z");
    BOOST_REQUIRE(cases.respond(transaction, k2, "2026-08-02T06:00:00.000Z").ok());
    BOOST_REQUIRE(cases.resolve(transaction, k2, "2026-08-03T00:00:00.000Z", "answered").ok());
    open("L4", crm::CaseKind::complaint, "2026-09-30T12:00:00.000Z");
    open("L3", crm::CaseKind::inquiry, "2026-06-30T00:00:00.000Z");
    const std::string k5 = open("L6", crm::CaseKind::maintenance, "2026-08-15T00:00:00.000Z");
    BOOST_REQUIRE(cases.resolve(transaction, k5, "2026-08-16T00:00:00.000Z", "serviced").ok());
    transaction.commit();
  }

  // Surveys: CSAT L1 5, L2 3, L6 4 (and L1 1 in June); NPS L1 10, L2 6, L3 9, L6 9; exit L5 "price".
  {
    store::Transaction transaction(session);
    crm::SurveyBook surveys(session);
    int key = 0;
    const auto answer = [&](const std::string& loyalty, const std::string& survey, const std::string& at,
                            std::optional<int> score, std::optional<std::string> reason = std::nullopt) {
      crm::SurveyResponse r;
      r.sourceKey = "SV-" + std::to_string(++key);
      r.customer = loyalty;
      r.survey = survey;
      r.answeredAt = at;
      r.score = score;
      r.lostReason = std::move(reason);
      const auto recorded = surveys.record(transaction, r);
      BOOST_REQUIRE_MESSAGE(recorded.ok(), recorded.describe());
    };
    answer("L1", "csat", "2026-07-05T09:00:00.000Z", 5);
    answer("L2", "csat", "2026-08-12T09:00:00.000Z", 3);
    answer("L6", "csat", "2026-08-20T09:00:00.000Z", 4);
    answer("L1", "csat", "2026-06-01T09:00:00.000Z", 1);
    answer("L1", "nps", "2026-07-06T09:00:00.000Z", 10);
    answer("L2", "nps", "2026-08-13T09:00:00.000Z", 6);
    answer("L3", "nps", "2026-09-02T09:00:00.000Z", 9);
    answer("L6", "nps", "2026-08-21T09:00:00.000Z", 9);
    answer("L5", "exit", "2026-08-01T09:00:00.000Z", std::nullopt, "price");
    transaction.commit();
  }
}

}  // namespace reports_test
