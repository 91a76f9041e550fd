#include "tests/crm/crm_fixture.h"

#include "store/timestamp.h"

#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm_test {

CrmFixture::CrmFixture() : session(test.migrated().session()) {}

std::int64_t CrmFixture::customer(const std::string& code, const std::optional<std::string>& tier,
                                  const std::string& region) {
  const std::string stamp = store::currentTimestamp();
  std::int64_t id = 0;
  session << "INSERT INTO party (party_code, name, kind, region, created_at, updated_at) "
             "VALUES (?, ?, 'person', ?, ?, ?) RETURNING party_id",
      bind(code), bind("Customer " + code), bind(region), bind(stamp), bind(stamp), into(id), now;
  session << "INSERT INTO party_role (party_id, role) VALUES (?, 'customer')", bind(id), now;
  if (tier) {
    session << "INSERT INTO customer_profile (party_id, tier, created_at) VALUES (?, ?, ?)", bind(id), bind(*tier),
        bind(stamp), now;
  }
  return id;
}

std::int64_t CrmFixture::dealer(const std::string& code) {
  const std::string stamp = store::currentTimestamp();
  std::int64_t id = 0;
  session << "INSERT INTO party (party_code, name, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING party_id",
      bind(code), bind("Dealer " + code), bind(stamp), bind(stamp), into(id), now;
  session << "INSERT INTO party_role (party_id, role) VALUES (?, 'dealer')", bind(id), now;
  return id;
}

std::int64_t CrmFixture::sale(std::int64_t customerId, const std::string& day, const std::vector<Line>& lines,
                              const std::string& kind) {
  std::int64_t total = 0;
  for (const Line& line : lines) total += line.amountCents;
  std::int64_t id = 0;
  session << "INSERT INTO sale (source_key, source_format, kind, business_day, occurred_at, customer_id, total_cents, "
             "created_at) VALUES (?, 'csv', ?, ?, ?, ?, ?, ?) RETURNING sale_id",
      bind("test-" + std::to_string(++sales_)), bind(kind), bind(day), bind(day + "T12:00:00.000Z"), bind(customerId),
      bind(total), bind(store::currentTimestamp()), into(id), now;
  int lineNo = 0;
  for (const Line& line : lines) {
    Poco::Nullable<std::int64_t> cost;
    if (line.costCents) cost = *line.costCents;
    session << "INSERT INTO sale_line (sale_id, line_no, quantity, amount_cents, cost_cents) VALUES (?, ?, ?, ?, ?)",
        bind(id), bind(++lineNo), bind(line.quantity), bind(line.amountCents), bind(cost), now;
  }
  return id;
}

void CrmFixture::unit(std::int64_t customerId, const std::string& serial, const std::string& soldOn,
                      const std::optional<std::string>& warrantyEnd, const std::string& status) {
  Poco::Nullable<std::string> end;
  if (warrantyEnd) end = *warrantyEnd;
  session << "INSERT INTO installed_unit (sku, serial_number, customer_id, sold_on, warranty_end, status) "
             "VALUES ('WM-800', ?, ?, ?, ?, ?)",
      bind(serial), bind(customerId), bind(soldOn), bind(end), bind(status), now;
}

std::vector<std::string> CrmFixture::profileState() {
  std::vector<std::int64_t> party;
  std::vector<Poco::Nullable<std::int64_t>> mergedInto;
  std::vector<Poco::Nullable<std::string>> mergedAt;
  session << "SELECT party_id, merged_into, merged_at FROM customer_profile ORDER BY party_id", into(party),
      into(mergedInto), into(mergedAt), now;
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < party.size(); ++i) {
    lines.push_back(std::to_string(party[i]) + " -> " +
                    (mergedInto[i].isNull() ? "-" : std::to_string(mergedInto[i].value())) + " at " +
                    (mergedAt[i].isNull() ? "-" : mergedAt[i].value()));
  }
  return lines;
}

}  // namespace crm_test
