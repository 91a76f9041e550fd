// The REST API's answers, one function per route, each a thin reading of a library call, so a
// route shows the same figures as the CLI command over the same library.
#pragma once

#include "server/json_endpoint.h"
#include "store/database.h"

namespace server {

// GET /health: 200 when the database answers, 503 when it does not.
JsonReply healthReply(store::Database& database);
// GET /api/version: the program's version and the schema versions it knows and finds.
JsonReply versionReply(store::Database& database);
// GET /api/parties[?role=carrier]
JsonReply partiesReply(store::Database& database, const Poco::Net::HTTPServerRequest& request);

}  // namespace server
