// afterflow demo
#include "cli/command.h"
#include "demo/demo_year.h"
#include "demo/fresh_database.h"

#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/Timestamp.h>

#include <iomanip>
#include <ostream>

namespace cli {
namespace {

using Poco::Util::Option;

class Demo : public Command {
 public:
  std::string name() const override { return "demo"; }
  std::string summary() const override {
    return "generated years in a fresh database, through the real paths, and the last one's quarterly report";
  }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("year", "", "the year of the report, the last one generated (default 2025)").argument("YEAR"));
    options.addOption(Option("years", "", "how many years to generate, ending with --year (default 2: the report "
                                          "compares with the year before)")
                          .argument("N"));
    options.addOption(Option("out", "", "folder of the partner files, till exports and report (default ./afterflow-demo)")
                          .argument("DIR"));
    options.addOption(Option("seed", "", "the same seed makes the same year (default 1)").argument("N"));
    options.addOption(Option("scale", "", "small (default: 5,000 shipments) or full (50,000)").argument("SCALE"));
    options.addOption(Option("force", "", "start over: delete the SQLite database file if it holds data"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "year" && (!Poco::NumberParser::tryParse(value, options_.year) || options_.year < 1971 || options_.year > 9998)) {
      throw UsageError("--year takes a year such as 2025");
    }
    if (name == "years" && (!Poco::NumberParser::tryParse(value, options_.years) || options_.years < 1 || options_.years > 5)) {
      throw UsageError("--years takes 1 to 5");
    }
    if (name == "seed" && !Poco::NumberParser::tryParseUnsigned64(value, options_.seed)) {
      throw UsageError("--seed takes a whole number from 0");
    }
    if (name == "scale") {
      if (value != "small" && value != "full") throw UsageError("--scale takes small or full");
      options_.scale = value == "small" ? demo::DemoScale::small() : demo::DemoScale::full();
    }
    if (name == "out") options_.outDirectory = value;
    if (name == "force") force_ = true;
  }

  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    const Poco::Timestamp started;
    auto database = context.openDatabase();
    if (!demo::holdsNoData(*database)) {
      if (!force_) {
        context.err << "afterflow demo: " << database->displayName()
                    << " holds data already; the demo writes whole years and wants a fresh database: give "
                       "another --db, or --force to delete this SQLite file and start over\n";
        return 1;
      }
      database.reset();
      if (const auto refused = demo::removeSqliteDatabase(context.databaseUrl)) {
        context.err << "afterflow demo: " << *refused << "\n";
        return 1;
      }
      database = context.openDatabase();
    }
    // The folders hold the files of the database's partners: an earlier demo's are stale.
    for (const char* stale : {"partners", "pos", "surveys", "report"}) {
      Poco::File folder(Poco::Path(options_.outDirectory).append(stale));
      if (folder.exists()) folder.remove(true);
    }

    context.out << "afterflow demo: " << (options_.years == 1 ? "the year " : "the years ")
                << (options_.years == 1 ? "" : std::to_string(options_.year - options_.years + 1) + "-") << options_.year
                << " (seed " << options_.seed << ", scale "
                << options_.scale.name << ") into " << database->displayName() << "\n";
    demo::DemoYear year(*database, options_);
    const demo::DemoOutcome outcome = year.run([&](const std::string& line) {
      context.out << std::fixed << std::setprecision(1) << std::setw(6) << static_cast<double>(started.elapsed()) / 1e6
                  << " s  " << line << "\n"
                  << std::flush;
    });
    const double seconds = static_cast<double>(started.elapsed()) / 1e6;

    const auto& intake = outcome.intake;
    context.out << "  partner files: " << intake.received << " received, " << intake.applied << " applied ("
                << intake.messages << " messages), " << intake.acknowledged << " acknowledged to outboxes; "
                << outcome.disposalReports << " of them disposal reports\n";
    if (!outcome.ok()) {
      const std::size_t shown = std::min<std::size_t>(outcome.problems.size(), 20);
      for (std::size_t i = 0; i < shown; ++i) context.err << "afterflow demo: " << outcome.problems[i] << "\n";
      if (outcome.problems.size() > shown) context.err << "afterflow demo: ... and " << outcome.problems.size() - shown << " more\n";
      if (!outcome.report.problem.empty()) context.err << "afterflow demo: report: " << outcome.report.problem << "\n";
      return 1;
    }
    const std::string folder = Poco::Path(outcome.report.html).parent().toString();
    context.out << std::fixed << std::setprecision(1) << "done in " << seconds << " s. The quarterly report "
                << outcome.report.period << " (all clients):\n"
                << "  HTML: " << outcome.report.html << "\n"
                << "  JSON: " << outcome.report.json << "\n"
                << "  CSV:  " << outcome.report.csv << "\n"
                << "  XML:  " << outcome.report.xml << "\n"
                << "Open the HTML in a browser (file://" << outcome.report.html << "), or serve its folder:\n"
                << "  python3 -m http.server --directory " << folder << " 8000   then http://127.0.0.1:8000/"
                << Poco::Path(outcome.report.html).getFileName() << "\n"
                << "Partner files, acks and till exports are under " << Poco::Path(options_.outDirectory).absolute().toString()
                << "; another report: afterflow report quarterly --period " << options_.year << "Q3 --format html -o FILE\n";
    return 0;
  }

 private:
  demo::DemoOptions options_;
  bool force_ = false;
};

}  // namespace

std::unique_ptr<Command> demoCommand() { return std::make_unique<Demo>(); }

}  // namespace cli
