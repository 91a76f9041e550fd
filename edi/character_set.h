// Converts element values between an interchange's declared character set and UTF-8: EDIFACT
// UNOA..UNOY (syntax identifier 0001), X12's ASCII (read as its superset ISO 8859-1, so no byte
// is lost). Built on iconv, which knows every ISO 8859 part.
#pragma once

#include <string>
#include <string_view>

namespace edi {

class CharacterSet {
 public:
  // `syntaxId` is an EDIFACT syntax identifier ("UNOC") or "" for X12 / ASCII. Unknown
  // identifiers are treated as UTF-8 (ok() tells whether the identifier was known).
  explicit CharacterSet(std::string_view syntaxId);
  ~CharacterSet();
  CharacterSet(const CharacterSet&) = delete;
  CharacterSet& operator=(const CharacterSet&) = delete;

  bool ok() const { return known_; }
  const std::string& encoding() const { return encoding_; }  // the iconv name, e.g. ISO-8859-1

  // Returns false (and leaves a best effort in `out`) when bytes do not belong to the set.
  bool toUtf8(std::string_view bytes, std::string& out) const;
  bool fromUtf8(std::string_view utf8, std::string& out) const;

 private:
  std::string encoding_;
  bool known_ = true;
  bool identity_ = false;  // UTF-8: ASCII values need no conversion
  void* toUtf8_ = nullptr;
  void* fromUtf8_ = nullptr;
};

}  // namespace edi
