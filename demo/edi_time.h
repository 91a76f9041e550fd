// The demo's times as the documents write them: X12 dates and times, EDIFACT formats 102 and
// 203, and the ISO-8601 UTC form of XML and of the stored timestamps. Demo times are UTC.
#pragma once

#include <Poco/DateTime.h>

#include <string>

namespace demo {

std::string x12Date(const Poco::DateTime& t);      // CCYYMMDD
std::string x12Time(const Poco::DateTime& t);      // HHMM
std::string edifactDay(const Poco::DateTime& t);   // format 102: CCYYMMDD
std::string edifactTime(const Poco::DateTime& t);  // format 203: CCYYMMDDHHMM
std::string isoTime(const Poco::DateTime& t);      // 2025-11-02T08:00:00Z
std::string storedTime(const Poco::DateTime& t);   // 2025-11-02T08:00:00.000Z

}  // namespace demo
