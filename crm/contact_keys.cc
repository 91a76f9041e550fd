#include "crm/contact_keys.h"

#include <algorithm>
#include <cctype>

namespace crm {

std::optional<std::string> emailKey(const std::string& email) {
  std::string key;
  for (char c : email) {
    if (!std::isspace(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const auto at = key.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= key.size() || key.find('@', at + 1) != std::string::npos ||
      key.find('.', at) == std::string::npos) {
    return std::nullopt;
  }
  return key;
}

std::optional<std::string> phoneKey(const std::string& phone, const std::string& defaultCountryCode) {
  std::string digits;
  for (char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  const auto first = phone.find_first_not_of(" \t");
  const bool international = first != std::string::npos && phone[first] == '+';
  if (!international) {
    if (digits.rfind("00", 0) == 0) {
      digits.erase(0, 2);  // 0049...: international prefix
    } else if (digits.rfind('0', 0) == 0) {
      digits = defaultCountryCode + digits.substr(1);  // 089...: national trunk prefix
    } else {
      digits = defaultCountryCode + digits;
    }
  }
  if (digits.size() < 6) return std::nullopt;
  return digits;
}

}  // namespace crm
