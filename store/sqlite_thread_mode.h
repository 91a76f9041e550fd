// SQLite's multi-thread mode for a process whose connections each stay on one thread at a time
// (a command line run): no mutex taken per call on a connection or per allocation, which
// serialized mode (the library's default) pays on every bind and step of a bulk load.
#pragma once

namespace store {

// Switches the SQLite library of this process to multi-thread mode without memory statistics.
// Only before any SQLite connection is open (it re-initializes the library); false, and the
// mode unchanged, when SQLite refuses (a build without threads, a connection already open).
bool useSqliteMultiThreadMode();

}  // namespace store
