// afterflow partner add | list | show
#include "cli/command.h"
#include "logistics/partner_directory.h"
#include "store/transaction.h"

#include <iomanip>
#include <ostream>
#include <set>

namespace cli {
namespace {

using Poco::Util::Option;

std::string acksOf(const logistics::PartnerProfile& profile) {
  std::string acks = logistics::functionalAckName(profile.functionalAck);
  if (profile.wantsTa1) acks += "+TA1";
  return acks;
}

std::string senderOf(const logistics::PartnerProfile& profile) {
  if (profile.standard == logistics::EdiStandard::x12) {
    return profile.x12IsaQualifier.value_or("") + ":" + profile.x12IsaId.value_or("");
  }
  return profile.edifactUnbId.value_or("") + (profile.edifactUnbQualifier ? ":" + *profile.edifactUnbQualifier : "");
}

class PartnerAdd : public Command {
 public:
  std::string name() const override { return "partner add"; }
  std::string summary() const override { return "add the EDI profile of a carrier, recycler, dealer or client"; }
  std::string arguments() const override { return "PARTY-CODE"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("role", "", "carrier, recycler, dealer or client (the party must hold it)")
                          .argument("ROLE"));
    options.addOption(Option("standard", "", "x12 or edifact").argument("STANDARD"));
    options.addOption(Option("version", "", "004010, 005010 (X12); D96A, D01B (EDIFACT)").argument("VERSION"));
    options.addOption(Option("isa-qualifier", "", "X12: the ISA05/ISA07 qualifier, e.g. ZZ or 02").argument("QUALIFIER"));
    options.addOption(Option("isa-id", "", "X12: the ISA06/ISA08 id").argument("ID"));
    options.addOption(Option("gs-code", "", "X12: the GS02/GS03 application code").argument("CODE"));
    options.addOption(Option("unb-id", "", "EDIFACT: the UNB sender/recipient id").argument("ID"));
    options.addOption(Option("unb-qualifier", "", "EDIFACT: the UNB id code qualifier, e.g. 14 or ZZZ").argument("QUALIFIER"));
    options.addOption(Option("ack", "", "the functional acknowledgment expected: 997, 999, CONTRL or none (default)")
                          .argument("ACK"));
    options.addOption(Option("ta1", "", "X12: also expects a TA1 interchange acknowledgment"));
    options.addOption(Option("inbox", "", "directory the partner's files arrive in").argument("DIR"));
    options.addOption(Option("outbox", "", "directory files for the partner are written to").argument("DIR"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    given_.insert(name);
    if (name == "role") {
      const auto role = logistics::partnerRoleFromName(value);
      if (!role) throw UsageError("unknown role '" + value + "'");
      profile_.role = *role;
    } else if (name == "standard") {
      const auto standard = logistics::ediStandardFromName(value);
      if (!standard) throw UsageError("unknown standard '" + value + "'; x12 or edifact");
      profile_.standard = *standard;
    } else if (name == "ack") {
      const auto ack = logistics::functionalAckFromName(value);
      if (!ack) throw UsageError("unknown acknowledgment '" + value + "'; 997, 999, CONTRL or none");
      profile_.functionalAck = *ack;
    } else if (name == "version") {
      profile_.version = value;
    } else if (name == "isa-qualifier") {
      profile_.x12IsaQualifier = value;
    } else if (name == "isa-id") {
      profile_.x12IsaId = value;
    } else if (name == "gs-code") {
      profile_.x12GsCode = value;
    } else if (name == "unb-id") {
      profile_.edifactUnbId = value;
    } else if (name == "unb-qualifier") {
      profile_.edifactUnbQualifier = value;
    } else if (name == "ta1") {
      profile_.wantsTa1 = true;
    } else if (name == "inbox") {
      profile_.inboxDirectory = value;
    } else if (name == "outbox") {
      profile_.outboxDirectory = value;
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one party code");
    for (const char* option : {"role", "standard", "version"}) {
      if (!given_.count(option)) throw UsageError(std::string("--") + option + " is required");
    }
    profile_.partyCode = arguments.front();
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    store::Transaction transaction(session);
    const auto added = logistics::PartnerDirectory(session).add(transaction, profile_);
    if (!added.ok()) {
      for (const auto& problem : added.problems()) context.err << "afterflow partner add: " << problem.describe() << "\n";
      return 1;
    }
    transaction.commit();
    context.out << "added " << logistics::partnerRoleName(profile_.role) << " partner " << profile_.partyCode << " ("
                << logistics::ediStandardName(profile_.standard) << " " << profile_.version << ")\n";
    return 0;
  }

 private:
  logistics::PartnerProfile profile_;
  std::set<std::string> given_;
};

class PartnerList : public Command {
 public:
  std::string name() const override { return "partner list"; }
  std::string summary() const override { return "list partner profiles, optionally of one role"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("role", "", "carrier, recycler, dealer or client").argument("ROLE"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name != "role") return;
    role_ = logistics::partnerRoleFromName(value);
    if (!role_) throw UsageError("unknown role '" + value + "'");
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    for (const auto& profile : logistics::PartnerDirectory(session).list(role_)) {
      context.out << std::left << std::setw(16) << profile.partyCode << std::setw(10)
                  << logistics::partnerRoleName(profile.role) << std::setw(16)
                  << (std::string(logistics::ediStandardName(profile.standard)) + " " + profile.version)
                  << std::setw(24) << senderOf(profile) << acksOf(profile) << "\n";
    }
    return 0;
  }

 private:
  std::optional<logistics::PartnerRole> role_;
};

class PartnerShow : public Command {
 public:
  std::string name() const override { return "partner show"; }
  std::string summary() const override { return "show one partner's profile"; }
  std::string arguments() const override { return "PARTY-CODE"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one party code");
    auto database = context.openDatabase();
    Poco::Data::Session session = database->session();
    const auto profile = logistics::PartnerDirectory(session).findByCode(arguments.front());
    if (!profile) {
      context.err << "afterflow partner show: no partner profile for '" << arguments.front()
                  << "'; see afterflow partner list\n";
      return 1;
    }
    auto line = [&](const char* label, const std::string& value) {
      context.out << std::left << std::setw(12) << label << value << "\n";
    };
    line("party", profile->partyCode + " (" + profile->partyName + ")");
    line("role", logistics::partnerRoleName(profile->role));
    line("standard", std::string(logistics::ediStandardName(profile->standard)) + " " + profile->version);
    if (profile->standard == logistics::EdiStandard::x12) {
      line("isa", senderOf(*profile));
      if (profile->x12GsCode) line("gs", *profile->x12GsCode);
    } else {
      line("unb", senderOf(*profile));
    }
    line("acks", acksOf(*profile));
    line("inbox", profile->inboxDirectory.value_or("-"));
    line("outbox", profile->outboxDirectory.value_or("-"));
    return 0;
  }
};

}  // namespace

std::vector<std::unique_ptr<Command>> partnerCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<PartnerAdd>());
  commands.push_back(std::make_unique<PartnerList>());
  commands.push_back(std::make_unique<PartnerShow>());
  return commands;
}

}  // namespace cli
