// afterflow send tender | send return-instruction: outbound documents to partners
#include "cli/command.h"
#include "crm/party_directory.h"
#include "edi/spec_catalog.h"
#include "exchange/outbound.h"
#include "exchange/own_identity.h"

#include <Poco/Environment.h>
#include <Poco/NumberParser.h>

#include <ostream>

namespace cli {
namespace {

using Poco::Util::Option;

// Our own party: --as, else $AFTERFLOW_OWN_PARTY (exchange/own_identity.h says why a party).
exchange::OwnIdentity ownIdentity(store::Database& database, const std::optional<std::string>& as) {
  const std::string code = as ? *as : Poco::Environment::get("AFTERFLOW_OWN_PARTY", "");
  if (code.empty()) throw UsageError("names no own party: --as CODE or AFTERFLOW_OWN_PARTY");
  crm::PartyDirectory parties(database);
  const auto identity = exchange::findOwnIdentity(parties, code);
  if (!identity) throw UsageError(identity.describe());
  return identity.value();
}

int report(const CommandContext& context, const logistics::Result<exchange::SentDocument>& sent) {
  if (!sent) {
    context.err << "not sent: " << sent.describe() << "\n";
    return 1;
  }
  const exchange::SentDocument& d = sent.value();
  context.out << "sent " << d.type << " interchange " << d.controlNumber << " (kept as interchange " << d.interchangeId
              << "), " << (d.deliveredPath ? "delivered to " + *d.deliveredPath : "no outbox: not delivered") << "\n";
  return 0;
}

double number(const std::string& option, const std::string& text) {
  double value = 0;
  if (!Poco::NumberParser::tryParseFloat(text, value)) throw UsageError("--" + option + " takes a number, not '" + text + "'");
  return value;
}

class SendTender : public Command {
 public:
  std::string name() const override { return "send tender"; }
  std::string summary() const override { return "send a carrier a load tender (X12 204 or EDIFACT IFTMIN)"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("as", "", "our own party code (default $AFTERFLOW_OWN_PARTY)").argument("CODE"));
    options.addOption(Option("client", "", "the client's party code").argument("CODE"));
    options.addOption(Option("carrier", "", "the carrier's party code (its profile picks 204 or IFTMIN)").argument("CODE"));
    options.addOption(Option("reference", "", "our shipment reference").argument("REF"));
    options.addOption(Option("bill-of-lading", "", "bill of lading number").argument("BOL"));
    options.addOption(Option("client-reference", "", "the client's reference").argument("REF"));
    for (const char* end : {"from", "to"}) {
      const std::string e = end;
      options.addOption(Option(e + "-name", "", "name at the " + e + " place").argument("NAME"));
      options.addOption(Option(e + "-street", "", "street").argument("STREET"));
      options.addOption(Option(e + "-city", "", "city").argument("CITY"));
      options.addOption(Option(e + "-postal-code", "", "postal code").argument("CODE"));
      options.addOption(Option(e + "-region", "", "state or region code").argument("CODE"));
      options.addOption(Option(e + "-country", "", "ISO 3166 two-letter country").argument("CC"));
    }
    options.addOption(Option("pickup-from", "", "window start, 2026-11-02T08:00:00.000Z").argument("TIME"));
    options.addOption(Option("pickup-until", "", "window end").argument("TIME"));
    options.addOption(Option("deliver-by", "", "latest delivery").argument("TIME"));
    options.addOption(Option("pieces", "", "number of pieces").argument("N"));
    options.addOption(Option("weight", "", "gross weight in kg").argument("KG"));
    options.addOption(Option("line", "", "a line: QUANTITY:SKU[:DESCRIPTION] (repeat)").argument("LINE").repeatable(true));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    exchange::PickupRequest& r = request_;
    if (name == "as") as_ = value;
    if (name == "client") r.clientCode = value;
    if (name == "carrier") r.carrierCode = value;
    if (name == "reference") r.shipmentReference = value;
    if (name == "bill-of-lading") r.billOfLading = value;
    if (name == "client-reference") r.clientReference = value;
    if (name.rfind("from-", 0) == 0 || name.rfind("to-", 0) == 0) {
      exchange::PickupStop& stop = name.rfind("from-", 0) == 0 ? r.origin : r.destination;
      const std::string field = name.substr(name.find('-') + 1);
      if (field == "name") stop.name = value;
      if (field == "street") stop.street = value;
      if (field == "city") stop.city = value;
      if (field == "postal-code") stop.postalCode = value;
      if (field == "region") stop.region = value;
      if (field == "country") stop.country = value;
    }
    if (name == "pickup-from") r.pickupFrom = value;
    if (name == "pickup-until") r.pickupUntil = value;
    if (name == "deliver-by") r.deliverBy = value;
    if (name == "pieces") r.pieces = static_cast<int>(number(name, value));
    if (name == "weight") r.weightKg = number(name, value);
    if (name == "line") {
      const auto first = value.find(':');
      if (first == std::string::npos) throw UsageError("--line takes QUANTITY:SKU[:DESCRIPTION], not '" + value + "'");
      const auto second = value.find(':', first + 1);
      exchange::PickupLine line;
      line.quantity = number(name, value.substr(0, first));
      line.sku = value.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
      if (second != std::string::npos) line.description = value.substr(second + 1);
      r.lines.push_back(line);
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes options only");
    auto database = context.openDatabase();
    edi::SpecCatalog catalog(edi::SpecCatalog::defaultSchemasRoot());
    exchange::Outbound outbound(*database, catalog, ownIdentity(*database, as_));
    return report(context, outbound.sendLoadTender(request_));
  }

 private:
  std::optional<std::string> as_;
  exchange::PickupRequest request_;
};

class SendReturnInstruction : public Command {
 public:
  std::string name() const override { return "send return-instruction"; }
  std::string summary() const override { return "send a recycler the return instruction (RETINS) for an RMA"; }
  std::string arguments() const override { return "RMA-NUMBER"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Option("as", "", "our own party code (default $AFTERFLOW_OWN_PARTY)").argument("CODE"));
    options.addOption(Option("to", "", "the recycler's party code").argument("CODE"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "as") as_ = value;
    if (name == "to") recycler_ = value;
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (arguments.size() != 1) throw UsageError("takes one RMA number");
    if (recycler_.empty()) throw UsageError("names no recycler: --to CODE");
    auto database = context.openDatabase();
    edi::SpecCatalog catalog(edi::SpecCatalog::defaultSchemasRoot());
    exchange::Outbound outbound(*database, catalog, ownIdentity(*database, as_));
    return report(context, outbound.sendReturnInstruction(arguments.front(), recycler_));
  }

 private:
  std::optional<std::string> as_;
  std::string recycler_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> sendCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<SendTender>());
  commands.push_back(std::make_unique<SendReturnInstruction>());
  return commands;
}

}  // namespace cli
