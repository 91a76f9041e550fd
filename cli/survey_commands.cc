// afterflow survey import
#include "cli/command.h"
#include "crm/survey_import.h"
#include "store/transaction.h"

#include <fstream>
#include <ostream>

namespace cli {
namespace {

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
      // One transaction per file: the good rows of a file are kept together, its rejects listed.
      store::Transaction transaction(session);
      const crm::SurveyImportOutcome outcome = crm::importSurveyCsv(transaction, in);
      transaction.commit();
      context.out << file << ": " << outcome.rows << " rows, " << outcome.imported << " imported, "
                  << outcome.alreadyKnown << " already known, " << outcome.rejected.size() << " rejected\n";
      for (const auto& reject : outcome.rejected) context.err << file << ":" << reject.line << ": " << reject.reason << "\n";
      clean &= outcome.rejected.empty();
    }
    return clean ? 0 : 1;
  }
};

}  // namespace

std::vector<std::unique_ptr<Command>> surveyCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<SurveyImport>());
  return commands;
}

}  // namespace cli
