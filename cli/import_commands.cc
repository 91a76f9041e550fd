// afterflow import shipments | import replay | import list | import show
#include "cli/command.h"
#include "exchange/shipment_csv_import.h"

#include <Poco/NumberParser.h>

#include <iomanip>
#include <ostream>

namespace cli {
namespace {

std::int64_t runId(const std::string& text) {
  std::int64_t id = 0;
  if (!Poco::NumberParser::tryParse64(text, id) || id <= 0) throw UsageError("not an import run id: '" + text + "'");
  return id;
}

// The summary of a run; rejects go to err as FILE:LINE: reason, like a compiler's messages.
int report(const CommandContext& context, const std::string& file, const exchange::ShipmentImportReport& r) {
  if (r.error) {
    context.err << file << ": nothing imported: " << *r.error << "\n";
    return 1;
  }
  if (r.alreadyImported) {
    context.out << file << ": already imported as run " << r.runId << " (" << r.rowsApplied << " applied, "
                << r.rowsRejected << " rejected); nothing applied now\n";
    return 0;
  }
  for (const exchange::ImportReject& reject : r.firstRejects) {
    context.err << file << ":" << reject.line << ": " << reject.describe() << "\n";
  }
  if (r.rowsRejected > static_cast<std::int64_t>(r.firstRejects.size())) {
    context.err << file << ": ... and " << r.rowsRejected - static_cast<std::int64_t>(r.firstRejects.size())
                << " more rejects\n";
  }
  context.out << file << ": run " << r.runId << ": " << r.rowsRead << " rows, " << r.rowsApplied << " applied, "
              << r.rowsRejected << " rejected";
  std::string byCode;
  for (const auto& [code, count] : r.rejectsByCode) byCode += (byCode.empty() ? "" : ", ") + std::to_string(count) + " " + code;
  if (!byCode.empty()) context.out << " (" << byCode << ")";
  if (r.attempts > 1) context.out << "; attempt " << r.attempts << " (an earlier one was interrupted)";
  context.out << "\n";
  if (r.resolved > 0) context.out << "  " << r.resolved << " earlier rejects resolved\n";
  if (r.rejectsFile) context.out << "  rejects written to " << *r.rejectsFile << "\n";
  return r.rowsRejected == 0 ? 0 : 1;
}

class ImportOptions : public Command {
 public:
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(
        Poco::Util::Option("client", "", "the client (party code) of rows without a client_code").argument("CODE"));
    options.addOption(
        Poco::Util::Option("rejects", "", "where to write the refused rows (default FILE.rejects.csv)").argument("FILE"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "client") options_.clientCode = value;
    if (name == "rejects") options_.rejectsPath = value;
  }

 protected:
  exchange::ShipmentImportOptions options_;
};

class ImportShipments : public ImportOptions {
 public:
  std::string name() const override { return "import shipments"; }
  std::string summary() const override { return "shipments from a TMS export (CSV, docs/IMPORT.md)"; }
  std::string arguments() const override { return "FILE.csv"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one file");
    auto database = context.openDatabase();
    return report(context, arguments.front(), exchange::importShipmentsCsv(*database, arguments.front(), options_));
  }
};

class ImportReplay : public ImportOptions {
 public:
  std::string name() const override { return "import replay"; }
  std::string summary() const override { return "apply a run's refused rows again, after a fix"; }
  std::string arguments() const override { return "RUN"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one import run id");
    const std::int64_t id = runId(arguments.front());
    auto database = context.openDatabase();
    const auto result = exchange::replayImportRun(*database, id, options_);
    if (!result.error && result.runId == id) {
      context.out << "run " << id << " has no outstanding rejects: nothing to replay\n";
      return 0;
    }
    return report(context, "run " + std::to_string(id), result);
  }
};

class ImportList : public Command {
 public:
  std::string name() const override { return "import list"; }
  std::string summary() const override { return "import runs, newest first"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    for (const exchange::ImportRun& r : exchange::ImportRuns(*database).list(50)) {
      context.out << std::left << std::setw(7) << r.id << std::setw(9) << r.status << std::setw(25) << r.startedAt
                  << std::setw(10) << r.rowsApplied << std::setw(10) << r.rowsRejected << r.fileName << "\n";
    }
    return 0;
  }
};

class ImportShow : public Command {
 public:
  std::string name() const override { return "import show"; }
  std::string summary() const override { return "one import run and its outstanding rejects"; }
  std::string arguments() const override { return "RUN"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one import run id");
    const std::int64_t id = runId(arguments.front());
    auto database = context.openDatabase();
    exchange::ImportRuns runs(*database);
    const auto r = runs.find(id);
    if (!r) {
      context.err << "no import run " << id << "\n";
      return 1;
    }
    context.out << "import run " << r->id << (r->replayOf ? " (replay of run " + std::to_string(*r->replayOf) + ")" : "")
                << "\n  file:     " << r->fileName << " (" << r->byteCount << " bytes, sha256 " << r->sha256 << ")\n"
                << "  status:   " << r->status << " after " << r->attempts << " attempt(s), started " << r->startedAt
                << "\n  rows:     " << r->rowsRead << " read, " << r->rowsApplied << " applied, " << r->rowsRejected
                << " rejected\n";
    if (r->error) context.out << "  reason:   " << *r->error << "\n";
    std::int64_t after = 0;
    for (;;) {
      const auto page = runs.rejects(id, true, after, 1000);
      if (page.empty()) break;
      for (const auto& reject : page) context.out << "  line " << reject.line << ": " << reject.describe() << "\n";
      after = page.back().line;
    }
    return 0;
  }
};

}  // namespace

std::vector<std::unique_ptr<Command>> importCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ImportShipments>());
  commands.push_back(std::make_unique<ImportReplay>());
  commands.push_back(std::make_unique<ImportList>());
  commands.push_back(std::make_unique<ImportShow>());
  return commands;
}

}  // namespace cli
