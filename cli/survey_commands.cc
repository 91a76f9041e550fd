// afterflow survey import | survey list | survey show | survey replay
#include "cli/command.h"
#include "crm/survey_import.h"
#include "crm/survey_import_runs.h"
#include "csv/utf8.h"
#include "store/transaction.h"

#include <Poco/NumberParser.h>

#include <fstream>
#include <iomanip>
#include <optional>
#include <ostream>

namespace cli {
namespace {

std::int64_t surveyRunId(const std::vector<std::string>& arguments) {
  if (arguments.size() != 1) throw UsageError("takes one survey import run id");
  std::int64_t id = 0;
  if (!Poco::NumberParser::tryParse64(arguments.front(), id) || id <= 0) {
    throw UsageError("not a survey import run id: '" + arguments.front() + "'");
  }
  return id;
}

std::optional<crm::SurveyImportRun> findRun(const CommandContext& context, Poco::Data::Session& session,
                                            std::int64_t id) {
  auto run = crm::SurveyImportRuns(session).find(id);
  if (!run) context.err << "no survey import run " << id << "\n";
  return run;
}

// The summary of a run on out; its rejects on err as WHERE:LINE: reason, like a compiler's messages.
void report(const CommandContext& context, const std::string& where, const crm::SurveyImportOutcome& outcome) {
  context.out << where << ": " << outcome.rows << " rows, " << outcome.imported << " imported, "
              << outcome.alreadyKnown << " already known, " << outcome.rejected.size() << " rejected";
  if (outcome.resolved > 0) context.out << ", " << outcome.resolved << " resolved";
  context.out << " (survey import run " << outcome.runId << ")\n";
  for (const auto& reject : outcome.rejected) {
    context.err << where << ":" << reject.line << ": " << csv::escapeInvalidUtf8(reject.reason) << "\n";
  }
}

class SurveyImport : public Command {
 public:
  std::string name() const override { return "survey import"; }
  std::string summary() const override { return "import CSAT, NPS and exit survey answers from CSV exports"; }
  std::string arguments() const override { return "FILE.csv..."; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.empty()) throw UsageError("names no file");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    bool clean = true;
    for (const std::string& file : arguments) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        context.err << "afterflow survey import: cannot read " << file << "\n";
        clean = false;
        continue;
      }
      // One transaction per file: its answers, its run and its rejects are kept together or not at all.
      store::Transaction transaction(session);
      const crm::SurveyImportOutcome outcome = crm::importSurveyCsv(transaction, in, file);
      transaction.commit();
      report(context, file, outcome);
      clean &= outcome.rejected.empty();
    }
    return clean ? 0 : 1;
  }
};

class SurveyReplay : public Command {
 public:
  std::string name() const override { return "survey replay"; }
  std::string summary() const override { return "apply a survey import's refused rows again, after a fix"; }
  std::string arguments() const override { return "RUN"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    const std::int64_t id = surveyRunId(arguments);
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    store::Transaction transaction(session);
    if (!findRun(context, session, id)) return 1;
    const crm::SurveyImportOutcome outcome = crm::replaySurveyRejects(transaction, id);
    transaction.commit();
    if (outcome.runId == 0) {
      context.out << "survey import run " << id << " has no outstanding rejects: nothing to replay\n";
      return 0;
    }
    report(context, "run " + std::to_string(id), outcome);
    return outcome.rejected.empty() ? 0 : 1;
  }
};

class SurveyList : public Command {
 public:
  std::string name() const override { return "survey list"; }
  std::string summary() const override { return "survey import runs, newest first"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    for (const crm::SurveyImportRun& r : crm::SurveyImportRuns(session).list(50)) {
      context.out << std::left << std::setw(7) << r.id << std::setw(25) << r.startedAt << std::setw(10) << r.imported
                  << std::setw(10) << r.rejected << r.fileName
                  << (r.replayOf ? " (replay of run " + std::to_string(*r.replayOf) + ")" : "") << "\n";
    }
    return 0;
  }
};

class SurveyShow : public Command {
 public:
  std::string name() const override { return "survey show"; }
  std::string summary() const override { return "one survey import run and the rows it refused"; }
  std::string arguments() const override { return "RUN"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    const std::int64_t id = surveyRunId(arguments);
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    const auto r = findRun(context, session, id);
    if (!r) return 1;
    context.out << "survey import run " << r->id
                << (r->replayOf ? " (replay of run " + std::to_string(*r->replayOf) + ")" : "")
                << "\n  file:     " << r->fileName << ", started " << r->startedAt << "\n  rows:     " << r->rows
                << " read, " << r->imported << " imported, " << r->alreadyKnown << " already known, " << r->rejected
                << " rejected\n";
    for (const crm::SurveyReject& reject : crm::SurveyImportRuns(session).rejects(id, false)) {
      context.out << "  line " << reject.line << ": " << reject.reason
                  << (reject.resolvedBy ? " (resolved by run " + std::to_string(*reject.resolvedBy) + ")" : "")
                  << "\n    " << csv::escapeInvalidUtf8(reject.raw) << "\n";
    }
    return 0;
  }
};

}  // namespace

std::vector<std::unique_ptr<Command>> surveyCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<SurveyImport>());
  commands.push_back(std::make_unique<SurveyList>());
  commands.push_back(std::make_unique<SurveyShow>());
  commands.push_back(std::make_unique<SurveyReplay>());
  return commands;
}

}  // namespace cli
