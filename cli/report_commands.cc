// afterflow report monthly | quarterly | annual
#include "cli/command.h"
#include "cli/output_option.h"
#include "reports/csv_renderer.h"
#include "reports/html_renderer.h"
#include "reports/json_renderer.h"
#include "reports/service_report.h"
#include "reports/xml_renderer.h"

#include <Poco/NumberParser.h>

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
    if (name == "period") period_ = value;
    if (name == "client") request_.clientCode = value;
    if (name == "carrier") request_.carrierCode = value;
    if (name == "region") request_.region = value;
    if (name == "format") format_ = value;
    if (name == "tolerance" && (!Poco::NumberParser::tryParse(value, request_.onTimeToleranceDays) ||
                                request_.onTimeToleranceDays < 0)) {
      throw UsageError("--tolerance takes a number of days from 0");
    }
    if (name == "lost-after" && (!Poco::NumberParser::tryParse(value, request_.lostAfterMonths) ||
                                 request_.lostAfterMonths < 1)) {
      throw UsageError("--lost-after takes a number of months from 1");
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    if (period_.empty()) throw UsageError("needs --period");
    const auto period = reports::parsePeriod(period_);
    const auto wanted = kind_ == reports::ReportKind::monthly     ? reports::PeriodKind::month
                        : kind_ == reports::ReportKind::quarterly ? reports::PeriodKind::quarter
                                                                  : reports::PeriodKind::year;
    if (!period || period->kind != wanted) {
      throw UsageError("'" + period_ + "' is not a " +
                       (wanted == reports::PeriodKind::month ? "month (2026-10)"
                        : wanted == reports::PeriodKind::quarter ? "quarter (2026Q3)"
                                                                 : "year (2026)"));
    }
    if (format_ != "json" && format_ != "html" && format_ != "csv" && format_ != "xml") {
      throw UsageError("unknown format '" + format_ + "' (json, html, csv or xml)");
    }
    request_.kind = kind_;
    request_.period = *period;
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    std::string problem;
    const auto report = reports::buildServiceReport(session, request_, problem);
    if (!report) {
      context.err << "afterflow " << name() << ": " << problem << "\n";
      return 1;
    }
    std::ostream& out = output_.stream(context);
    if (format_ == "html") {
      reports::renderHtml(*report, out);
    } else if (format_ == "csv") {
      reports::renderCsv(*report, out);
    } else if (format_ == "xml") {
      reports::renderXml(*report, out);
    } else {
      reports::renderJson(*report, out);
    }
    output_.finish(true);
    if (!output_.path().empty()) context.out << output_.path() << "\n";
    return 0;
  }

 private:
  reports::ReportKind kind_;
  reports::ReportRequest request_;
  std::string period_;
  std::string format_ = "json";
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
