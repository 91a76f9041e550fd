// afterflow case open | respond | resolve | list
#include "cli/command.h"
#include "cli/crm_options.h"
#include "crm/case_book.h"
#include "store/timestamp.h"
#include "store/transaction.h"

#include <iomanip>
#include <ostream>

namespace cli {
namespace {

using Poco::Util::Option;

int refused(const CommandContext& context, const std::string& command, const std::vector<crm::Problem>& problems) {
  for (const auto& problem : problems) context.err << "afterflow " << command << ": " << problem.describe() << "\n";
  return 1;
}

// "met 3.0h", "overdue", "running".
std::string against(crm::SlaState state, const std::optional<double>& hours) {
  return std::string(crm::slaStateName(state)) + (hours ? " " + formatHours(*hours) : "");
}

class CaseOpen : public Command {
 public:
  std::string name() const override { return "case open"; }
  std::string summary() const override { return "open a service case; its SLA targets come from the customer's tier"; }
  std::string arguments() const override { return "CUSTOMER-CODE"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("kind", "", "inquiry, complaint, installation, maintenance or warranty_claim")
                          .required(true).argument("KIND"));
    options.addOption(Option("serial", "", "the unit's serial number").argument("SERIAL"));
    options.addOption(Option("summary", "", "what the customer asks or reports").argument("TEXT"));
    options.addOption(Option("at", "", "when it was opened (default: now), e.g. 2026-10-01T08:30:00Z").argument("TIME"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "kind") {
      const auto kind = crm::caseKindFromName(value);
      if (!kind) throw UsageError("unknown kind '" + value + "'");
      opening_.kind = *kind;
    }
    if (name == "serial") opening_.serialNumber = value;
    if (name == "summary") opening_.summary = value;
    if (name == "at") opening_.openedAt = parseTime(name, value);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one customer code");
    opening_.customerCode = arguments[0];
    if (opening_.openedAt.empty()) opening_.openedAt = store::currentTimestamp();
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    store::Transaction transaction(session);
    const auto opened = crm::CaseBook(session).open(transaction, opening_);
    if (!opened) return refused(context, name(), opened.problems());
    transaction.commit();
    const crm::ServiceCase& c = opened.value();
    context.out << "opened " << c.number << " (" << crm::caseKindName(c.kind) << " for " << c.customerCode
                << "): first response due " << c.firstResponseDueAt() << " (" << c.firstResponseTargetHours
                << "h), resolution due " << c.resolutionDueAt() << " (" << c.resolutionTargetHours << "h)\n";
    return 0;
  }

 private:
  crm::CaseOpening opening_;
};

class CaseRespond : public Command {
 public:
  std::string name() const override { return "case respond"; }
  std::string summary() const override { return "record a case's first response"; }
  std::string arguments() const override { return "CASE-NUMBER"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("at", "", "when (default: now)").argument("TIME"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "at") at_ = parseTime(name, value);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one case number");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    store::Transaction transaction(session);
    const auto done = crm::CaseBook(session).respond(transaction, arguments[0], at_.value_or(store::currentTimestamp()));
    if (!done) return refused(context, name(), done.problems());
    transaction.commit();
    const crm::ServiceCase& c = done.value();
    context.out << c.number << ": first response after " << formatHours(*c.firstResponseHours()) << ", target "
                << c.firstResponseTargetHours << "h: " << crm::slaStateName(c.firstResponseState(*c.firstResponseAt))
                << "\n";
    return 0;
  }

 private:
  std::optional<std::string> at_;
};

class CaseResolve : public Command {
 public:
  std::string name() const override { return "case resolve"; }
  std::string summary() const override { return "resolve a case with the remedial action taken"; }
  std::string arguments() const override { return "CASE-NUMBER"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("action", "", "what was done").required(true).argument("TEXT"));
    options.addOption(Option("at", "", "when (default: now)").argument("TIME"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "action") action_ = value;
    if (name == "at") at_ = parseTime(name, value);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one case number");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    store::Transaction transaction(session);
    const auto done =
        crm::CaseBook(session).resolve(transaction, arguments[0], at_.value_or(store::currentTimestamp()), action_);
    if (!done) return refused(context, name(), done.problems());
    transaction.commit();
    const crm::ServiceCase& c = done.value();
    context.out << c.number << ": resolved after " << formatHours(*c.resolutionHours()) << ", target "
                << c.resolutionTargetHours << "h: " << crm::slaStateName(c.resolutionState(*c.resolvedAt)) << "\n";
    return 0;
  }

 private:
  std::string action_;
  std::optional<std::string> at_;
};

class CaseList : public Command {
 public:
  std::string name() const override { return "case list"; }
  std::string summary() const override { return "list service cases with where they stand against their SLA"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("customer", "", "one customer's cases (and those of customers merged into it)").argument("CODE"));
    options.addOption(Option("kind", "", "one kind of case").argument("KIND"));
    options.addOption(Option("open", "", "only cases not resolved"));
    options.addOption(Option("outside-sla", "", "only cases with a target missed or overdue"));
    options.addOption(Option("at", "", "the time to judge open cases at (default: now)").argument("TIME"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "customer") filter_.customerCode = value;
    if (name == "kind") {
      filter_.kind = crm::caseKindFromName(value);
      if (!filter_.kind) throw UsageError("unknown kind '" + value + "'");
    }
    if (name == "open") filter_.openOnly = true;
    if (name == "outside-sla") filter_.outsideSlaOnly = true;
    if (name == "at") at_ = parseTime(name, value);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    const std::string at = at_.value_or(store::currentTimestamp());
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    const auto cases = crm::CaseBook(session).list(filter_, at);
    if (!cases) return refused(context, name(), cases.problems());
    for (const crm::ServiceCase& c : cases.value()) {
      context.out << std::left << std::setw(10) << c.number << std::setw(12) << c.customerCode << std::setw(16)
                  << crm::caseKindName(c.kind) << std::setw(26) << c.openedAt << "response " << std::setw(14)
                  << against(c.firstResponseState(at), c.firstResponseHours()) << "resolution " << std::setw(14)
                  << against(c.resolutionState(at), c.resolutionHours()) << (c.outsideSla(at) ? "OUTSIDE SLA" : "")
                  << "\n";
    }
    return 0;
  }

 private:
  crm::CaseFilter filter_;
  std::optional<std::string> at_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> caseCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<CaseOpen>());
  commands.push_back(std::make_unique<CaseRespond>());
  commands.push_back(std::make_unique<CaseResolve>());
  commands.push_back(std::make_unique<CaseList>());
  return commands;
}

}  // namespace cli
