#include "cli/stop_signal.h"

#include <Poco/Exception.h>

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace cli {
namespace {

// Shared with the handler, which may only touch async-signal-safe state.
int wakePipe[2] = {-1, -1};
volatile std::sig_atomic_t receivedSignal = 0;

extern "C" void onServeOrWatchStopSignal(int number) {
  const int savedErrno = errno;
  receivedSignal = number;
  const char byte = 1;
  [[maybe_unused]] const ssize_t written = ::write(wakePipe[1], &byte, 1);
  errno = savedErrno;
}

}  // namespace

StopSignal::StopSignal() {
  if (::pipe2(wakePipe, O_CLOEXEC) != 0) throw Poco::SystemException("cannot make the stop signal's pipe");
  receivedSignal = 0;
  struct sigaction action {};
  action.sa_handler = onServeOrWatchStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // the server's threads' calls go on where the handler interrupted them
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

StopSignal::~StopSignal() {
  restoreDefaults();
  ::close(wakePipe[0]);
  ::close(wakePipe[1]);
  wakePipe[0] = wakePipe[1] = -1;
}

int StopSignal::wait() {
  while (!waitFor(-1)) {
  }
  return receivedSignal;
}

bool StopSignal::waitFor(int milliseconds) {
  if (restored_) return true;  // woken before: the byte is read, the defaults are back
  pollfd wake{wakePipe[0], POLLIN, 0};
  const int ready = ::poll(&wake, 1, milliseconds);
  if (ready <= 0) return false;  // the time passed, or a signal interrupted the poll: look again
  char byte = 0;
  [[maybe_unused]] const ssize_t taken = ::read(wakePipe[0], &byte, 1);
  restoreDefaults();
  return true;
}

void StopSignal::restoreDefaults() {
  if (restored_) return;
  restored_ = true;
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

}  // namespace cli
