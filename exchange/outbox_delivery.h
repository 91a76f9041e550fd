// Delivery to a partner's outbox directory (the directory-drop transport): the file is written
// under a temporary name, synced and renamed, so a partner's pickup never sees half a file. An
// outbound interchange is kept first and marked delivered after; one kept but not delivered
// (the outbox could not be written, a crash in between) is delivered by deliverWaiting.
#pragma once

#include "exchange/interchange_record.h"
#include "exchange/interchange_store.h"
#include "store/database.h"

#include <string>
#include <vector>

namespace exchange {

// Writes `bytes` to `directory`/`name` (creating the directory) and returns the path.
// Throws Poco's file exceptions when the directory cannot be written.
std::string deliverToOutbox(const std::string& directory, const std::string& name, const std::string& bytes);

// Delivers the kept outbound interchange `record` to `directory` (its bytes read back from the
// store) and marks it delivered; one delivered before is neither read nor written again, since
// its partner may have picked it up already. Returns its path in the outbox.
std::string deliverKept(InterchangeStore& store, const InterchangeRecord& record, const std::string& directory);

// Delivers every outbound interchange kept but not delivered whose partner has an outbox now,
// oldest first; returns the paths written. A partner without an outbox keeps its documents
// waiting (in the database) until it gets one.
std::vector<std::string> deliverWaiting(store::Database& database);

}  // namespace exchange
