// Units of weight and volume as EDI documents name them (X12 element 355, and 188 where a
// partner writes its one-letter codes; EDIFACT 6411), with their factor to kilograms and cubic
// meters. A unit not listed has no factor: the mapping refuses the value rather than guess.
#pragma once

#include "edi/delimiters.h"

#include <optional>
#include <string>

namespace exchange {

// Kilograms in one `unit`: X12 KG, K, LB, L, GR, TN (net ton, 2000 lb); EDIFACT KGM, GRM, LBR,
// TNE (metric ton). Empty for any other unit.
std::optional<double> kilogramsPerUnit(edi::Standard standard, const std::string& unit);

// Cubic meters in one `unit`: X12 CR (cubic meter), CF (cubic foot); EDIFACT MTQ, FTQ.
std::optional<double> cubicMetersPerUnit(edi::Standard standard, const std::string& unit);

// The units kilogramsPerUnit / cubicMetersPerUnit know for `standard`, for refusals: "KG, K, ...".
std::string weightUnitsRead(edi::Standard standard);
std::string volumeUnitsRead(edi::Standard standard);

}  // namespace exchange
