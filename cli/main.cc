// Entry point of the `afterflow` program; everything it does is in cli/command_line.h.
#include "cli/command_line.h"

#include <iostream>

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  return cli::runCommandLine(arguments, std::cout, std::cerr);
}
