#include "exchange/segment_writer.h"

namespace exchange {

std::string SegmentWriter::value(const std::string& raw) const {
  std::string out;
  out.reserve(raw.size());
  for (const char c : raw) {
    if (standard_ == edi::Standard::x12) {
      out += (c == '*' || c == ':' || c == '^' || c == '~' || c == '\r' || c == '\n') ? ' ' : c;
    } else {
      if (c == ':' || c == '+' || c == '?' || c == '\'') out += '?';
      out += (c == '\r' || c == '\n') ? ' ' : c;
    }
  }
  return out;
}

void SegmentWriter::add(const std::string& tag, const std::vector<std::vector<std::string>>& elements) {
  const char elementSeparator = standard_ == edi::Standard::x12 ? '*' : '+';
  const char componentSeparator = ':';
  std::vector<std::string> written;
  for (const auto& components : elements) {
    std::size_t used = components.size();
    while (used > 0 && components[used - 1].empty()) --used;
    std::string element;
    for (std::size_t i = 0; i < used; ++i) element += (i ? std::string(1, componentSeparator) : "") + value(components[i]);
    written.push_back(element);
  }
  while (!written.empty() && written.back().empty()) written.pop_back();
  std::string segment = tag;
  for (const std::string& element : written) segment += elementSeparator + element;
  addRaw(segment);
}

void SegmentWriter::addRaw(const std::string& text) {
  text_ += text;
  text_ += standard_ == edi::Standard::x12 ? "~\n" : "'\n";
  ++segments_;
}

}  // namespace exchange
