// afterflow customer list | show | history | merge | unmerge | profile | credit
#include "cli/command.h"
#include "cli/crm_options.h"
#include "crm/calendar.h"
#include "crm/credit_book.h"
#include "crm/customer_identity.h"
#include "crm/customer_merge.h"
#include "crm/customer_overview.h"
#include "crm/customer_profile.h"
#include "crm/purchase_history.h"
#include "store/timestamp.h"
#include "store/transaction.h"

#include <iomanip>
#include <ostream>

namespace cli {
namespace {

using Poco::Util::Option;

template <typename T>
int refused(const CommandContext& context, const std::string& command, const crm::Result<T>& result) {
  for (const auto& problem : result.problems()) context.err << "afterflow " << command << ": " << problem.describe() << "\n";
  return 1;
}

class CustomerList : public Command {
 public:
  std::string name() const override { return "customer list"; }
  std::string summary() const override { return "list customers or dealers, by region, tier or ABC segment"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("role", "", "customer (default) or dealer").argument("ROLE"));
    options.addOption(Option("region", "", "only this region").argument("REGION"));
    options.addOption(Option("tier", "", "only this tier: standard, silver, gold, platinum").argument("TIER"));
    options.addOption(Option("segment", "", "only this ABC class (A, B or C) by margin over the period").argument("CLASS"));
    options.addOption(Option("from", "", "segment period start, included (default: 12 months before --to)").argument("DAY"));
    options.addOption(Option("to", "", "segment period end, excluded (default: today)").argument("DAY"));
    options.addOption(Option("all", "", "include customers merged into others"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "role") filter_.role = value;
    if (name == "region") filter_.region = value;
    if (name == "tier") filter_.tier = value;
    if (name == "segment") {
      if (value != "A" && value != "B" && value != "C") throw UsageError("--segment is A, B or C");
      filter_.abcClass = value[0];
    }
    if (name == "from") from_ = parseDay(name, value);
    if (name == "to") to_ = parseDay(name, value);
    if (name == "all") filter_.includeMerged = true;
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    filter_.abcPeriod = periodOf(from_, to_);
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    const auto rows = crm::CustomerProfiles(session).list(filter_);
    if (!rows) return refused(context, name(), rows);
    for (const auto& row : rows.value()) {
      context.out << std::left << std::setw(16) << row.code << std::setw(32) << row.name << std::setw(10)
                  << row.region.value_or("-") << std::setw(10) << row.tier;
      if (row.abcClass) context.out << *row.abcClass;
      context.out << "\n";
    }
    return 0;
  }

