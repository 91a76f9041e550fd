#include "store/health_check.h"

#include "store/database_error.h"

#include <Poco/Nullable.h>
#include <Poco/Stopwatch.h>

using namespace Poco::Data::Keywords;

namespace store {

Health checkHealth(Database& database) {
  Health health;
  Poco::Stopwatch clock;
  clock.start();
  try {
    Poco::Data::Session session = database.session();
    Poco::Nullable<int> version;
    session << "SELECT max(version) FROM schema_version", into(version), now;
    health.schemaVersion = version.isNull() ? 0 : version.value();
    health.ok = true;
  } catch (const Poco::Exception& e) {
    health.error = summarizeDriverMessage(e.displayText());
  }
  health.latencyMs = static_cast<double>(clock.elapsed()) / 1000.0;
  return health;
}

}  // namespace store
