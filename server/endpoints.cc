#include "server/endpoints.h"

#include "afterflow_version.h"
#include "crm/party_directory.h"
#include "store/health_check.h"
#include "store/migrator.h"

#include <Poco/JSON/Array.h>
#include <Poco/URI.h>

namespace server {

using Poco::JSON::Object;
using Poco::Net::HTTPResponse;

JsonReply healthReply(store::Database& database) {
  const store::Health health = store::checkHealth(database);
  Object::Ptr db = new Object;
  db->set("backend", std::string(store::dialectName(database.dialect())));
  db->set("reachable", health.ok);
  db->set("latency_ms", health.latencyMs);
  if (health.ok) db->set("schema_version", health.schemaVersion);
  if (!health.ok) db->set("error", health.error);
  Object::Ptr body = new Object;
  body->set("status", health.ok ? "ok" : "unavailable");
  body->set("database", db);
  return {health.ok ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_SERVICE_UNAVAILABLE, body};
}

JsonReply versionReply(store::Database& database) {
  Object::Ptr body = new Object;
  body->set("name", AFTERFLOW_NAME);
  body->set("version", AFTERFLOW_VERSION);
  body->set("schema_version_supported", store::Migrator(database).latestVersion());
  body->set("backend", std::string(store::dialectName(database.dialect())));
  return {HTTPResponse::HTTP_OK, body};
}

JsonReply partiesReply(store::Database& database, const Poco::Net::HTTPServerRequest& request) {
  std::optional<crm::PartyRole> role;
  for (const auto& [key, value] : Poco::URI(request.getURI()).getQueryParameters()) {
    if (key != "role") continue;
    role = crm::partyRoleFromName(value);
    if (!role) return jsonError(HTTPResponse::HTTP_BAD_REQUEST, "unknown role '" + value + "'");
  }
  Poco::JSON::Array::Ptr parties = new Poco::JSON::Array;
  for (const crm::Party& party : crm::PartyDirectory(database).list(role)) {
    Object::Ptr item = new Object;
    item->set("id", party.id);
    item->set("code", party.code);
    item->set("name", party.name);
    item->set("kind", party.person ? "person" : "organisation");
    Poco::JSON::Array::Ptr roles = new Poco::JSON::Array;
    for (crm::PartyRole r : party.roles) roles->add(std::string(crm::partyRoleName(r)));
    item->set("roles", roles);
    if (party.city) item->set("city", *party.city);
    if (party.region) item->set("region", *party.region);
    if (party.country) item->set("country", *party.country);
    parties->add(item);
  }
  Object::Ptr body = new Object;
  body->set("parties", parties);
  body->set("count", parties->size());
  return {HTTPResponse::HTTP_OK, body};
}

}  // namespace server
