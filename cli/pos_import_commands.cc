// afterflow import pos FILE... [--format csv|poslog|852|slsrpt] [--mapping FILE]
#include "cli/command.h"
#include "pos_import/pos_importer.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ostream>

namespace cli {
namespace {

using Poco::Util::Option;

std::string megabytes(std::uint64_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(bytes) / 1e6);
  return buffer;
}

// One line redrawn in place: only ever written to a terminal.
void drawProgress(std::ostream& err, const pos_import::ImportProgress& p) {
  const double fraction = p.bytesTotal ? static_cast<double>(p.bytesRead) / static_cast<double>(p.bytesTotal) : 0;
  const int width = 30, filled = static_cast<int>(fraction * width);
  const double rate = p.seconds > 0 ? static_cast<double>(p.rows) / p.seconds : 0;
  const double left = fraction > 0.01 ? p.seconds * (1 - fraction) / fraction : 0;
  char line[160];
  std::snprintf(line, sizeof line, "\r[%s%s] %3.0f%% %s/%s MB  %.0f rows/s  %d:%02d left ",
                std::string(static_cast<std::size_t>(filled), '#').c_str(),
                std::string(static_cast<std::size_t>(width - filled), '.').c_str(), fraction * 100,
                megabytes(p.bytesRead).c_str(), megabytes(p.bytesTotal).c_str(), rate, static_cast<int>(left) / 60,
                static_cast<int>(left) % 60);
  err << line << std::flush;
}

class ImportPos : public Command {
 public:
  std::string name() const override { return "import pos"; }
  std::string summary() const override {
    return "import POS sales (CSV with a mapping, ARTS POSLog, X12 852, EANCOM SLSRPT)";
  }
  std::string arguments() const override { return "FILE..."; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("format", "", "csv, poslog, 852 or slsrpt (default: guessed from the content)")
                          .argument("FORMAT"));
    options.addOption(Option("mapping", "", "CSV: the column mapping file (see docs/POS-IMPORT.md)").argument("FILE"));
    options.addOption(Option("schemas", "", "folder with edi/ and xsd/ definitions (default: the build's schemas/)")
                          .argument("DIR"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "format") {
      options_.format = pos_import::formatFromName(value);
      if (!options_.format) throw UsageError("unknown format '" + value + "'; csv, poslog, 852 or slsrpt");
    } else if (name == "mapping") {
      options_.mappingPath = value;
    } else if (name == "schemas") {
      options_.schemasRoot = value;
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.empty()) throw UsageError("takes one or more files");
    auto database = context.openDatabase();
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    if (terminal) options_.progress = [&context](const pos_import::ImportProgress& p) { drawProgress(context.err, p); };
    int exitCode = 0;
    for (const std::string& file : arguments) {
      const pos_import::ImportSummary s = pos_import::importPosFile(*database, file, options_);
      if (terminal) context.err << "\r\033[K" << std::flush;
      if (!s.ok()) {
        for (const std::string& problem : s.problems) context.err << "afterflow import pos: " << problem << "\n";
        exitCode = 1;
        continue;
      }
      char rate[64];
      std::snprintf(rate, sizeof rate, "%.0f rows/s (%.2f s)", s.rowsPerSecond(), s.seconds);
      context.out << file << " (" << pos_import::formatName(*s.format) << ", run " << s.runId << "): " << s.transactions
                  << " read, " << s.imported << " imported, " << s.alreadyKnown << " already known, " << s.rejected
                  << " rejected, " << s.skipped << " skipped; " << s.customersCreated << " new customers, "
                  << s.unitsInstalled << " units installed, " << s.unitsReturned << " returned; " << rate << "\n";
      if (s.rejected > 0) {
        exitCode = 1;  // as `import shipments` and `survey import`: a script sees that rows were refused
        constexpr std::size_t kShown = 20;
        for (const auto& reject : pos_import::rejectsOf(*database, s.runId, kShown)) {
          context.err << file << ": " << reject.location << ": rejected: " << reject.reason << "\n";
        }
        if (s.rejected > kShown) {
          context.err << file << ": ... " << (s.rejected - kShown) << " more rejects in pos_import_reject (run "
                      << s.runId << ")\n";
        }
      }
    }
    return exitCode;
  }

 private:
  pos_import::ImportOptions options_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> posImportCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ImportPos>());
  return commands;
}

}  // namespace cli
