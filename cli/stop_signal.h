// Waiting for Ctrl-C or SIGTERM (serve, watch) in a process that already runs threads of its own (opening the
// database starts the session pool's janitor thread). A handler, run by whichever thread the
// kernel picks, wakes the waiting thread through a pipe. sigwait would need the signals blocked
// in every thread, and a thread started before the block takes them with the default action:
// the server then died of its own Ctrl-C instead of stopping.
#pragma once

namespace cli {

class StopSignal {
 public:
  // Handles SIGINT and SIGTERM from here on (one StopSignal at a time in a process). Throws
  // Poco::SystemException when its pipe cannot be made.
  StopSignal();
  // Restores the default actions if wait() has not.
  ~StopSignal();
  StopSignal(const StopSignal&) = delete;
  StopSignal& operator=(const StopSignal&) = delete;

  // Blocks until one of the signals arrives and returns its number. The default actions are
  // back when it returns, so a second Ctrl-C during shutdown ends the process at once.
  int wait();
  // The same for at most `milliseconds`: whether a signal arrived (now or before).
  bool waitFor(int milliseconds);

 private:
  void restoreDefaults();
  bool restored_ = false;
};

}  // namespace cli
