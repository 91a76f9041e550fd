// Maps each request to its handler by method and path. Internal to the server module: the
// routes themselves (and what each answers) are listed in README.md and server/endpoints.h.
#pragma once

#include "store/database.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace server {

class RequestRouter : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit RequestRouter(store::Database& database) : database_(database) {}

  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

 private:
  store::Database& database_;
};

}  // namespace server
