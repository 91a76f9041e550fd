#include "exchange/outbox_delivery.h"

#include "logistics/partner_directory.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Process.h>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace exchange {
namespace {

// The whole document on disk before it gets its final name: a full disk or an I/O error is an
// exception here, never a truncated file that a partner's pick-up would take for the document.
void writeDurably(const std::string& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw Poco::CreateFileException(path, std::strerror(errno));
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(path.c_str());
      throw Poco::WriteFileException(path, std::strerror(error));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int error = errno;
    ::unlink(path.c_str());
    throw Poco::WriteFileException(path, std::strerror(error));
  }
}

}  // namespace

std::string deliverToOutbox(const std::string& directory, const std::string& name, const std::string& bytes) {
  Poco::File(directory).createDirectories();
  const std::string path = Poco::Path(directory).append(name).toString();
  // A temporary name of this writer's own: two processes (or threads) delivering the same
  // document never write into one file; the last rename wins with the same bytes.
  static std::atomic<unsigned> written{0};
  const std::string part = path + "." + std::to_string(Poco::Process::id()) + "-" + std::to_string(++written) + ".part";
  writeDurably(part, bytes);
  Poco::File(part).renameTo(path);
  return path;
}

std::string deliverKept(InterchangeStore& store, const InterchangeRecord& record, const std::string& directory) {
  if (record.deliveredAt) return Poco::Path(directory).append(record.fileName).toString();
  const std::string path = deliverToOutbox(directory, record.fileName, store.readAll(record.id));
  store.markDelivered(record.id);
  return path;
}

std::vector<std::string> deliverWaiting(store::Database& database) {
  InterchangeStore store(database);
  std::vector<std::string> written;
  Poco::Data::Session session = database.session();
  logistics::PartnerDirectory partners(session);
  for (const InterchangeRecord& record : store.undelivered(1000)) {
    if (!record.partnerId) continue;
    const auto partner = partners.find(*record.partnerId);
    if (!partner || !partner->outboxDirectory) continue;
    written.push_back(deliverKept(store, record, *partner->outboxDirectory));
  }
  return written;
}

}  // namespace exchange
