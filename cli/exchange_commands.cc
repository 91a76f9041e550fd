// afterflow receive | watch | inbox list | inbox show | inbox replay | outbox deliver
#include "cli/command.h"
#include "cli/stop_signal.h"
#include "edi/spec_catalog.h"
#include "exchange/inbox_watcher.h"
#include "exchange/intake.h"
#include "exchange/interchange_store.h"
#include "exchange/outbox_delivery.h"
#include "logistics/partner_directory.h"

#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>

#include <iomanip>
#include <ostream>

namespace cli {
namespace {

std::int64_t interchangeId(const std::string& text) {
  std::int64_t id = 0;
  if (!Poco::NumberParser::tryParse64(text, id) || id <= 0) throw UsageError("not an interchange id: '" + text + "'");
  return id;
}

// --partner CODE -> the partner's party id, for commands that take one.
std::optional<std::int64_t> partnerId(store::Database& database, const std::optional<std::string>& code) {
  if (!code) return std::nullopt;
  Poco::Data::Session session = database.session();
  const auto profile = logistics::PartnerDirectory(session).findByCode(*code);
  if (!profile) throw UsageError("no partner profile for '" + *code + "' (see afterflow partner list)");
  return profile->partyId;
}

// One line per file: "FILE: interchange N applied: ..." (to err when it did not go in).
bool report(const CommandContext& context, const std::string& file, const exchange::IntakeReport& report) {
  const bool ok = report.status == exchange::InterchangeStatus::applied;
  (ok ? context.out : context.err) << file << ": interchange " << report.interchangeId << " " << report.summary
                                   << "\n";
  return ok || (report.duplicate && report.status == exchange::InterchangeStatus::applied);
}

class Receive : public Command {
 public:
  std::string name() const override { return "receive"; }
  std::string summary() const override { return "keep, validate, acknowledge and apply partner files"; }
  std::string arguments() const override { return "FILE..."; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("partner", "", "the sender's party code (else found from the envelope)")
                          .argument("CODE"));
    options.addOption(Poco::Util::Option("strict", "", "layout deviations are errors"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "partner") partner_ = value;
    if (name == "strict") options_.strict = true;
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.empty()) throw UsageError("names no file");
    auto database = context.openDatabase();
    options_.partnerId = partnerId(*database, partner_);
    edi::SpecCatalog catalog(edi::SpecCatalog::defaultSchemasRoot());
    exchange::Intake intake(*database, catalog);
    bool allApplied = true;
    for (const std::string& file : arguments) allApplied &= report(context, file, intake.receive(file, options_));
    return allApplied ? 0 : 1;
  }

