// The -o FILE option of commands that write a document: the output goes to FILE.part and is
// renamed to FILE only when the command succeeded, so a failed run never leaves half a file.
#pragma once

#include "cli/command.h"

#include <Poco/FileStream.h>
#include <Poco/Util/OptionSet.h>

#include <memory>
#include <ostream>
#include <string>

namespace cli {

class OutputOption {
 public:
  ~OutputOption() { finish(false); }
  void define(Poco::Util::OptionSet& options);
  bool handle(const std::string& name, const std::string& value);
  // Standard output, or FILE.part.
  std::ostream& stream(const CommandContext& context);
  // Keeps the output under its name, or throws it away.
  void finish(bool keep);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::unique_ptr<Poco::FileOutputStream> file_;
};

}  // namespace cli
