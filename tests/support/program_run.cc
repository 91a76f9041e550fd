#include "tests/support/program_run.h"

#include <Poco/StreamCopier.h>

#include <csignal>

namespace test_support {

std::string afterflowBinary() { return AFTERFLOW_BINARY_PATH; }

ProgramResult runAfterflow(const std::vector<std::string>& arguments) {
  Poco::Pipe out, err;
  Poco::ProcessHandle handle = Poco::Process::launch(afterflowBinary(), arguments, nullptr, &out, &err);
  ProgramResult result;
  Poco::PipeInputStream outStream(out), errStream(err);
  Poco::StreamCopier::copyToString(outStream, result.out);
  Poco::StreamCopier::copyToString(errStream, result.err);
  result.exitCode = handle.wait();
  return result;
}

RunningProgram::RunningProgram(const std::vector<std::string>& arguments)
    : handle_(std::make_unique<Poco::ProcessHandle>(
          Poco::Process::launch(afterflowBinary(), arguments, nullptr, &out_, nullptr))),
      stream_(std::make_unique<Poco::PipeInputStream>(out_)) {}

RunningProgram::~RunningProgram() {
  if (waited_) return;
  ::kill(handle_->id(), SIGKILL);
  handle_->wait();
}

std::string RunningProgram::readLine() {
  std::string line;
  std::getline(*stream_, line);
  return line;
}

void RunningProgram::signal(int number) { ::kill(handle_->id(), number); }

int RunningProgram::wait() {
  waited_ = true;
  return handle_->wait();
}

std::string RunningProgram::remainingOutput() {
  std::string rest;
  Poco::StreamCopier::copyToString(*stream_, rest);
  return rest;
}

}  // namespace test_support
