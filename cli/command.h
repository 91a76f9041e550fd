// One subcommand of the `afterflow` program: its name, options and the library calls it makes.
// Commands stay thin: they parse, call a library function, and print its result.
#pragma once

#include "store/database.h"

#include <Poco/Util/OptionSet.h>

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace cli {

struct CommandContext {
  std::string databaseUrl;  // --db, else AFTERFLOW_DB, else ./afterflow.db
  std::ostream& out;
  std::ostream& err;

  // Opens the database and brings its schema up to date (migrations run on first use).
  std::unique_ptr<store::Database> openDatabase(store::DatabaseOptions options = {}) const;
};

class Command {
 public:
  virtual ~Command() = default;

  virtual std::string name() const = 0;     // as typed: "db migrate"
  virtual std::string summary() const = 0;  // one line for the command list
  virtual std::string arguments() const { return ""; }
  virtual void defineOptions(Poco::Util::OptionSet&) {}
  virtual void handleOption(const std::string& /*name*/, const std::string& /*value*/) {}
  // Returns the exit code: 0 success, 1 failure, 2 wrong usage.
  virtual int run(const CommandContext& context, const std::vector<std::string>& arguments) = 0;
};

// Thrown for wrong usage (unknown option, missing argument): reported with the command's help hint.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::vector<std::unique_ptr<Command>> dbCommands();
std::vector<std::unique_ptr<Command>> ediCommands();
std::vector<std::unique_ptr<Command>> partyCommands();
std::vector<std::unique_ptr<Command>> exchangeCommands();
std::vector<std::unique_ptr<Command>> partnerCommands();
std::vector<std::unique_ptr<Command>> sendCommands();
std::vector<std::unique_ptr<Command>> customerCommands();
std::vector<std::unique_ptr<Command>> caseCommands();
std::vector<std::unique_ptr<Command>> surveyCommands();
std::vector<std::unique_ptr<Command>> segmentCommands();
std::vector<std::unique_ptr<Command>> importCommands();
std::vector<std::unique_ptr<Command>> posImportCommands();
std::vector<std::unique_ptr<Command>> reportCommands();
std::unique_ptr<Command> serveCommand();
std::unique_ptr<Command> demoCommand();

}  // namespace cli
