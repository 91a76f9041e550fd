// afterflow db migrate | status | seed | rebuild-rollups
#include "cli/command.h"
#include "crm/sample_directory.h"
#include "logistics/shipment_rollup.h"
#include "store/migrator.h"
#include "store/schema_inspector.h"
#include "store/transaction.h"

#include <ostream>

namespace cli {
namespace {

class DbMigrate : public Command {
 public:
  std::string name() const override { return "db migrate"; }
  std::string summary() const override { return "bring the database schema up to date"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    store::Database database(context.databaseUrl);
    const store::MigrationOutcome outcome = store::Migrator(database).migrate();
    for (const std::string& name : outcome.applied) context.out << "applied " << name << "\n";
    context.out << database.displayName() << ": schema version " << outcome.toVersion
                << (outcome.applied.empty() ? " (already up to date)" : "") << "\n";
    return 0;
  }
};

class DbStatus : public Command {
 public:
  std::string name() const override { return "db status"; }
  std::string summary() const override { return "show the schema version, applied migrations and tables"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("schema", "", "also list every column and index"));
  }
  void handleOption(const std::string& name, const std::string&) override { schema_ = name == "schema"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    store::Database database(context.databaseUrl, {.createIfMissing = false});
    store::Migrator migrator(database);
    context.out << "database: " << database.displayName() << " (" << store::dialectName(database.dialect())
                << ")\n";
    const auto history = migrator.history();
    const int current = history.empty() ? 0 : history.back().version;
    context.out << "schema version: " << current << " of " << migrator.latestVersion() << "\n";
    for (const auto& row : history) context.out << "  " << row.name << "  applied " << row.appliedAt << "\n";
    if (schema_) {
      for (const std::string& line : store::describeSchema(database)) context.out << line << "\n";
    }
    return 0;
  }

 private:
  bool schema_ = false;
};

class DbSeed : public Command {
 public:
  std::string name() const override { return "db seed"; }
  std::string summary() const override { return "load the sample directory (parties and products)"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    const crm::SampleLoadOutcome outcome = crm::loadSampleDirectory(*database);
    context.out << database->displayName() << ": added " << outcome.partiesAdded << " parties and "
                << outcome.productsAdded << " products\n";
    return 0;
  }
};

class DbRebuildRollups : public Command {
 public:
  std::string name() const override { return "db rebuild-rollups"; }
  std::string summary() const override { return "rebuild the report rollups from the shipment tables"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    store::Transaction transaction(session);
    const std::int64_t counted = logistics::rebuildShipmentRollups(transaction);
    transaction.commit();
    context.out << database->displayName() << ": report rollups rebuilt from " << counted << " shipments\n";
    return 0;
  }
};

}  // namespace

std::vector<std::unique_ptr<Command>> dbCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<DbMigrate>());
  commands.push_back(std::make_unique<DbStatus>());
  commands.push_back(std::make_unique<DbSeed>());
  commands.push_back(std::make_unique<DbRebuildRollups>());
  return commands;
}

}  // namespace cli
