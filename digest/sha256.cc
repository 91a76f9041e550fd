#include "digest/sha256.h"

#include <Poco/Exception.h>

#include <openssl/evp.h>

#include <fstream>
#include <vector>

namespace digest {

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (context_ == nullptr || EVP_DigestInit_ex(context_, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(context_);
    throw Poco::RuntimeException("OpenSSL cannot start a SHA-256 digest");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(context_); }

void Sha256::update(const char* data, std::size_t size) { EVP_DigestUpdate(context_, data, size); }

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context_, digest, &length);
  static const char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    text += kHex[digest[i] >> 4];
    text += kHex[digest[i] & 15];
  }
  return text;
}

std::string sha256OfFile(const std::string& path, std::int64_t* size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Poco::OpenFileException(path);
  Sha256 hash;
  std::vector<char> buffer(1u << 20);
  std::int64_t total = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = in.gcount();
    if (got <= 0) break;
    hash.update(buffer.data(), static_cast<std::size_t>(got));
    total += got;
  }
  if (in.bad()) throw Poco::ReadFileException(path);
  if (size) *size = total;
  return hash.hex();
}

}  // namespace digest
