#include "edi/segment.h"

namespace edi {

std::vector<std::string_view> splitValue(std::string_view value, char separator, char release) {
  std::vector<std::string_view> parts;
  splitValueInto(value, separator, release, parts);
  return parts;
}

void splitValueInto(std::string_view value, char separator, char release, std::vector<std::string_view>& parts) {
  parts.clear();
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (release && value[i] == release) {
      ++i;
    } else if (value[i] == separator) {
      parts.push_back(value.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(value.substr(start));
}

}  // namespace edi
