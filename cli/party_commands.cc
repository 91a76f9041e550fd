// afterflow party add | list | show
#include "cli/command.h"
#include "crm/party_directory.h"

#include <iomanip>
#include <ostream>

namespace cli {
namespace {

using Poco::Util::Option;

std::string rolesOf(const crm::Party& party) {
  std::string roles;
  for (crm::PartyRole role : party.roles) roles += (roles.empty() ? "" : ",") + std::string(crm::partyRoleName(role));
  return roles;
}

class PartyAdd : public Command {
 public:
  std::string name() const override { return "party add"; }
  std::string summary() const override { return "add a client, carrier, recycler, dealer or manufacturer"; }
  std::string arguments() const override { return "CODE"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("name", "", "the party's name").argument("NAME"));
    options.addOption(Option("role", "", "customer, dealer, client, carrier, recycler or manufacturer (repeat)")
                          .argument("ROLE")
                          .repeatable(true));
    options.addOption(Option("id", "", "an identifier partners know it by, SCHEME=VALUE: scac=FSTF, x12:ZZ=ACME, "
                                       "edifact:14=4000000000001, gln=... (repeat)")
                          .argument("SCHEME=VALUE")
                          .repeatable(true));
    options.addOption(Option("person", "", "a person rather than an organisation"));
    for (const char* field : {"email", "phone", "street", "city", "postal-code", "region", "country"}) {
      options.addOption(Option(field, "", std::string("the party's ") + field).argument("TEXT"));
    }
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "name") {
      party_.name = value;
    } else if (name == "role") {
      const auto role = crm::partyRoleFromName(value);
      if (!role) throw UsageError("unknown role '" + value + "'");
      party_.roles.push_back(*role);
    } else if (name == "id") {
      const auto equals = value.find('=');
      if (equals == std::string::npos) throw UsageError("--id takes SCHEME=VALUE, e.g. scac=FSTF");
      party_.identifiers.push_back({value.substr(0, equals), value.substr(equals + 1)});
    } else if (name == "person") {
      party_.person = true;
    } else if (name == "email") {
      party_.email = value;
    } else if (name == "phone") {
      party_.phone = value;
    } else if (name == "street") {
      party_.street = value;
    } else if (name == "city") {
      party_.city = value;
    } else if (name == "postal-code") {
      party_.postalCode = value;
    } else if (name == "region") {
      party_.region = value;
    } else if (name == "country") {
      party_.country = value;
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one party code");
    party_.code = arguments.front();
    auto database = context.openDatabase();
    const auto added = crm::PartyDirectory(*database).enroll(party_);
    if (!added.ok()) {
      for (const auto& problem : added.problems()) context.err << "afterflow party add: " << problem.describe() << "\n";
      return 1;
    }
    context.out << "added party " << party_.code << " (" << rolesOf(party_) << ")\n";
    return 0;
  }

 private:
  crm::Party party_;
};

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
      context.out << std::left << std::setw(16) << party.code << std::setw(36) << party.name << rolesOf(party) << "\n";
    }
    return 0;
  }

 private:
  std::optional<crm::PartyRole> role_;
};

class PartyShow : public Command {
 public:
  std::string name() const override { return "party show"; }
  std::string summary() const override { return "show one party: roles, identifiers, contact"; }
  std::string arguments() const override { return "CODE"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one party code");
    auto database = context.openDatabase();
    const auto party = crm::PartyDirectory(*database).findByCode(arguments.front());
    if (!party) {
      context.err << "afterflow party show: no party has code '" << arguments.front()
                  << "'; see afterflow party list\n";
      return 1;
    }
    auto line = [&](const char* label, const std::optional<std::string>& value) {
      if (value) context.out << std::left << std::setw(12) << label << *value << "\n";
    };
    line("party", party->code + " (" + party->name + ")");
    line("kind", std::string(party->person ? "person" : "organisation"));
    line("roles", rolesOf(*party));
    for (const crm::PartyIdentifier& identifier : party->identifiers) {
      line("id", identifier.scheme + "=" + identifier.value);
    }
    line("email", party->email);
    line("phone", party->phone);
    line("street", party->street);
    line("city", party->city);
    line("postal code", party->postalCode);
    line("region", party->region);
    line("country", party->country);
    return 0;
  }
};

}  // namespace

std::vector<std::unique_ptr<Command>> partyCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<PartyAdd>());
  commands.push_back(std::make_unique<PartyList>());
  commands.push_back(std::make_unique<PartyShow>());
  return commands;
}

}  // namespace cli
