#include "cli/output_option.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Util/Option.h>

namespace cli {

void OutputOption::define(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("output", "o", "write to FILE (default: stdout)").argument("FILE"));
}

bool OutputOption::handle(const std::string& name, const std::string& value) {
  if (name != "output") return false;
  path_ = value;
  return true;
}

std::ostream& OutputOption::stream(const CommandContext& context) {
  if (path_.empty()) return context.out;
  file_ = std::make_unique<Poco::FileOutputStream>(path_ + ".part");
  return *file_;
}

void OutputOption::finish(bool keep) {
  if (!file_) return;
  file_->close();
  const bool written = file_->good();
  file_.reset();
  Poco::File part(path_ + ".part");
  if (keep && !written) {
    // A full disk or an I/O error: no truncated report under the name asked for.
    part.remove();
    throw Poco::WriteFileException(path_, "the report could not be written whole");
  }
  if (keep) {
    part.renameTo(path_);
  } else if (part.exists()) {
    part.remove();
  }
}

}  // namespace cli
