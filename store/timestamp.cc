#include "store/timestamp.h"

#include <Poco/DateTimeFormatter.h>

namespace store {

std::string isoTimestamp(const Poco::Timestamp& time) {
  return Poco::DateTimeFormatter::format(time, "%Y-%m-%dT%H:%M:%S.%iZ");
}

}  // namespace store
