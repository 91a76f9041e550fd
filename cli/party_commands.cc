// afterflow party list
#include "cli/command.h"
#include "crm/party_directory.h"

#include <iomanip>
#include <ostream>

namespace cli {
namespace {

class PartyList : public Command {
 public:
  std::string name() const override { return "party list"; }
  std::string summary() const override { return "list parties, optionally of one role"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("role", "", "customer, dealer, client, carrier, recycler or manufacturer")
                          .argument("ROLE"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name != "role") return;
    role_ = crm::partyRoleFromName(value);
    if (!role_) throw UsageError("unknown role '" + value + "'");
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    for (const crm::Party& party : crm::PartyDirectory(*database).list(role_)) {
      std::string roles;
      for (crm::PartyRole role : party.roles) roles += (roles.empty() ? "" : ",") + std::string(crm::partyRoleName(role));
      context.out << std::left << std::setw(16) << party.code << std::setw(36) << party.name << roles << "\n";
    }
    return 0;
  }

 private:
  std::optional<crm::PartyRole> role_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> partyCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<PartyList>());
  return commands;
}

}  // namespace cli
