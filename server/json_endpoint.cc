#include "server/json_endpoint.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace server {

JsonReply jsonError(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("error", message);
  return {status, body};
}

void JsonEndpoint::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  JsonReply reply;
  try {
    reply = function_(request);
  } catch (const Poco::Exception& e) {
    Poco::Logger::get("server").error(request.getMethod() + " " + request.getURI() + ": " + e.displayText());
    reply = jsonError(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, e.displayText());
  }
  response.setStatus(reply.status);
  response.setContentType("application/json; charset=utf-8");
  response.set("Cache-Control", "no-store");
  std::ostringstream text;
  reply.body->stringify(text);
  response.setContentLength(static_cast<std::streamsize>(text.str().size()));
  response.send() << text.str();
}

}  // namespace server
