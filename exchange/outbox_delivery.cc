#include "exchange/outbox_delivery.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>

namespace exchange {

std::string deliverToOutbox(const std::string& directory, const std::string& name, const std::string& bytes) {
  Poco::File(directory).createDirectories();
  const std::string path = Poco::Path(directory).append(name).toString();
  const std::string part = path + ".part";
  {
    Poco::FileOutputStream out(part);
    out << bytes;
    out.close();
  }
  Poco::File(part).renameTo(path);
  return path;
}

}  // namespace exchange