 private:
  crm::CustomerFilter filter_;
  std::optional<std::string> from_, to_;
};

class CustomerShow : public Command {
 public:
  std::string name() const override { return "customer show"; }
  std::string summary() const override { return "show a customer or dealer: profile, purchases, units, credit, cases, surveys"; }
  std::string arguments() const override { return "CODE"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("at", "", "day for recency and warranty status (default: today)").argument("DAY"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "at") day_ = parseDay(name, value);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one customer or dealer code");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    const auto found = crm::describeCustomer(session, arguments.front(), day_.value_or(crm::today()));
    if (!found) return refused(context, name(), found);
    const crm::CustomerOverview& view = found.value();
    std::ostream& out = context.out;
    auto line = [&](const char* label, const std::string& value) {
      out << std::left << std::setw(14) << label << value << "\n";
    };
    auto join = [](const std::vector<std::string>& values) {
      std::string text;
      for (const auto& value : values) text += (text.empty() ? "" : ", ") + value;
      return text.empty() ? std::string("-") : text;
    };
    std::string roles = std::string(view.customer ? "customer" : "") + (view.customer && view.dealer ? ", " : "") +
                        (view.dealer ? "dealer" : "");
    line("customer", view.code + " (" + view.name + ")");
    line("roles", roles);
    if (view.mergedInto) line("merged into", *view.mergedInto);
    line("contact", view.email.value_or("-") + "; " + view.phone.value_or("-"));
    line("address", view.street.value_or("-") + ", " + view.postalCode.value_or("-") + " " + view.city.value_or("-") +
                        ", " + view.country.value_or("-"));
    line("region", view.region.value_or("-"));
    line("profile", "tier " + view.tier + ", age " + view.ageBand.value_or("-") + ", gender " +
                        view.gender.value_or("-") + ", income " + view.incomeBand.value_or("-"));
    line("loyalty ids", join(view.loyaltyIds));
    line("merged from", join(view.mergedFromCodes));
    for (const auto& merge : view.merges) {
      line("merge", merge.absorbedCode + " into " + merge.survivorCode + " at " + merge.mergedAt +
                        (merge.unmergedAt ? ", undone at " + *merge.unmergedAt : std::string()));
    }
    const crm::PurchaseSummary& p = view.purchases;
    line("purchases", std::to_string(p.purchases) + " sales, " + std::to_string(p.returns) + " returns, net " +
                          formatMoney(p.netAmountCents) + ", first " + p.firstPurchaseDay.value_or("-") + ", last " +
                          p.lastPurchaseDay.value_or("-") +
                          (p.recencyDays ? " (" + std::to_string(*p.recencyDays) + " days ago)" : std::string()));
    if (view.dealer) {
      line("as dealer", std::to_string(view.salesAsDealer) + " sales, " + formatMoney(view.salesAsDealerCents));
    }
    line("units", std::to_string(view.units.size()));
    for (const auto& unit : view.units) {
      out << "  " << std::left << std::setw(10) << unit.sku.value_or("-") << std::setw(16) << unit.serialNumber
          << "sold " << unit.soldOn << ", warranty to " << unit.warrantyEnd.value_or("-") << " ("
          << crm::warrantyStatusName(unit.warranty) << "), " << unit.status << "\n";
    }
    if (view.credit) {
      const crm::CreditStanding& c = *view.credit;
      line("credit", "limit " + formatMoney(c.limitCents) + ", exposure " + formatMoney(c.exposureCents) +
                         ", available " + formatMoney(c.availableCents()) + ", rating " + c.rating +
                         (c.overdue ? ", overdue" : "") + (c.atRisk() ? " (at risk)" : ""));
    } else {
      line("credit", "-");
    }
    const std::string now = store::currentTimestamp();
    line("cases", std::to_string(view.cases.size()));
    for (const auto& c : view.cases) {
      out << "  " << std::left << std::setw(10) << c.number << std::setw(16) << crm::caseKindName(c.kind) << "opened "
          << c.openedAt << ", response " << crm::slaStateName(c.firstResponseState(now)) << ", resolution "
          << crm::slaStateName(c.resolutionState(now)) << "\n";
    }
    line("surveys", std::to_string(view.surveys.size()));
    for (const auto& s : view.surveys) {
      out << "  " << std::left << std::setw(6) << s.survey << s.answeredAt << " "
          << (s.score ? "score " + std::to_string(*s.score) : "reason: " + s.lostReason.value_or("-")) << "\n";
    }
    return 0;
  }

 private:
  std::optional<std::string> day_;
};

class CustomerHistory : public Command {
 public:
  std::string name() const override { return "customer history"; }
  std::string summary() const override { return "a customer's purchases and returns, with recency, frequency, monetary value"; }
  std::string arguments() const override { return "CODE"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("from", "", "first day, included (default: 12 months before --to)").argument("DAY"));
    options.addOption(Option("to", "", "last day, excluded; recency is measured to it (default: today)").argument("DAY"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "from") from_ = parseDay(name, value);
    if (name == "to") to_ = parseDay(name, value);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one customer code");
    const crm::Period period = periodOf(from_, to_);
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    const auto ref = crm::findCustomerRef(session, arguments.front());
    if (!ref || !ref->customer) {
      context.err << "afterflow customer history: no customer has code '" << arguments.front() << "'\n";
      return 1;
    }
    crm::PurchaseHistory history(session);
    const std::int64_t who = ref->mergedInto.value_or(ref->id);
    for (const auto& p : history.purchases(who, period)) {
      context.out << std::left << std::setw(26) << p.occurredAt << std::setw(8) << p.kind << std::right << std::setw(12)
                  << formatMoney(p.amountCents) << std::setw(8) << p.quantity << "  " << std::left << std::setw(12)
                  << p.storeCode.value_or("-") << p.recordedAs << "\n";
    }
    const auto s = history.summary(who, period, period.to);
    context.out << "recency " << (s.recencyDays ? std::to_string(*s.recencyDays) + " days" : std::string("-"))
                << ", frequency " << s.purchases << ", monetary " << formatMoney(s.netAmountCents) << " ("
                << period.from << " to " << period.to << ", excluded)\n";
    return 0;
  }

 private:
  std::optional<std::string> from_, to_;
};

class CustomerMerge : public Command {
 public:
  std::string name() const override { return "customer merge"; }
  std::string summary() const override { return "merge a duplicate customer into the one that stays"; }
  std::string arguments() const override { return "SURVIVOR-CODE ABSORBED-CODE"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("note", "", "why they are one customer").argument("TEXT"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "note") note_ = value;
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 2) throw UsageError("takes the customer that stays and the one merged into it");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    store::Transaction transaction(session);
    const auto merged = crm::CustomerMerges(session).merge(transaction, arguments[0], arguments[1], note_);
    if (!merged) return refused(context, name(), merged);
    transaction.commit();
    context.out << "merged " << merged.value().absorbedCode << " into " << merged.value().survivorCode;
    if (!merged.value().followerCodes.empty()) {
      std::string followers;
      for (const auto& code : merged.value().followerCodes) followers += (followers.empty() ? "" : ", ") + code;
      context.out << " (with " << followers << ", merged into " << merged.value().absorbedCode << " before)";
    }
    context.out << "\n";
    return 0;
  }

