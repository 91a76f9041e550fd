// afterflow serve: runs the HTTP server until SIGTERM or Ctrl-C.
#include "cli/command.h"
#include "cli/stop_signal.h"
#include "server/http_server.h"

#include <Poco/NumberParser.h>

#include <csignal>
#include <ostream>

namespace cli {
namespace {

class Serve : public Command {
 public:
  std::string name() const override { return "serve"; }
  std::string summary() const override { return "serve the REST API and web pages until SIGTERM or Ctrl-C"; }
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("address", "", "address to listen on (default 127.0.0.1)").argument("ADDR"));
    options.addOption(Poco::Util::Option("port", "", "port to listen on (default 8080; 0 picks one)").argument("PORT"));
    options.addOption(Poco::Util::Option("threads", "", "request threads (default 8)").argument("N"));
  }
  void handleOption(const std::string& name, const std::string& value) override {
    unsigned number = 0;
    if (name == "address") {
      options_.address = value;
    } else if (name == "port") {
      if (!Poco::NumberParser::tryParseUnsigned(value, number) || number > 65535) {
        throw UsageError("--port takes a number from 0 to 65535, not '" + value + "'");
      }
      options_.port = static_cast<std::uint16_t>(number);
    } else if (name == "threads") {
      if (!Poco::NumberParser::tryParseUnsigned(value, number) || number < 1 || number > 256) {
        throw UsageError("--threads takes a number from 1 to 256, not '" + value + "'");
      }
      options_.threads = static_cast<int>(number);
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& arguments) override {
    if (!arguments.empty()) throw UsageError("takes no arguments");
    // Opening may wait on a slow server; until it is open, Ctrl-C keeps its default effect.
    auto database = context.openDatabase({.maxSessions = options_.threads + 4});

    // From here Ctrl-C and SIGTERM stop the server instead of the process.
    StopSignal stopSignal;
    server::HttpServer server(*database, options_);
    server.start();
    context.out << "afterflow: serving " << server.baseUrl() << " on " << database->displayName()
                << "; Ctrl-C stops" << std::endl;
    const int received = stopSignal.wait();
    context.out << "afterflow: " << (received == SIGTERM ? "SIGTERM" : "SIGINT") << " received, stopping"
                << std::endl;
    server.stop();
    context.out << "afterflow: stopped" << std::endl;
    return 0;
  }

 private:
  server::ServerOptions options_;
};

}  // namespace

std::unique_ptr<Command> serveCommand() { return std::make_unique<Serve>(); }

}  // namespace cli
