// The keys customers are matched by across POS systems, web shops and surveys: an e-mail
// address and a phone number written many ways reduce to one key each.
#pragma once

#include <optional>
#include <string>

namespace crm {

// " Anna.Schmidt@Example.ORG " -> "anna.schmidt@example.org"; empty when not an address.
std::optional<std::string> emailKey(const std::string& email);

// "+49 (89) 123-456", "0049 89 123456", "089 123456" (with default country 49) -> "4989123456":
// digits with the country code. Empty when fewer than 6 digits remain.
std::optional<std::string> phoneKey(const std::string& phone, const std::string& defaultCountryCode = "49");

}  // namespace crm
