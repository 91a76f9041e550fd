// Element values as text for whoever stores or shows them: UTF-8 without NUL. EDIFACT values are
// decoded from the character set the interchange declares (UNB S001); X12 declares none, so a
// value that is UTF-8 already stays as it is and any other is read as ISO 8859-1.
#pragma once

#include "edi/character_set.h"
#include "edi/delimiters.h"
#include "edi/segment.h"

#include <memory>
#include <string>
#include <string_view>

namespace edi {

class TextDecoder {
 public:
  TextDecoder();
  ~TextDecoder();
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  // For the values of the interchange that `header` (ISA or UNB) opens; X12 until told otherwise.
  void startInterchange(const Segment& header, const Delimiters& delimiters);

  // `value` (release characters already removed) as UTF-8 text. A byte that belongs to no
  // reading, and a NUL, become '?': the raw interchange keeps them and the validator reports them.
  std::string decode(std::string_view value) const;
  void decodeInPlace(std::string& value) const;

 private:
  bool x12_ = true;
  std::string syntaxId_;
  std::unique_ptr<CharacterSet> declared_;  // EDIFACT: the UNB's set
  CharacterSet utf8_, latin1_;              // X12: UTF-8 when it is, else ISO 8859-1
};

}  // namespace edi
