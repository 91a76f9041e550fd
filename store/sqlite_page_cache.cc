#include "store/sqlite_page_cache.h"

#include "store/dialect.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <string>

using namespace Poco::Data::Keywords;

namespace store {

SqlitePageCache::SqlitePageCache(Poco::Data::Session& session, std::int64_t kib) : session_(session) {
  if (sessionDialect(session) != Dialect::sqlite) return;
  session_ << "PRAGMA cache_size", into(before_), now;
  std::int64_t pageSize = 4096;
  session_ << "PRAGMA page_size", into(pageSize), now;
  const std::int64_t beforeKib = before_ < 0 ? -before_ : before_ * pageSize / 1024;
  if (kib <= beforeKib) return;
  session_ << "PRAGMA cache_size = " + std::to_string(-kib), now;
  changed_ = true;
}

SqlitePageCache::~SqlitePageCache() {
  if (!changed_) return;
  try {
    session_ << "PRAGMA cache_size = " + std::to_string(before_), now;
  } catch (const Poco::Exception& e) {
    // A pooled session keeping a larger cache is harmless; say so and go on.
    Poco::Logger::get("store").warning("could not restore the SQLite cache size: " + e.displayText());
  }
}

}  // namespace store
