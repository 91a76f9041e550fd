#include "cli/command_line.h"

#include "afterflow_version.h"
#include "cli/command.h"
#include "store/database_error.h"
#include "store/migrator.h"

#include <Poco/Environment.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace cli {
namespace {

using Poco::Util::Option;
using Poco::Util::OptionSet;

const char* const kDefaultDatabase = "afterflow.db";
const char* const kDatabaseHelp =
    "database: a file path or sqlite:PATH (the default, ./afterflow.db), "
    "postgresql://USER:PASSWORD@HOST:PORT/DB, or odbc:CONNECTION-STRING. Default: $AFTERFLOW_DB";

std::vector<std::unique_ptr<Command>> allCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  for (auto* group : {dbCommands, ediCommands, partyCommands, partnerCommands, exchangeCommands, sendCommands,
                      importCommands, posImportCommands, customerCommands, caseCommands, surveyCommands,
                      segmentCommands, reportCommands}) {
    for (auto& command : group()) commands.push_back(std::move(command));
  }
  commands.push_back(serveCommand());
  commands.push_back(demoCommand());
  return commands;
}

std::vector<std::string> words(const std::string& name) {
  Poco::StringTokenizer tokens(name, " ", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  return {tokens.begin(), tokens.end()};
}

void printOverview(std::ostream& out, const std::vector<std::unique_ptr<Command>>& commands) {
  out << "afterflow " << AFTERFLOW_VERSION << ": after-sales service logistics\n\n"
      << "usage: afterflow [--db URL] COMMAND [OPTIONS] [ARGUMENTS]\n\ncommands:\n";
  std::size_t width = 0;
  for (const auto& command : commands) width = std::max(width, command->name().size() + 2);
  for (const auto& command : commands) {
    out << "  " << std::left << std::setw(static_cast<int>(width)) << command->name() << command->summary() << "\n";
  }
  out << "\noptions:\n  --db URL        " << kDatabaseHelp << "\n  --help, -h      this help, or a command's\n"
      << "  --version       print the version\n\n"
      << "`afterflow COMMAND --help` describes one command.\n";
}

OptionSet optionsOf(Command& command) {
  OptionSet options;
  options.addOption(Option("db", "", kDatabaseHelp).argument("URL").repeatable(false));
  options.addOption(Option("help", "h", "describe this command"));
  command.defineOptions(options);
  return options;
}

void printCommandHelp(std::ostream& out, Command& command) {
  const OptionSet options = optionsOf(command);  // HelpFormatter keeps a reference
  Poco::Util::HelpFormatter help(options);
  help.setCommand("afterflow " + command.name());
  help.setUsage("[OPTIONS] " + command.arguments());
  help.setHeader(command.summary());
  help.setUnixStyle(true);
  help.format(out);
}

Command* findCommand(const std::vector<std::unique_ptr<Command>>& commands, const std::vector<std::string>& args,
                     std::size_t at, std::size_t& length) {
  Command* best = nullptr;
  for (const auto& command : commands) {
    const auto name = words(command->name());
    if (at + name.size() > args.size()) continue;
    if (!std::equal(name.begin(), name.end(), args.begin() + static_cast<std::ptrdiff_t>(at))) continue;
    if (best == nullptr || name.size() > length) {
      best = command.get();
      length = name.size();
    }
  }
  return best;
}

}  // namespace

std::unique_ptr<store::Database> CommandContext::openDatabase(store::DatabaseOptions options) const {
  auto database = std::make_unique<store::Database>(databaseUrl, options);
  store::Migrator(*database).migrate();
  return database;
}

int runCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto commands = allCommands();
  std::string database = Poco::Environment::get("AFTERFLOW_DB", kDefaultDatabase);
  bool help = false;

  std::size_t i = 0;
  for (; i < args.size() && !args[i].empty() && args[i][0] == '-'; ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      help = true;
    } else if (args[i] == "--version") {
      out << "afterflow " << AFTERFLOW_VERSION << "\n";
      return 0;
    } else if (args[i] == "--db" && i + 1 < args.size()) {
      database = args[++i];
    } else if (args[i].rfind("--db=", 0) == 0) {
      database = args[i].substr(5);
    } else {
      err << "afterflow: unknown option '" << args[i] << "'; see afterflow --help\n";
      return 2;
    }
  }
  if (i == args.size()) {
    printOverview(help ? out : err, commands);
    return help ? 0 : 2;
  }

  std::size_t length = 0;
  Command* command = findCommand(commands, args, i, length);
  if (command == nullptr) {
    // "afterflow db" or "afterflow db frobnicate": name the group's commands.
    std::string group;
    for (const auto& candidate : commands) {
      const auto name = words(candidate->name());
      if (name.size() > 1 && name.front() == args[i]) group += (group.empty() ? "" : ", ") + candidate->name();
    }
    const std::string typed = i + 1 < args.size() && !group.empty() ? args[i] + " " + args[i + 1] : args[i];
    err << "afterflow: unknown command '" << typed << "'; "
        << (group.empty() ? "see afterflow --help" : "did you mean one of: " + group) << "\n";
    return 2;
  }

  OptionSet options = optionsOf(*command);
  Poco::Util::OptionProcessor processor(options);
  processor.setUnixStyle(true);
  std::vector<std::string> positional;
  try {
    for (std::size_t k = i + length; k < args.size(); ++k) {
      std::string name, value;
      if (!processor.process(args[k], name, value)) {
        positional.push_back(args[k]);
      } else if (name == "help") {
        help = true;
      } else if (name == "db") {
        database = value;
      } else if (!name.empty()) {
        command->handleOption(name, value);
      }
    }
    processor.checkRequired();
  } catch (const Poco::Util::OptionException& e) {
    err << "afterflow " << command->name() << ": " << e.displayText() << "; see afterflow " << command->name()
        << " --help\n";
    return 2;
  } catch (const UsageError& e) {
    err << "afterflow " << command->name() << ": " << e.what() << "; see afterflow " << command->name()
        << " --help\n";
    return 2;
  }
  if (help) {
    printCommandHelp(out, *command);
    return 0;
  }

  const CommandContext context{database, out, err};
  try {
    return command->run(context, positional);
  } catch (const UsageError& e) {
    err << "afterflow " << command->name() << ": " << e.what() << "; see afterflow " << command->name()
        << " --help\n";
    return 2;
  } catch (const Poco::Exception& e) {
    // Driver exceptions carry multi-line dumps with the SQL; one line of their own words is enough.
    err << "afterflow: " << store::summarizeDriverMessage(e.displayText()) << "\n";
    return 1;
  } catch (const std::exception& e) {
    // Not Poco's: a defect or a library's own exception. Still one line and exit 1, not an abort.
    err << "afterflow: internal error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace cli
