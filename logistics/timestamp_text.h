// The one timestamp form every logistics table stores: ISO-8601 UTC with milliseconds,
// "2026-10-01T08:30:00.000Z" (store/timestamp.h writes it). Text in any other form would sort
// and compare wrongly against the rest, so records carrying one are refused.
#pragma once

#include <string>

namespace logistics {

// True for "YYYY-MM-DDTHH:MM:SS.mmmZ" with a real calendar date and time of day.
bool isStoredTimestamp(const std::string& text);

}  // namespace logistics