 private:
  std::optional<std::string> partner_;
  exchange::ReceiveOptions options_;
};

class Watch : public Command {
 public:
  std::string name() const override { return "watch"; }
  std::string summary() const override { return "receive every file that lands in an inbox directory"; }
  std::string arguments() const override { return "DIR"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("interval", "", "seconds between looks (default 2)").argument("SECONDS"));
    options.addOption(Poco::Util::Option("once", "", "take what is there, then stop"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "once") once_ = true;
    if (name == "interval" && (!Poco::NumberParser::tryParse(value, interval_) || interval_ < 1)) {
      throw UsageError("--interval takes a whole number of seconds from 1");
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one directory");
    const Poco::Path inbox(arguments.front() + "/");
    if (!Poco::File(inbox).isDirectory()) throw UsageError("not a directory: " + inbox.toString());
    auto database = context.openDatabase();
    edi::SpecCatalog catalog(edi::SpecCatalog::defaultSchemasRoot());
    exchange::Intake intake(*database, catalog);
    exchange::InboxWatcher watcher(intake, inbox.toString());
    StopSignal stop;
    context.out << "watching " << inbox.toString() << "\n" << std::flush;
    bool allApplied = true;
    for (;;) {
      // Documents kept but not delivered (an outbox that could not be written) go out first.
      for (const std::string& path : exchange::deliverWaiting(*database)) context.out << "delivered " << path << "\n";
      watcher.takeWaiting([&](const exchange::WatchedFile& file) {
        if (file.report) {
          report(context, file.name, *file.report);
        } else {
          context.err << file.name << ": not received: " << file.unreadable << " (moved to " << file.movedTo << ")\n";
        }
        allApplied &= file.applied;
      });
      context.out << std::flush;
      if (once_ || stop.waitFor(interval_ * 1000)) break;
    }
    if (!once_) context.out << "stopped\n";
    return allApplied ? 0 : 1;
  }

 private:
  bool once_ = false;
  int interval_ = 2;
};

class InboxList : public Command {
 public:
  std::string name() const override { return "inbox list"; }
  std::string summary() const override { return "list received interchanges, newest first"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("status", "", "received, valid, invalid, applied or failed").argument("STATUS"));
    options.addOption(Poco::Util::Option("limit", "", "at most this many (default 50)").argument("N"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "status") {
      filter_.status = exchange::interchangeStatusFromName(value);
      if (!filter_.status) throw UsageError("unknown status '" + value + "'");
    }
    int limit = 0;
    if (name == "limit") {
      if (!Poco::NumberParser::tryParse(value, limit) || limit < 1) throw UsageError("--limit takes a number from 1");
      filter_.limit = static_cast<std::size_t>(limit);
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    filter_.direction = exchange::Direction::inbound;
    for (const exchange::InterchangeRecord& r : exchange::InterchangeStore(*database).list(filter_)) {
      context.out << std::left << std::setw(7) << r.id << std::setw(10) << interchangeStatusName(r.status)
                  << std::setw(25) << r.receivedAt << std::setw(9) << r.header.standard << std::setw(24)
                  << r.header.senderId << std::setw(11) << r.header.controlNumber << r.fileName << "\n";
    }
    return 0;
  }

 private:
  exchange::InterchangeFilter filter_{std::nullopt, std::nullopt, std::nullopt, 50};
};

class InboxShow : public Command {
 public:
  std::string name() const override { return "inbox show"; }
  std::string summary() const override { return "one interchange: envelope, status, every diagnostic"; }
  std::string arguments() const override { return "ID"; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one interchange id");
    const std::int64_t id = interchangeId(arguments.front());
    auto database = context.openDatabase();
    exchange::InterchangeStore store(*database);
    const auto record = store.find(id);
    if (!record) {
      context.err << "no interchange " << id << "\n";
      return 1;
    }
    context.out << "interchange " << record->id << " (" << directionName(record->direction) << ")\n"
                << "  file:      " << record->fileName << " (" << record->byteCount << " bytes, sha256 "
                << record->sha256 << ")\n"
                << "  envelope:  " << record->header.standard << " " << record->header.version << " from "
                << record->header.senderId << " to " << record->header.receiverId << ", control number "
                << record->header.controlNumber << "\n"
                << "  received:  " << record->receivedAt << "\n"
                << "  status:    " << interchangeStatusName(record->status) << " since " << record->statusChangedAt
                << " after " << record->attempts << " attempt(s)\n";
    if (record->error) context.out << "  reason:    " << *record->error << "\n";
    if (const auto answer = store.answerTo(id)) {
      context.out << "  answered:  interchange " << answer->id << " (" << answer->fileName << ")\n";
    }
    const auto diagnostics = store.diagnostics(id);
    if (!diagnostics.empty()) context.out << "diagnostics:\n";
    for (const edi::Diagnostic& d : diagnostics) context.out << "  " << edi::formatDiagnostic(d, record->fileName) << "\n";
    return 0;
  }
};

class InboxReplay : public Command {
 public:
  std::string name() const override { return "inbox replay"; }
  std::string summary() const override { return "process kept interchanges again after a fix"; }
  std::string arguments() const override { return "ID..."; }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.empty()) throw UsageError("names no interchange id");
    auto database = context.openDatabase();
    edi::SpecCatalog catalog(edi::SpecCatalog::defaultSchemasRoot());
    exchange::Intake intake(*database, catalog);
    bool allApplied = true;
    for (const std::string& text : arguments) {
      allApplied &= report(context, text, intake.replay(interchangeId(text)));
    }
    return allApplied ? 0 : 1;
  }
};

class OutboxDeliver : public Command {
 public:
  std::string name() const override { return "outbox deliver"; }
  std::string summary() const override {
    return "write kept documents that never reached their partner's outbox (acks, tenders, instructions)";
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    auto database = context.openDatabase();
    const std::vector<std::string> written = exchange::deliverWaiting(*database);
    for (const std::string& path : written) context.out << "delivered " << path << "\n";
    context.out << written.size() << " documents delivered\n";
    return 0;
  }
};

}  // namespace

std::vector<std::unique_ptr<Command>> exchangeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<Receive>());
  commands.push_back(std::make_unique<Watch>());
  commands.push_back(std::make_unique<InboxList>());
  commands.push_back(std::make_unique<InboxShow>());
  commands.push_back(std::make_unique<InboxReplay>());
  commands.push_back(std::make_unique<OutboxDeliver>());
  return commands;
}

}  // namespace cli
