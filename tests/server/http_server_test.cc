#include "crm/sample_directory.h"
#include "server/http_server.h"
#include "reports/json_renderer.h"
#include "reports/service_report.h"
#include "tests/reports/generated_history.h"
#include "tests/support/test_database.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

using test_support::TestDatabase;

namespace {

struct Reply {
  int status = 0;
  std::string contentType;
  std::string body;
  Poco::JSON::Object::Ptr json() const { return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>(); }
};

Reply request(const server::HttpServer& server, const std::string& method, const std::string& path) {
  Poco::Net::HTTPClientSession client("127.0.0.1", server.port());
  Poco::Net::HTTPRequest httpRequest(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  client.sendRequest(httpRequest);
  Poco::Net::HTTPResponse response;
  std::istream& body = client.receiveResponse(response);
  Reply reply;
  reply.status = response.getStatus();
  reply.contentType = response.getContentType();
  Poco::StreamCopier::copyToString(body, reply.body);
  return reply;
}

// A server on a free port over a migrated test database with the sample directory.
struct RunningServer {
  TestDatabase test;
  std::unique_ptr<server::HttpServer> http;
  RunningServer() {
    crm::loadSampleDirectory(test.migrated());
    http = std::make_unique<server::HttpServer>(test.database(), server::ServerOptions{"127.0.0.1", 0, 4});
    http->start();
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(http_server)

BOOST_AUTO_TEST_CASE(health_answers_ok_with_the_backend_and_schema_version) {
  RunningServer running;
  const Reply reply = request(*running.http, "GET", "/health");
  BOOST_TEST(reply.status == 200);
  BOOST_TEST(reply.contentType.find("application/json") == 0u);
  const auto json = reply.json();
  BOOST_TEST(json->getValue<std::string>("status") == "ok");
  const auto db = json->getObject("database");
  BOOST_TEST(db->getValue<std::string>("backend") == test_support::backendName());
  BOOST_TEST(db->getValue<int>("schema_version") >= 1);
}

// An SQLite file cannot go away under an open handle; a PostgreSQL server can.
BOOST_AUTO_TEST_CASE(health_answers_503_when_the_database_goes_away,
                     *boost::unit_test::precondition(test_support::OnlyOnPostgresql())) {
  RunningServer running;
  BOOST_TEST(request(*running.http, "GET", "/health").status == 200);
  {
    // Terminate the server's connections, then refuse new ones.
    store::Database admin(running.test.adminUrl(), {.maxSessions = 1});
    Poco::Data::Session session = admin.session();
    session << "ALTER DATABASE " + running.test.name() + " ALLOW_CONNECTIONS false", Poco::Data::Keywords::now;
    int terminated = 0;
    session << "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ?",
        Poco::Data::Keywords::bind(running.test.name()),
        Poco::Data::Keywords::into(terminated), Poco::Data::Keywords::now;
    BOOST_TEST(terminated >= 1);
  }
  const Reply reply = request(*running.http, "GET", "/health");
  BOOST_TEST(reply.status == 503);
  BOOST_TEST(reply.json()->getValue<std::string>("status") == "unavailable");
  BOOST_TEST(!reply.json()->getObject("database")->getValue<std::string>("error").empty());
}

BOOST_AUTO_TEST_CASE(version_names_the_program_and_the_schema_it_supports) {
  RunningServer running;
  const auto json = request(*running.http, "GET", "/api/version").json();
  BOOST_TEST(json->getValue<std::string>("name") == "afterflow");
  BOOST_TEST(!json->getValue<std::string>("version").empty());
  BOOST_TEST(json->getValue<int>("schema_version_supported") >= 1);
}

BOOST_AUTO_TEST_CASE(parties_filter_by_role_and_refuse_an_unknown_role) {
  RunningServer running;
  const auto carriers = request(*running.http, "GET", "/api/parties?role=carrier").json();
  BOOST_TEST(carriers->getValue<int>("count") == 2);
  const Reply bad = request(*running.http, "GET", "/api/parties?role=pirate");
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(bad.json()->getValue<std::string>("error") == "unknown role 'pirate'");
}

BOOST_AUTO_TEST_CASE(unknown_paths_are_404_and_wrong_methods_405) {
  RunningServer running;
  BOOST_TEST(request(*running.http, "GET", "/no/such/thing").status == 404);
  const Reply malformed = request(*running.http, "GET", "/%zz");
  BOOST_TEST(malformed.status == 400);
  BOOST_TEST(malformed.json()->getValue<std::string>("error").find("malformed") == 0u);
  BOOST_TEST(request(*running.http, "DELETE", "/health").status == 405);
  const Reply home = request(*running.http, "GET", "/");
  BOOST_TEST(home.status == 200);
  BOOST_TEST(home.body.find("/api/version") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(stopping_with_requests_done_releases_the_port) {
  RunningServer running;
  const std::uint16_t port = running.http->port();
  BOOST_TEST(request(*running.http, "GET", "/health").status == 200);
  running.http->stop();
  server::HttpServer again(running.test.database(), server::ServerOptions{"127.0.0.1", port, 2});
  BOOST_CHECK_NO_THROW(again.start());
  BOOST_TEST(again.port() == port);
}

BOOST_AUTO_TEST_CASE(a_quarterly_report_over_http_is_the_report_the_library_builds_in_the_format_asked_for) {
  reports_test::GeneratedHistory history;
  server::HttpServer http(history.test.database(), server::ServerOptions{"127.0.0.1", 0, 2});
  http.start();

  reports::ReportRequest wanted;
  wanted.kind = reports::ReportKind::quarterly;
  wanted.period = *reports::parsePeriod("2026Q3");
  wanted.clientCode = "CLIENT1";
  Poco::Data::Session session = history.test.database().session();
  std::string problem;
  const auto built = reports::buildServiceReport(session, wanted, problem);
  BOOST_REQUIRE(built);
  BOOST_REQUIRE(built->totals.shipments > 0);

  const Reply json = request(http, "GET", "/api/reports/quarterly?period=2026Q3&client=CLIENT1");
  BOOST_TEST(json.status == 200);
  BOOST_TEST(json.contentType.find("application/json") == 0u);
  const auto root = json.json();
  BOOST_TEST(root->getValue<std::string>("period") == "2026Q3");
  BOOST_TEST(root->getObject("kpis")->getValue<std::int64_t>("shipments") == built->totals.shipments);
  BOOST_TEST(root->getArray("by_region")->size() == built->byRegion.size());

  const Reply html = request(http, "GET", "/api/reports/quarterly?period=2026Q3&client=CLIENT1&format=html");
  BOOST_TEST(html.status == 200);
  BOOST_TEST(html.contentType.find("text/html") == 0u);
  BOOST_TEST(html.body.find("<svg") != std::string::npos);
  const Reply csv = request(http, "GET", "/api/reports/monthly?period=2026-08&format=csv");
  BOOST_TEST(csv.status == 200);
  BOOST_TEST(csv.contentType.find("text/csv") == 0u);
  const Reply xml = request(http, "GET", "/api/reports/annual?period=2026&format=xml");
  BOOST_TEST(xml.status == 200);
  BOOST_TEST(xml.body.find("<?xml") == 0u);
}

BOOST_AUTO_TEST_CASE(a_report_request_with_a_wrong_period_format_or_client_is_refused_with_the_reason) {
  RunningServer running;
  const auto refused = [&](const std::string& path, int status, const std::string& reason) {
    const Reply reply = request(*running.http, "GET", path);
    BOOST_TEST(reply.status == status, path);
    BOOST_TEST(reply.json()->getValue<std::string>("error").find(reason) != std::string::npos, reply.body);
  };
  refused("/api/reports/quarterly", 400, "needs a period");
  refused("/api/reports/quarterly?period=2026-10", 400, "'2026-10' is not a quarter");
  refused("/api/reports/monthly?period=2026-10&format=pdf", 400, "unknown format 'pdf'");
  refused("/api/reports/monthly?period=2026-10&tolerance=-1", 400, "tolerance");
  refused("/api/reports/monthly?period=2026-10&colour=red", 400, "unknown parameter 'colour'");
  refused("/api/reports/monthly?period=2026-10&client=NOBODY", 404, "NOBODY");
  refused("/api/reports/weekly?period=2026-10", 404, "no such resource");
  BOOST_TEST(request(*running.http, "POST", "/api/reports/annual?period=2026").status == 405);
}

BOOST_AUTO_TEST_SUITE_END()
