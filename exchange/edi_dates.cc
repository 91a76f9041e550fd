#include "exchange/edi_dates.h"

#include "logistics/timestamp_text.h"

#include <algorithm>

namespace exchange {
namespace {

bool digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> compose(const std::string& date8, const std::string& hhmmss) {
  const std::string stamp = date8.substr(0, 4) + "-" + date8.substr(4, 2) + "-" + date8.substr(6, 2) + "T" +
                            hhmmss.substr(0, 2) + ":" + hhmmss.substr(2, 2) + ":" + hhmmss.substr(4, 2) + ".000Z";
  if (!logistics::isStoredTimestamp(stamp)) return std::nullopt;
  return stamp;
}

}  // namespace

std::optional<std::string> timestampFromX12(const std::string& date, const std::string& time) {
  if (!digits(date) || (date.size() != 8 && date.size() != 6)) return std::nullopt;
  const std::string date8 = date.size() == 8 ? date : "20" + date;
  std::string clock = "000000";
  if (!time.empty()) {
    if (!digits(time) || time.size() < 4) return std::nullopt;
    clock = time.substr(0, std::min<std::size_t>(6, time.size()));
    clock.resize(6, '0');
  }
  return compose(date8, clock);
}

std::optional<std::string> timestampFromEdifact(const std::string& value, const std::string& format) {
  if (!digits(value)) return std::nullopt;
  if ((format.empty() || format == "102") && value.size() == 8) return compose(value, "000000");
  if (format == "203" && value.size() == 12) return compose(value.substr(0, 8), value.substr(8) + "00");
  if (format == "204" && value.size() == 14) return compose(value.substr(0, 8), value.substr(8));
  return std::nullopt;
}

}  // namespace exchange
