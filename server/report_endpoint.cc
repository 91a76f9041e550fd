#include "server/report_endpoint.h"

#include "reports/report_query.h"
#include "server/json_endpoint.h"

#include <Poco/URI.h>

#include <sstream>

namespace server {

using Poco::Net::HTTPResponse;

void ReportEndpoint::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  reports::ReportQuery query;
  std::ostringstream document;
  try {
    for (const auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters()) {
      if (const auto problem = reports::setReportParameter(query, name, value)) {
        return sendJson(response, jsonError(HTTPResponse::HTTP_BAD_REQUEST, *problem));
      }
    }
    if (const auto problem = reports::completeReportQuery(query, kind_)) {
      return sendJson(response, jsonError(HTTPResponse::HTTP_BAD_REQUEST, *problem));
    }
    Poco::Data::Session session = database_.session();
    std::string problem;
    const auto report = reports::buildServiceReport(session, query.request, problem);
    // The report's request names a client or carrier the database does not know.
    if (!report) return sendJson(response, jsonError(HTTPResponse::HTTP_NOT_FOUND, problem));
    reports::renderReport(*report, query.format, document);
  } catch (const Poco::SyntaxException& e) {
    return sendJson(response, jsonError(HTTPResponse::HTTP_BAD_REQUEST, "malformed request: " + e.message()));
  } catch (const Poco::Exception& e) {
    return sendJson(response, failureReply(request, e));
  } catch (const std::exception& e) {
    return sendJson(response, failureReply(request, e));
  }
  const std::string text = document.str();
  response.setContentType(reports::reportContentType(query.format));
  response.set("Cache-Control", "no-store");
  response.setContentLength(static_cast<std::streamsize>(text.size()));
  response.send() << text;
}

}  // namespace server
