// SHA-256 of what is imported or received, the key that refuses the same content twice. Through
// OpenSSL, which uses the CPU's SHA instructions where it has them: several times a portable
// implementation, and a file of gigabytes is hashed before anything else is done with it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace digest {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const char* data, std::size_t size);
  void update(std::string_view text) { update(text.data(), text.size()); }
  // The digest in lower-case hex; the object is spent afterwards.
  std::string hex();

 private:
  evp_md_ctx_st* context_;
};

// The SHA-256 of a file's bytes in hex; `size`, when given, receives their count. Throws
// Poco::OpenFileException / ReadFileException.
std::string sha256OfFile(const std::string& path, std::int64_t* size = nullptr);

}  // namespace digest
