// afterflow segment abc | rfm | lost
#include "cli/command.h"
#include "cli/crm_options.h"
#include "crm/abc_segmentation.h"
#include "crm/calendar.h"
#include "crm/lost_customers.h"
#include "crm/rfm_scores.h"

#include <Poco/NumberParser.h>

#include <iomanip>
#include <ostream>

namespace cli {
namespace {

using Poco::Util::Option;

int refused(const CommandContext& context, const std::string& command, const std::vector<crm::Problem>& problems) {
  for (const auto& problem : problems) context.err << "afterflow " << command << ": " << problem.describe() << "\n";
  return 1;
}

void periodOptions(Poco::Util::OptionSet& options) {
  options.addOption(Option("from", "", "first day, included (default: 12 months before --to)").argument("DAY"));
  options.addOption(Option("to", "", "last day, excluded (default: today)").argument("DAY"));
}

double percent(const std::string& option, const std::string& text) {
  double value = 0;
  if (!Poco::NumberParser::tryParseFloat(text, value)) throw UsageError("--" + option + " is a percentage, e.g. 80");
  return value;
}

class SegmentAbc : public Command {
 public:
  std::string name() const override { return "segment abc"; }
  std::string summary() const override { return "ABC (Pareto) classes of customers by margin over a period"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    periodOptions(options);
    options.addOption(Option("a-cutoff", "", "cumulative margin share of class A, percent (default 80)").argument("PERCENT"));
    options.addOption(Option("b-cutoff", "", "cumulative margin share of A and B, percent (default 95)").argument("PERCENT"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "from") from_ = parseDay(name, value);
    if (name == "to") to_ = parseDay(name, value);
    if (name == "a-cutoff") options_.aCutoffPercent = percent(name, value);
    if (name == "b-cutoff") options_.bCutoffPercent = percent(name, value);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    options_.period = periodOf(from_, to_);
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    const auto rows = crm::AbcSegmentation(session).classify(options_);
    if (!rows) return refused(context, name(), rows.problems());
    for (const crm::AbcRow& row : rows.value()) {
      const double cumulative =
          row.totalMarginCents > 0
              ? 100.0 * static_cast<double>(row.marginBeforeCents + std::max<std::int64_t>(row.marginCents, 0)) /
                    static_cast<double>(row.totalMarginCents)
              : 0;
      context.out << row.abcClass << "  " << std::left << std::setw(16) << row.code << std::right << std::setw(14)
                  << formatMoney(row.marginCents) << std::setw(8) << std::fixed << std::setprecision(1) << cumulative
                  << "%";
      if (row.uncostedCents != 0) context.out << "  (" << formatMoney(row.uncostedCents) << " without cost)";
      context.out << "\n";
    }
    return 0;
  }

 private:
  crm::AbcOptions options_;
  std::optional<std::string> from_, to_;
};

class SegmentRfm : public Command {
 public:
  std::string name() const override { return "segment rfm"; }
  std::string summary() const override { return "recency, frequency, monetary scores (quintiles 1-5) over a period"; }
  void defineOptions(Poco::Util::OptionSet& options) override { periodOptions(options); }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "from") from_ = parseDay(name, value);
    if (name == "to") to_ = parseDay(name, value);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    const auto rows = crm::RfmScores(session).score(periodOf(from_, to_));
    if (!rows) return refused(context, name(), rows.problems());
    for (const crm::RfmRow& row : rows.value()) {
      context.out << row.recencyScore << row.frequencyScore << row.monetaryScore << "  " << std::left << std::setw(16)
                  << row.code << "last " << row.lastPurchaseDay << " (" << row.recencyDays << " days), "
                  << row.frequency << " purchases, " << formatMoney(row.monetaryCents) << "\n";
    }
    return 0;
  }

 private:
  std::optional<std::string> from_, to_;
};

class SegmentLost : public Command {
 public:
  std::string name() const override { return "segment lost"; }
  std::string summary() const override { return "customers with no purchase in N months, and why they left when known"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("months", "", "months without a purchase (default 12)").argument("N"));
    options.addOption(Option("as-of", "", "the day to count back from (default: today)").argument("DAY"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "months" && !Poco::NumberParser::tryParse(value, months_)) throw UsageError("--months is a number");
    if (name == "as-of") asOf_ = parseDay(name, value);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    const auto rows = crm::LostCustomers(session).list(months_, asOf_.value_or(crm::today()));
    if (!rows) return refused(context, name(), rows.problems());
    for (const crm::LostCustomer& row : rows.value()) {
      context.out << std::left << std::setw(16) << row.code << "last " << row.lastPurchaseDay << " (" << row.daysSince
                  << " days)  " << (row.lostReason ? "reason: " + *row.lostReason : std::string("reason unknown"))
                  << "\n";
    }
    return 0;
  }

 private:
  int months_ = 12;
  std::optional<std::string> asOf_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> segmentCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<SegmentAbc>());
  commands.push_back(std::make_unique<SegmentRfm>());
  commands.push_back(std::make_unique<SegmentLost>());
  return commands;
}

}  // namespace cli
