#include "server/http_server.h"

#include "server/request_router.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace server {

HttpServer::HttpServer(store::Database& database, ServerOptions options)
    : database_(database), options_(std::move(options)), threads_(2, options_.threads + 2) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  Poco::Net::ServerSocket socket;
  // SO_REUSEADDR for a quick restart, but not SO_REUSEPORT: a second server on the port must fail.
  socket.bind(Poco::Net::SocketAddress(options_.address, options_.port), true, false);
  socket.listen(64);
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options_.threads);
  params->setServerName("afterflow");
  params->setKeepAlive(true);
  // A client that sends half a request holds a thread at most this long, shutdown included.
  params->setTimeout(Poco::Timespan(5, 0));
  server_ = std::make_unique<Poco::Net::HTTPServer>(new RequestRouter(database_), threads_, socket, params);
  server_->start();
}

void HttpServer::stop() {
  if (!server_) return;
  server_->stopAll(false);
  threads_.joinAll();
  server_.reset();
}

std::uint16_t HttpServer::port() const { return server_ ? server_->port() : options_.port; }

std::string HttpServer::baseUrl() const {
  const std::string host = options_.address == "0.0.0.0" ? "127.0.0.1" : options_.address;
  return "http://" + host + ":" + std::to_string(port()) + "/";
}

}  // namespace server
