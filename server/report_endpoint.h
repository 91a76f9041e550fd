// GET /api/reports/{monthly|quarterly|annual}?period=...: a service report rendered as the
// `format` parameter asks (json, html, csv, xml), with the parameters of `afterflow report`.
// A long-running server keeps its database connections warm, which a report needs at scale.
#pragma once

#include "reports/service_report.h"
#include "store/database.h"

#include <Poco/Net/HTTPRequestHandler.h>

namespace server {

class ReportEndpoint : public Poco::Net::HTTPRequestHandler {
 public:
  ReportEndpoint(store::Database& database, reports::ReportKind kind) : database_(database), kind_(kind) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  store::Database& database_;
  reports::ReportKind kind_;
};

}  // namespace server
