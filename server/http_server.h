// afterflow's HTTP server: the REST API and web pages over one store::Database. It only adapts
// HTTP to library calls; every answer it gives is a call a test can make without it.
#pragma once

#include "store/database.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <cstdint>
#include <memory>
#include <string>

namespace server {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port; port() tells which
  int threads = 8;
};

class HttpServer {
 public:
  HttpServer(store::Database& database, ServerOptions options);
  ~HttpServer();

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving. Throws Poco::Net::NetException when the address cannot be bound.
  void start();
  // Stops accepting, lets requests in flight finish, and closes connections.
  void stop();

  std::uint16_t port() const;
  std::string baseUrl() const;

 private:
  store::Database& database_;
  ServerOptions options_;
  Poco::ThreadPool threads_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace server
