#include "edi/text_decoder.h"

#include <algorithm>

namespace edi {
namespace {

bool isPlainAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c != '\0' && static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

TextDecoder::TextDecoder() : utf8_("UNOY"), latin1_("") {}

TextDecoder::~TextDecoder() = default;

void TextDecoder::startInterchange(const Segment& header, const Delimiters& delimiters) {
  x12_ = header.tag() != "UNB";
  if (x12_) return;
  // S001's first component; a syntax identifier never holds a release character.
  const std::string_view syntax = header.element(1);
  const std::string id(syntax.substr(0, syntax.find(delimiters.component)));
  if (!declared_ || id != syntaxId_) {
    declared_ = std::make_unique<CharacterSet>(id);
    syntaxId_ = id;
  }
}

std::string TextDecoder::decode(std::string_view value) const {
  std::string text;
  if (isPlainAscii(value)) {
    text.assign(value);
  } else if (!x12_) {
    declared_->toUtf8(value, text);
  } else if (!utf8_.toUtf8(value, text)) {
    latin1_.toUtf8(value, text);
  }
  std::replace(text.begin(), text.end(), '\0', '?');
  return text;
}

void TextDecoder::decodeInPlace(std::string& value) const {
  if (!isPlainAscii(value)) value = decode(value);
}

}  // namespace edi
