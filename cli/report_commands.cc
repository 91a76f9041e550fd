// afterflow report monthly | quarterly | annual
#include "cli/command.h"
#include "cli/output_option.h"
#include "reports/report_query.h"
#include "reports/service_report.h"

#include <ostream>

namespace cli {
namespace {

class Report : public Command {
 public:
  explicit Report(reports::ReportKind kind) : kind_(kind) {}

  std::string name() const override { return std::string("report ") + reports::reportKindName(kind_); }
  std::string summary() const override {
    return std::string("the ") + reports::reportKindName(kind_) + " service report of a client: KPIs, regions, carriers";
  }
  void defineOptions(Poco::Util::OptionSet& options) override {
    const char* example = kind_ == reports::ReportKind::monthly ? "2026-10" : kind_ == reports::ReportKind::quarterly
                                                                                  ? "2026Q3"
                                                                                  : "2026";
    options.addOption(Poco::Util::Option("period", "", std::string("the period, e.g. ") + example).argument("PERIOD"));
    options.addOption(Poco::Util::Option("client", "", "the client's party code (default: all clients)").argument("CODE"));
    options.addOption(Poco::Util::Option("carrier", "", "one carrier only").argument("CODE"));
    options.addOption(Poco::Util::Option("region", "", "one destination region only").argument("REGION"));
    options.addOption(Poco::Util::Option("tolerance", "", "days late still counted on time (default 0)").argument("DAYS"));
    options.addOption(Poco::Util::Option("lost-after", "", "months without a purchase after which a customer is lost "
                                         "(default 12)").argument("MONTHS"));
    options.addOption(Poco::Util::Option("format", "", "json (default), html, csv or xml").argument("FORMAT"));
    output_.define(options);
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (output_.handle(name, value)) return;
    if (const auto problem = reports::setReportParameter(query_, name, value)) throw UsageError(*problem);
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    if (const auto problem = reports::completeReportQuery(query_, kind_)) throw UsageError(*problem);
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    std::string problem;
    const auto report = reports::buildServiceReport(session, query_.request, problem);
    if (!report) {
      context.err << "afterflow " << name() << ": " << problem << "\n";
      return 1;
    }
    reports::renderReport(*report, query_.format, output_.stream(context));
    output_.finish(true);
    if (!output_.path().empty()) context.out << output_.path() << "\n";
    return 0;
  }

 private:
  reports::ReportKind kind_;
  reports::ReportQuery query_;
  OutputOption output_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> reportCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  for (auto kind : {reports::ReportKind::monthly, reports::ReportKind::quarterly, reports::ReportKind::annual}) {
    commands.push_back(std::make_unique<Report>(kind));
  }
  return commands;
}

}  // namespace cli
