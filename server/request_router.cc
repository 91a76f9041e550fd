#include "server/request_router.h"

#include "afterflow_version.h"
#include "server/endpoints.h"
#include "server/json_endpoint.h"
#include "server/report_endpoint.h"

#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <optional>

namespace server {
namespace {

using Poco::Net::HTTPResponse;

// The landing page: where a person finds the API from a browser.
class HomePage : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override {
    const std::string html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>afterflow</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;line-height:1.5}"
        "code{background:#f3f3f3;padding:0 .3em}</style></head><body>"
        "<h1>afterflow " AFTERFLOW_VERSION "</h1>"
        "<p>After-sales service logistics: sales, shipments, returns, disposal and service reports.</p>"
        "<ul><li><a href=\"/health\"><code>GET /health</code></a>: is the database reachable</li>"
        "<li><a href=\"/api/version\"><code>GET /api/version</code></a>: program and schema version</li>"
        "<li><a href=\"/api/parties\"><code>GET /api/parties</code></a>: customers, dealers, clients, "
        "carriers and recyclers (<a href=\"/api/parties?role=carrier\">carriers only</a>)</li>"
        "<li><code>GET /api/reports/monthly|quarterly|annual?period=...</code>: a service report, with "
        "<code>client</code>, <code>carrier</code>, <code>region</code>, <code>tolerance</code>, "
        "<code>lost_after</code> and <code>format</code> (json, html, csv, xml) as in <code>afterflow report</code>; "
        "the demo's: <a href=\"/api/reports/quarterly?period=2025Q4&amp;format=html\">2025Q4 in HTML</a></li></ul>"
        "</body></html>";
    response.setContentType("text/html; charset=utf-8");
    response.setContentLength(static_cast<std::streamsize>(html.size()));
    response.send() << html;
  }
};

}  // namespace

Poco::Net::HTTPRequestHandler* RequestRouter::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::SyntaxException& e) {
    return new JsonEndpoint([message = e.message()](const auto&) {
      return jsonError(HTTPResponse::HTTP_BAD_REQUEST, "malformed request URI: " + message);
    });
  }
  const bool get = request.getMethod() == Poco::Net::HTTPRequest::HTTP_GET;
  store::Database& db = database_;

  if (get && path == "/") return new HomePage;
  if (get && path == "/health") return new JsonEndpoint([&db](const auto&) { return healthReply(db); });
  if (get && path == "/api/version") return new JsonEndpoint([&db](const auto&) { return versionReply(db); });
  if (get && path == "/api/parties") {
    return new JsonEndpoint([&db](const auto& r) { return partiesReply(db, r); });
  }
  std::optional<reports::ReportKind> reportKind;
  for (const auto kind : {reports::ReportKind::monthly, reports::ReportKind::quarterly, reports::ReportKind::annual}) {
    if (path == std::string("/api/reports/") + reports::reportKindName(kind)) reportKind = kind;
  }
  if (get && reportKind) return new ReportEndpoint(db, *reportKind);
  const bool known = path == "/" || path == "/health" || path == "/api/version" || path == "/api/parties" ||
                     reportKind.has_value();
  return new JsonEndpoint([known, path, method = request.getMethod()](const auto&) {
    return known ? jsonError(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, method + " is not allowed on " + path)
                 : jsonError(HTTPResponse::HTTP_NOT_FOUND, "no such resource: " + path);
  });
}

}  // namespace server
