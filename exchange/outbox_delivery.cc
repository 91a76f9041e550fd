#include "exchange/outbox_delivery.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/Process.h>

#include <atomic>

namespace exchange {

std::string deliverToOutbox(const std::string& directory, const std::string& name, const std::string& bytes) {
  Poco::File(directory).createDirectories();
  const std::string path = Poco::Path(directory).append(name).toString();
  // A temporary name of this writer's own: two processes (or threads) delivering the same
  // document never write into one file; the last rename wins with the same bytes.
  static std::atomic<unsigned> written{0};
  const std::string part = path + "." + std::to_string(Poco::Process::id()) + "-" + std::to_string(++written) + ".part";
  {
    Poco::FileOutputStream out(part);
    out << bytes;
    out.close();
  }
  Poco::File(part).renameTo(path);
  return path;
}

}  // namespace exchange
