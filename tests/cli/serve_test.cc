#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <regex>

using test_support::RunningProgram;
using test_support::TestDatabase;

namespace {

int getStatus(const std::string& baseUrl, const std::string& path, std::string& body) {
  const Poco::URI uri(baseUrl);
  Poco::Net::HTTPClientSession client(uri.getHost(), uri.getPort());
  Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
  client.sendRequest(request);
  Poco::Net::HTTPResponse response;
  Poco::StreamCopier::copyToString(client.receiveResponse(response), body);
  return response.getStatus();
}

void servesHealthThenStopsOn(int signalNumber, const std::string& signalName) {
  TestDatabase test;
  RunningProgram program({"--db", test.url(), "serve", "--port", "0"});
  const std::string banner = program.readLine();
  std::smatch match;
  BOOST_REQUIRE_MESSAGE(std::regex_search(banner, match, std::regex("serving (http://[0-9.]+:[0-9]+/)")), banner);
  std::string body;
  BOOST_TEST(getStatus(match[1], "/health", body) == 200);
  BOOST_TEST(body.find("\"status\":\"ok\"") != std::string::npos);
  program.signal(signalNumber);
  BOOST_TEST(program.wait() == 0);
  const std::string rest = program.remainingOutput();
  BOOST_TEST(rest.find(signalName + " received, stopping") != std::string::npos, rest);
  BOOST_TEST(rest.find("afterflow: stopped") != std::string::npos, rest);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve)

BOOST_AUTO_TEST_CASE(serve_answers_health_and_stops_cleanly_on_sigterm) { servesHealthThenStopsOn(SIGTERM, "SIGTERM"); }

BOOST_AUTO_TEST_CASE(serve_stops_cleanly_on_ctrl_c) { servesHealthThenStopsOn(SIGINT, "SIGINT"); }

BOOST_AUTO_TEST_CASE(serve_on_a_port_in_use_fails_with_one_line) {
  TestDatabase test;
  RunningProgram first({"--db", test.url(), "serve", "--port", "0"});
  const std::string banner = first.readLine();
  std::smatch match;
  BOOST_REQUIRE(std::regex_search(banner, match, std::regex(":([0-9]+)/")));
  const auto second = test_support::runAfterflow({"--db", test.url(), "serve", "--port", match[1]});
  BOOST_TEST(second.exitCode == 1);
  BOOST_TEST(second.err.find("Address already in use") != std::string::npos, second.err);
  first.signal(SIGTERM);
  BOOST_TEST(first.wait() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
