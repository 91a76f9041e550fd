#include "crm/customer_overview.h"

#include "crm/case_book.h"
#include "crm/customer_identity.h"
#include "crm/party_directory.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

std::optional<std::string> optional(const Poco::Nullable<std::string>& value) {
  return value.isNull() ? std::nullopt : std::optional<std::string>(value.value());
}

}  // namespace

Result<CustomerOverview> describeCustomer(Poco::Data::Session& session, const std::string& code,
                                          const std::string& asOfDay) {
  const auto ref = findCustomerRef(session, code);
  if (!ref || (!ref->customer && !ref->dealer)) {
    return Problem{ProblemCode::unknown_customer, "customer", "no customer or dealer has code '" + code + "'"};
  }
  CustomerOverview view;
  view.id = ref->id;
  view.code = ref->code;
  view.name = ref->name;
  view.customer = ref->customer;
  view.dealer = ref->dealer;
  view.mergedInto = ref->mergedIntoCode;

  std::string kind;
  Poco::Nullable<std::string> email, phone, street, city, postalCode, region, country, ageBand, gender, incomeBand, tier;
  session << "SELECT p.kind, p.email, p.phone, p.street, p.city, p.postal_code, p.region, p.country, cp.age_band, "
             "cp.gender, cp.income_band, cp.tier FROM party p LEFT JOIN customer_profile cp ON cp.party_id = p.party_id "
             "WHERE p.party_id = ?",
      bind(view.id), into(kind), into(email), into(phone), into(street), into(city), into(postalCode), into(region),
      into(country), into(ageBand), into(gender), into(incomeBand), into(tier), now;
  view.person = kind == "person";
  view.email = optional(email);
  view.phone = optional(phone);
  view.street = optional(street);
  view.city = optional(city);
  view.postalCode = optional(postalCode);
  view.region = optional(region);
  view.country = optional(country);
  view.ageBand = optional(ageBand);
  view.gender = optional(gender);
  view.incomeBand = optional(incomeBand);
  view.tier = tier.isNull() ? "standard" : tier.value();

  const std::vector<std::int64_t> members = identityMembers(session, view.id);
  const std::string memberList = sqlIdList(members);
  Poco::Data::Statement loyalty(session);
  loyalty << "SELECT value FROM party_identifier WHERE scheme = 'loyalty' AND party_id IN " + memberList +
                 " ORDER BY value",
      into(view.loyaltyIds);
  loyalty.execute();
  session << "SELECT party_code FROM party p JOIN customer_profile cp ON cp.party_id = p.party_id "
             "WHERE cp.merged_into = ? ORDER BY party_code",
      bind(view.id), into(view.mergedFromCodes), now;
  view.merges = CustomerMerges(session).history(view.id);
  view.purchases = PurchaseHistory(session).summary(view.id, {"0000-01-01", "9999-12-31"}, asOfDay);
  if (view.dealer) {
    session << "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(total_cents), 0) AS BIGINT) FROM sale "
               "WHERE dealer_id = ?",
        bind(view.id), into(view.salesAsDealer), into(view.salesAsDealerCents), now;
  }
  view.units = InstalledBase(session).unitsOf(view.id, asOfDay);
  const auto credit = CreditBook(session).standing(view.code);
  if (credit) view.credit = credit.value();
  if (view.customer) {
    CaseFilter filter;
    filter.customerCode = view.code;
    const auto cases = CaseBook(session).list(filter, "");
    if (cases) view.cases = cases.value();
    view.surveys = SurveyBook(session).of(view.id);
  }
  return view;
}

}  // namespace crm
