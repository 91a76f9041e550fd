// Where the reader's bytes come from: a file read in chunks (so any size works in bounded
// memory), or bytes already in memory. I/O failures are exceptions (Poco::IOException).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace edi {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` bytes; returns 0 at the end of input only.
  virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
};

class FileByteSource : public ByteSource {
 public:
  // Throws Poco::FileNotFoundException / Poco::FileAccessDeniedException / Poco::IOException.
  explicit FileByteSource(const std::string& path);
  ~FileByteSource() override;
  FileByteSource(const FileByteSource&) = delete;
  FileByteSource& operator=(const FileByteSource&) = delete;

  std::size_t read(char* buffer, std::size_t capacity) override;

 private:
  std::string path_;
  int fd_ = -1;
};

class MemoryByteSource : public ByteSource {
 public:
  explicit MemoryByteSource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t read(char* buffer, std::size_t capacity) override;

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

}  // namespace edi
