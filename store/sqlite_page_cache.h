// A larger SQLite page cache on one session for the length of a bulk load, and the session's own
// size back afterwards (sessions are pooled and outlive the load). Nothing on PostgreSQL, whose
// server sizes its own buffers.
#pragma once

#include <Poco/Data/Session.h>

#include <cstdint>

namespace store {

class SqlitePageCache {
 public:
  // At least `kib` KiB, never less than the session has already.
  SqlitePageCache(Poco::Data::Session& session, std::int64_t kib);
  ~SqlitePageCache();
  SqlitePageCache(const SqlitePageCache&) = delete;
  SqlitePageCache& operator=(const SqlitePageCache&) = delete;

 private:
  Poco::Data::Session& session_;
  std::int64_t before_ = 0;  // PRAGMA cache_size: negative in KiB, positive in pages
  bool changed_ = false;
};

}  // namespace store
