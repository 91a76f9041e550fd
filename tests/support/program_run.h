// Runs the built `afterflow` program as a user would, capturing its output and exit code, so
// command-line behaviour (messages, exit codes, signals) is tested on the real binary.
#pragma once

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <memory>
#include <string>
#include <vector>

namespace test_support {

struct ProgramResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Path of the afterflow binary under test (set by CMake).
std::string afterflowBinary();

// Runs to completion. Suited to commands whose output is small (under a pipe buffer on stderr).
ProgramResult runAfterflow(const std::vector<std::string>& arguments);

// A long-running afterflow (serve): read its output line by line, signal it, wait for it.
class RunningProgram {
 public:
  explicit RunningProgram(const std::vector<std::string>& arguments);
  ~RunningProgram();

  // The next line of standard output; empty at end of output.
  std::string readLine();
  void signal(int number);
  int wait();
  std::string remainingOutput();

 private:
  Poco::Pipe out_;
  std::unique_ptr<Poco::ProcessHandle> handle_;
  std::unique_ptr<Poco::PipeInputStream> stream_;
  bool waited_ = false;
};

}  // namespace test_support
