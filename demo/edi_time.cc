#include "demo/edi_time.h"

#include <Poco/DateTimeFormatter.h>

namespace demo {

std::string x12Date(const Poco::DateTime& t) { return Poco::DateTimeFormatter::format(t, "%Y%m%d"); }
std::string x12Time(const Poco::DateTime& t) { return Poco::DateTimeFormatter::format(t, "%H%M"); }
std::string edifactDay(const Poco::DateTime& t) { return x12Date(t); }
std::string edifactTime(const Poco::DateTime& t) { return Poco::DateTimeFormatter::format(t, "%Y%m%d%H%M"); }
std::string isoTime(const Poco::DateTime& t) { return Poco::DateTimeFormatter::format(t, "%Y-%m-%dT%H:%M:%SZ"); }
std::string storedTime(const Poco::DateTime& t) { return Poco::DateTimeFormatter::format(t, "%Y-%m-%dT%H:%M:%S.%iZ"); }

}  // namespace demo
