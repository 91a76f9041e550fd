#include "csv/utf8.h"

#include <cstdint>
#include <cstring>

namespace csv {

std::size_t validUtf8TextPrefix(std::string_view text) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* p = begin;
  const auto* const end = p + text.size();
  while (p < end) {
    // Most of a TMS export is ASCII: check eight bytes at a time for a high bit or a NUL.
    if (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      const bool hasHigh = (word & 0x8080808080808080ull) != 0;
      const bool hasZero = ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull) != 0;
      if (!hasHigh && !hasZero) {
        p += 8;
        continue;
      }
    }
    const unsigned char c = *p;
    const std::size_t valid = static_cast<std::size_t>(p - begin);
    if (c == 0) return valid;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int length;
    std::uint32_t min;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return valid;
    }
    if (end - p < length) return valid;
    for (int i = 1; i < length; ++i) {
      if ((p[i] & 0xC0) != 0x80) return valid;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return valid;
    p += length;
  }
  return text.size();
}

bool isValidUtf8Text(std::string_view text) { return validUtf8TextPrefix(text) == text.size(); }

std::string escapeInvalidUtf8(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t valid = validUtf8TextPrefix(text);
    out.append(text.substr(0, valid));
    if (valid == text.size()) break;
    // One byte at a time: the next may start a well-formed sequence again.
    const auto bad = static_cast<unsigned char>(text[valid]);
    out += "\\x";
    out += kHex[bad >> 4];
    out += kHex[bad & 0x0F];
    text.remove_prefix(valid + 1);
  }
  return out;
}

}  // namespace csv
