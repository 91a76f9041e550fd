// Dates and times as EDI documents write them (X12 CCYYMMDD + HHMM[SS], EDIFACT DTM formats
// 102, 203, 204), turned into the stored form "2026-10-01T08:30:00.000Z". Documents carry
// local times without a zone; they are stored as written, as UTC.
#pragma once

#include <optional>
#include <string>

namespace exchange {

// X12: date CCYYMMDD (or YYMMDD), time HHMM or HHMMSS (optional). Empty when not a date.
std::optional<std::string> timestampFromX12(const std::string& date, const std::string& time = "");
// EDIFACT DTM C507: value and format qualifier 2379 (102 CCYYMMDD, 203 CCYYMMDDHHMM,
// 204 CCYYMMDDHHMMSS; missing means 102). Empty for other formats or bad values.
std::optional<std::string> timestampFromEdifact(const std::string& value, const std::string& format);

}  // namespace exchange
