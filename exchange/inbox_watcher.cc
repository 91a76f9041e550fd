#include "exchange/inbox_watcher.h"

#include <Poco/Data/DataException.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/Process.h>

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <vector>

namespace exchange {
namespace {

constexpr const char* kClaimPrefix = ".claimed-";

std::string inside(const std::string& directory, const std::string& name) {
  return Poco::Path(Poco::Path(directory + "/"), name).toString();
}

bool processRuns(int pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

// The names of the files directly in `directory` that have landed whole, in name order.
std::vector<std::string> landedFiles(const std::string& directory) {
  std::vector<std::string> names;
  for (Poco::DirectoryIterator it(directory), end; it != end; ++it) {
    const std::string name = it.name();
    // A link is taken like a file (one to nothing is a file that cannot be read, not a crash).
    if (name.front() == '.' || Poco::Path(name).getExtension() == "part") continue;
    if (it->isLink() || it->isFile()) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Moves `path` into `directory` under its own name; false when another process moved it first.
bool moveInto(const std::string& path, const std::string& directory, const std::string& name) {
  try {
    Poco::File(path).renameTo(inside(directory, name));
    return true;
  } catch (const Poco::FileNotFoundException&) {
    return false;
  }
}

}  // namespace

InboxWatcher::InboxWatcher(Intake& intake, std::string inboxDirectory)
    : intake_(intake),
      inbox_(std::move(inboxDirectory)),
      claims_(inside(inbox_, kClaimPrefix + std::to_string(Poco::Process::id()))) {
  takeBackAbandonedClaims();
}

void InboxWatcher::takeBackAbandonedClaims() {
  // A watcher that died (a crash, SIGKILL) between claiming a file and moving it on leaves it in
  // its claim directory; the intake refuses it if it was kept already, so taking it again is safe.
  std::vector<std::string> abandoned;
  for (Poco::DirectoryIterator it(inbox_), end; it != end; ++it) {
    const std::string name = it.name();
    int pid = 0;
    if (name.rfind(kClaimPrefix, 0) != 0 || !it->isDirectory()) continue;
    if (!Poco::NumberParser::tryParse(name.substr(std::char_traits<char>::length(kClaimPrefix)), pid)) continue;
    if (pid == static_cast<int>(Poco::Process::id()) || !processRuns(pid)) abandoned.push_back(it->path());
  }
  for (const std::string& claims : abandoned) {
    for (const std::string& name : landedFiles(claims)) moveInto(inside(claims, name), inbox_, name);
    Poco::File(claims).remove(false);
  }
}

std::size_t InboxWatcher::takeWaiting(const std::function<void(const WatchedFile&)>& each) {
  std::size_t taken = 0;
  for (const std::string& name : landedFiles(inbox_)) {
    Poco::File(claims_).createDirectories();
    if (!moveInto(inside(inbox_, name), claims_, name)) continue;  // another watcher has it
    each(take(name, inside(claims_, name)));
    ++taken;
  }
  if (Poco::File(claims_).exists()) Poco::File(claims_).remove(false);
  return taken;
}

WatchedFile InboxWatcher::take(const std::string& name, const std::string& claimed) {
  WatchedFile file;
  file.name = name;
  try {
    file.report = intake_.receive(claimed);
  } catch (const Poco::Data::DataException&) {
    // The database, not the file: put the file back for the next watcher and stop.
    moveInto(claimed, inbox_, name);
    throw;
  } catch (const Poco::IOException& e) {
    file.unreadable = e.displayText();
  }
  if (file.report) {
    file.applied = file.report->status == InterchangeStatus::applied;
  }
  const std::string target = inside(inbox_, file.applied ? "done" : "failed");
  Poco::File(target).createDirectories();
  moveInto(claimed, target, name);
  file.movedTo = inside(target, name);
  if (!file.unreadable.empty()) {
    // Nothing of it could be kept in the database, so the reason stays beside the file.
    Poco::FileOutputStream note(file.movedTo + ".why");
    note << "not received: " << file.unreadable << "\n";
  }
  return file;
}

}  // namespace exchange
