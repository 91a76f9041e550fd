#include "store/sqlite_thread_mode.h"

#include <sqlite3.h>

namespace store {

bool useSqliteMultiThreadMode() {
  if (sqlite3_threadsafe() == 0) return false;
  // sqlite3_config only works while the library is shut down; shutting down with a connection
  // open would pull resources from under it, so callers do this first thing.
  if (sqlite3_shutdown() != SQLITE_OK) return false;
  const bool multi = sqlite3_config(SQLITE_CONFIG_MULTITHREAD) == SQLITE_OK;
  // The statistics of sqlite3_status are read by no one; keeping them takes a mutex per malloc.
  if (multi) sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return sqlite3_initialize() == SQLITE_OK && multi;
}

}  // namespace store
