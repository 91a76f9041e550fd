// Timestamps as every table stores them: ISO-8601 UTC text with milliseconds
// ("2026-10-01T08:30:00.000Z"), which sorts and compares the same way on every backend.
#pragma once

#include <Poco/Timestamp.h>

#include <string>

namespace store {

std::string isoTimestamp(const Poco::Timestamp& time);
inline std::string currentTimestamp() { return isoTimestamp(Poco::Timestamp()); }

}  // namespace store
