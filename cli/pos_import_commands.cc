// afterflow import pos FILE... [--format csv|poslog|852|slsrpt] [--mapping FILE] | import pos-list |
// import pos-show RUN [--rejects FILE]
#include "cli/command.h"
#include "pos_import/pos_import_runs.h"
#include "pos_import/pos_importer.h"

#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iomanip>
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
        for (const auto& reject : pos_import::PosImportRuns(*database).rejects(s.runId, 0, kShown)) {
          context.err << file << ": " << reject.location << ": rejected: " << reject.reason << "\n";
        }
        if (s.rejected > kShown) {
          context.err << file << ": ... " << (s.rejected - kShown) << " more rejects: afterflow import pos-show "
                      << s.runId << "\n";
        }
      }
    }
    return exitCode;
  }

 private:
  pos_import::ImportOptions options_;
};

class ImportPosList : public Command {
 public:
  std::string name() const override { return "import pos-list"; }
  std::string summary() const override { return "POS import runs, newest first"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    for (const pos_import::PosImportRun& r : pos_import::PosImportRuns(*database).list(50)) {
      context.out << std::left << std::setw(7) << r.id << std::setw(8) << r.status << std::setw(9) << r.format
                  << std::setw(25) << r.startedAt << std::setw(10) << r.imported << std::setw(10) << r.rejected
                  << r.fileName << "\n";
    }
    return 0;
  }
};

// Multi-line raw text (a POSLog element, EDI segments) indented under its reject.
void printRaw(std::ostream& out, const std::string& text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out << "    " << text.substr(start, end - start) << "\n";
    start = end + 1;
  }
}

class ImportPosShow : public Command {
 public:
  std::string name() const override { return "import pos-show"; }
  std::string summary() const override {
    return "one POS import run and its rejects; --rejects writes a CSV run's refused rows to fix and import again";
  }
  std::string arguments() const override { return "RUN"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(
        Option("rejects", "", "write the refused rows, after the file's header, to FILE").argument("FILE"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "rejects") rejectsPath_ = value;
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    std::int64_t id = 0;
    if (arguments.size() != 1) throw UsageError("takes one POS import run id");
    if (!Poco::NumberParser::tryParse64(arguments.front(), id) || id <= 0) {
      throw UsageError("not a POS import run id: '" + arguments.front() + "'");
    }
    auto database = context.openDatabase();
    pos_import::PosImportRuns runs(*database);
    const auto r = runs.find(id);
    if (!r) {
      context.err << "no POS import run " << id << "\n";
      return 1;
    }
    if (rejectsPath_) return writeRejects(context, runs, *r);
    context.out << "POS import run " << r->id << " (" << r->format << ")\n  file:     " << r->fileName
                << (r->mappingFile ? ", mapping " + *r->mappingFile : "") << "\n  status:   " << r->status
                << ", started " << r->startedAt << (r->finishedAt ? ", finished " + *r->finishedAt : "")
                << "\n  read:     " << r->transactions << " transactions, " << r->imported << " imported, "
                << r->alreadyKnown << " already known, " << r->rejected << " rejected\n";
    std::int64_t after = 0;
    for (;;) {
      const auto page = runs.rejects(id, after, 1000);
      if (page.empty()) break;
      for (const pos_import::StoredReject& reject : page) {
        context.out << "  " << reject.location << ": " << reject.reason << "\n";
        if (!reject.readable.empty()) printRaw(context.out, reject.readable);
      }
      after = page.back().seq;
    }
    return 0;
  }

 private:
  int writeRejects(const CommandContext& context, pos_import::PosImportRuns& runs,
                   const pos_import::PosImportRun& run) {
    if (run.format != "csv") {
      context.err << "run " << run.id << " is " << run.format
                  << ": only a CSV run's refused rows are written as a file; import pos-show " << run.id
                  << " shows its rejects\n";
      return 1;
    }
    Poco::FileOutputStream out(*rejectsPath_, std::ios::out | std::ios::trunc | std::ios::binary);
    const std::uint64_t rows = runs.writeRejectedRows(run, out);
    out.close();
    context.out << rows << " refused rows of run " << run.id << " written to " << *rejectsPath_
                << (run.header ? " after the file's header" : "") << "; fix them and import the file again"
                << (run.mappingFile ? " with --mapping " + *run.mappingFile : "") << "\n";
    // A reject of the file as a whole (a header without a mapped column) has no row to write.
    if (static_cast<std::int64_t>(rows) < run.rejected) {
      context.out << run.rejected - static_cast<std::int64_t>(rows) << " rejects have no row to write: import pos-show "
                  << run.id << " shows them\n";
    }
    return 0;
  }

  std::optional<std::string> rejectsPath_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> posImportCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ImportPos>());
  commands.push_back(std::make_unique<ImportPosList>());
  commands.push_back(std::make_unique<ImportPosShow>());
  return commands;
}

}  // namespace cli
