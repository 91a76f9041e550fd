#include "server/json_endpoint.h"

#include "store/database_error.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <sstream>

namespace server {

JsonReply jsonError(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("error", message);
  return {status, body};
}

JsonReply failureReply(const Poco::Net::HTTPServerRequest& request, const Poco::Exception& failure) {
  Poco::Logger::get("server").error(request.getMethod() + " " + request.getURI() + ": " + failure.displayText());
  return jsonError(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR,
                   store::summarizeDriverMessage(failure.displayText()));
}

JsonReply failureReply(const Poco::Net::HTTPServerRequest& request, const std::exception& failure) {
  const std::string message = std::string("internal error: ") + failure.what();
  Poco::Logger::get("server").error(request.getMethod() + " " + request.getURI() + ": " + message);
  return jsonError(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, message);
}

void sendJson(Poco::Net::HTTPServerResponse& response, const JsonReply& reply) {
  response.setStatusAndReason(reply.status);
  response.setContentType("application/json; charset=utf-8");
  response.set("Cache-Control", "no-store");
  std::ostringstream text;
  reply.body->stringify(text);
  response.setContentLength(static_cast<std::streamsize>(text.str().size()));
  response.send() << text.str();
}

void JsonEndpoint::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  JsonReply reply;
  try {
    reply = function_(request);
  } catch (const Poco::SyntaxException& e) {
    reply = jsonError(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "malformed request: " + e.message());
  } catch (const Poco::Exception& e) {
    reply = failureReply(request, e);
  } catch (const std::exception& e) {
    reply = failureReply(request, e);
  }
  sendJson(response, reply);
}

}  // namespace server
