// The `afterflow` command line: global options, subcommand dispatch, help, and the one place
// where infrastructure exceptions become an error line and an exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace cli {

int runCommandLine(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace cli
