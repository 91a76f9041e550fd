// An HTTP handler that answers with JSON computed by a function, and turns an infrastructure
// exception into a 500 with a one-line error instead of a dropped connection.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <exception>
#include <functional>

namespace server {

struct JsonReply {
  Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK;
  Poco::JSON::Object::Ptr body;
};

using JsonFunction = std::function<JsonReply(const Poco::Net::HTTPServerRequest&)>;

class JsonEndpoint : public Poco::Net::HTTPRequestHandler {
 public:
  explicit JsonEndpoint(JsonFunction function) : function_(std::move(function)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  JsonFunction function_;
};

// A reply {"error": message} with the given status.
JsonReply jsonError(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message);

// The answer to an infrastructure failure (database down, I/O) while serving `request`: logged
// in full, a 500 with one line for the client, without the driver's dump of the SQL.
JsonReply failureReply(const Poco::Net::HTTPServerRequest& request, const Poco::Exception& failure);
// A failure that is not Poco's (a defect, or a library's own exception): logged, answered with 500.
JsonReply failureReply(const Poco::Net::HTTPServerRequest& request, const std::exception& failure);

void sendJson(Poco::Net::HTTPServerResponse& response, const JsonReply& reply);

}  // namespace server
