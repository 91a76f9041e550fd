#include "edi/character_set.h"

#include <Poco/Exception.h>

#include <iconv.h>

#include <array>
#include <utility>

namespace edi {
namespace {

// ISO 9735 syntax identifiers and the character repertoires they name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kSets{{
    {"UNOA", "ISO-8859-1"},  {"UNOB", "ISO-8859-1"},       {"UNOC", "ISO-8859-1"},  {"UNOD", "ISO-8859-2"},
    {"UNOE", "ISO-8859-5"},  {"UNOF", "ISO-8859-7"},  {"UNOG", "ISO-8859-3"},  {"UNOH", "ISO-8859-4"},
    {"UNOI", "ISO-8859-6"},  {"UNOJ", "ISO-8859-8"},  {"UNOK", "ISO-8859-9"},  {"UNOL", "ISO-8859-15"},
    {"UNOW", "UTF-8"},       {"UNOY", "UTF-8"},       {"UNOX", "ISO-2022-JP-2"},
}};

bool convert(void* handle, std::string_view in, std::string& out) {
  out.clear();
  if (in.empty()) return true;
  auto* converter = static_cast<iconv_t>(handle);
  iconv(converter, nullptr, nullptr, nullptr, nullptr);  // reset shift state
  out.resize(in.size() * 4 + 8);
  char* inPtr = const_cast<char*>(in.data());
  std::size_t inLeft = in.size();
  char* outPtr = out.data();
  std::size_t outLeft = out.size();
  bool clean = true;
  while (inLeft > 0) {
    if (iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft) != static_cast<std::size_t>(-1)) break;
    // A byte outside the set: keep going with a replacement, and say so.
    clean = false;
    if (outLeft < 3) break;
    *outPtr++ = '?';
    --outLeft;
    ++inPtr;
    --inLeft;
  }
  out.resize(out.size() - outLeft);
  return clean;
}

bool isAscii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

CharacterSet::CharacterSet(std::string_view syntaxId) {
  // ASCII repertoires (X12, UNOA, UNOB) are read as ISO 8859-1, their superset: a byte the set
  // does not allow still converts, so nothing is lost (the validator reports it).
  encoding_ = "UTF-8";
  if (syntaxId.empty()) {
    encoding_ = "ISO-8859-1";
  } else {
    known_ = false;
    for (const auto& [id, encoding] : kSets) {
      if (id == syntaxId) {
        encoding_ = std::string(encoding);
        known_ = true;
      }
    }
  }
  // UTF-8 sets convert too (UTF-8 to UTF-8), so bytes that break UTF-8 are found, not passed on.
  identity_ = encoding_ == "UTF-8";
  const iconv_t to = iconv_open("UTF-8", encoding_.c_str());
  const iconv_t from = iconv_open(encoding_.c_str(), "UTF-8");
  if (to == reinterpret_cast<iconv_t>(-1) || from == reinterpret_cast<iconv_t>(-1)) {
    throw Poco::SystemException("iconv cannot convert " + encoding_);
  }
  toUtf8_ = to;
  fromUtf8_ = from;
}

CharacterSet::~CharacterSet() {
  if (toUtf8_) iconv_close(static_cast<iconv_t>(toUtf8_));
  if (fromUtf8_) iconv_close(static_cast<iconv_t>(fromUtf8_));
}

bool CharacterSet::toUtf8(std::string_view bytes, std::string& out) const {
  if (identity_ && isAscii(bytes)) {
    out.assign(bytes);
    return true;
  }
  return convert(toUtf8_, bytes, out);
}

bool CharacterSet::fromUtf8(std::string_view utf8, std::string& out) const {
  if (identity_ && isAscii(utf8)) {
    out.assign(utf8);
    return true;
  }
  return convert(fromUtf8_, utf8, out);
}

}  // namespace edi
