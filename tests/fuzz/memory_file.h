// An input handed to a reader that takes a path: written into one anonymous in-memory file
// (memfd) for the whole run, and named by /proc/self/fd/N, so no fuzz input touches the disk.
#pragma once

#include "fuzz_check.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace afterflow_fuzz {

class MemoryFile {
 public:
  MemoryFile() : fd_(::memfd_create("afterflow-fuzz", MFD_CLOEXEC)) {
    if (fd_ < 0) fail("memfd_create failed");
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  // Replaces the content; every open of path() afterwards reads exactly `bytes`.
  const std::string& hold(std::string_view bytes) {
    if (::ftruncate(fd_, 0) != 0) fail("ftruncate failed");
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::pwrite(fd_, bytes.data() + written, bytes.size() - written, static_cast<off_t>(written));
      if (n <= 0) fail("pwrite failed");
      written += static_cast<std::size_t>(n);
    }
    return path_;
  }

 private:
  int fd_;
  std::string path_;
};

}  // namespace afterflow_fuzz
