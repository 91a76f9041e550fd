// The parties a load tender names, found from the pickup request's codes before the document
// is written: the client (who the goods are for and who pays) and the carrier with its SCAC.
#pragma once

#include <string>

namespace exchange {

struct TenderParties {
  std::string clientCode, clientName;
  std::string carrierCode, carrierName, carrierScac;  // SCAC: the "scac" identifier, else the code
};

// `text` cut to `limit` characters: names and descriptions are free text that the standards
// bound; a reference is never cut (a wrong one would be worse than a refused document).
std::string fitted(const std::string& text, std::size_t limit);
// A quantity or weight as the standards write decimals: no exponent, no trailing zeros.
std::string decimal(double value);

}  // namespace exchange