 private:
  std::optional<std::string> note_;
};

class CustomerUnmerge : public Command {
 public:
  std::string name() const override { return "customer unmerge"; }
  std::string summary() const override { return "undo the merge of a customer: it stands for itself again"; }
  std::string arguments() const override { return "CODE"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes the code of the customer merged away");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    store::Transaction transaction(session);
    const auto undone = crm::CustomerMerges(session).unmerge(transaction, arguments[0]);
    if (!undone) return refused(context, name(), undone);
    transaction.commit();
    context.out << "unmerged " << undone.value().absorbedCode << " from " << undone.value().survivorCode << "\n";
    return 0;
  }
};

class CustomerProfile : public Command {
 public:
  std::string name() const override { return "customer profile"; }
  std::string summary() const override { return "set a customer's age band, gender, income band or tier"; }
  std::string arguments() const override { return "CODE"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("age-band", "", "under-25, 25-34, 35-44, 45-54, 55-64, 65+").argument("BAND"));
    options.addOption(Option("gender", "", "female, male, diverse").argument("GENDER"));
    options.addOption(Option("income-band", "", "low, lower-middle, middle, upper-middle, high").argument("BAND"));
    options.addOption(Option("tier", "", "standard, silver, gold, platinum (sets SLA targets of new cases)").argument("TIER"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "age-band") change_.ageBand = value;
    if (name == "gender") change_.gender = value;
    if (name == "income-band") change_.incomeBand = value;
    if (name == "tier") change_.tier = value;
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one customer code");
    if (!change_.ageBand && !change_.gender && !change_.incomeBand && !change_.tier) {
      throw UsageError("give at least one of --age-band, --gender, --income-band, --tier");
    }
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    store::Transaction transaction(session);
    const auto changed = crm::CustomerProfiles(session).change(transaction, arguments[0], change_);
    if (!changed) return refused(context, name(), changed);
    transaction.commit();
    context.out << "updated the profile of " << arguments[0] << "\n";
    return 0;
  }

 private:
  crm::ProfileChange change_;
};

class CustomerCredit : public Command {
 public:
  std::string name() const override { return "customer credit"; }
  std::string summary() const override { return "show or set the credit limit, rating, exposure and overdue flag"; }
  std::string arguments() const override { return "CODE"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("limit", "", "credit limit, e.g. 5000 or 5000.00").argument("AMOUNT"));
    options.addOption(Option("rating", "", "A (best) to E").argument("RATING"));
    options.addOption(Option("exposure", "", "what is owed now").argument("AMOUNT"));
    options.addOption(Option("overdue", "", "yes or no: a payment is overdue").argument("YES-NO"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "limit") change_.limitCents = parseMoney(name, value);
    if (name == "exposure") change_.exposureCents = parseMoney(name, value);
    if (name == "rating") change_.rating = value;
    if (name == "overdue") {
      if (value != "yes" && value != "no") throw UsageError("--overdue is yes or no");
      change_.overdue = value == "yes";
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one customer or dealer code");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    crm::CreditBook book(session);
    std::optional<crm::CreditStanding> standing;
    if (change_.limitCents || change_.exposureCents || change_.rating || change_.overdue) {
      store::Transaction transaction(session);
      const auto changed = book.change(transaction, arguments[0], change_);
      if (!changed) return refused(context, name(), changed);
      transaction.commit();
      standing = changed.value();
    } else {
      const auto found = book.standing(arguments[0]);
      if (!found) return refused(context, name(), found);
      standing = found.value();
    }
    if (!standing) {
      context.out << arguments[0] << ": no credit account\n";
      return 0;
    }
    context.out << standing->code << ": limit " << formatMoney(standing->limitCents) << ", exposure "
                << formatMoney(standing->exposureCents) << ", available " << formatMoney(standing->availableCents())
                << ", rating " << standing->rating << ", " << (standing->overdue ? "overdue" : "not overdue")
                << (standing->atRisk() ? ", at risk" : "") << "\n";
    return 0;
  }

 private:
  crm::CreditChange change_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> customerCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<CustomerList>());
  commands.push_back(std::make_unique<CustomerShow>());
  commands.push_back(std::make_unique<CustomerHistory>());
  commands.push_back(std::make_unique<CustomerMerge>());
  commands.push_back(std::make_unique<CustomerUnmerge>());
  commands.push_back(std::make_unique<CustomerProfile>());
  commands.push_back(std::make_unique<CustomerCredit>());
  return commands;
}

}  // namespace cli
