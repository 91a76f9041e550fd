// Delivery to a partner's outbox directory (the directory-drop transport): the file is written
// under a temporary name and renamed, so a partner's pickup never sees half a file.
#pragma once

#include <string>

namespace exchange {

// Writes `bytes` to `directory`/`name` (creating the directory) and returns the path.
// Throws Poco's file exceptions when the directory cannot be written.
std::string deliverToOutbox(const std::string& directory, const std::string& name, const std::string& bytes);

}  // namespace exchange
