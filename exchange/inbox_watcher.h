// A watched inbox directory (`afterflow watch DIR`): every file that has landed whole is claimed,
// received through Intake, and moved to done/ or failed/. A file that cannot be read is moved to
// failed/ with a note of why beside it; only the database failing stops the watcher.
#pragma once

#include "exchange/intake.h"

#include <functional>
#include <optional>
#include <string>

namespace exchange {

// What became of one file taken from the inbox.
struct WatchedFile {
  std::string name;                   // as it landed in the inbox
  std::optional<IntakeReport> report; // the intake's answer; empty when the file could not be read
  std::string unreadable;             // why the file could not be read, when it could not
  bool applied = false;               // applied now, or found applied before
  std::string movedTo;                // its path in done/ or failed/
};

class InboxWatcher {
 public:
  // Files a sender is still writing carry a leading dot or the extension .part and are left
  // where they are. Claims left by a watcher process that no longer runs are taken back.
  InboxWatcher(Intake& intake, std::string inboxDirectory);

  // Takes every file waiting now, in name order, and tells `each` about each one as it is done.
  // Another watcher on the same inbox never takes the same file: a file is claimed by renaming
  // it into this process's own claim directory first. Returns the number of files taken.
  std::size_t takeWaiting(const std::function<void(const WatchedFile&)>& each);

 private:
  WatchedFile take(const std::string& name, const std::string& claimed);
  void takeBackAbandonedClaims();

  Intake& intake_;
  std::string inbox_;
  std::string claims_;  // this process's claim directory inside the inbox
};

}  // namespace exchange
