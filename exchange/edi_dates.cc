#include "exchange/edi_dates.h"

#include "exchange/segment_refusal.h"
#include "logistics/timestamp_text.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

#include <algorithm>

namespace exchange {
namespace {

using logistics::ProblemCode;

bool digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "20261101" and "093000" as stored, or empty when not a real date and time of day.
std::optional<std::string> compose(const std::string& date8, const std::string& hhmmss) {
  const std::string stamp = date8.substr(0, 4) + "-" + date8.substr(4, 2) + "-" + date8.substr(6, 2) + "T" +
                            hhmmss.substr(0, 2) + ":" + hhmmss.substr(2, 2) + ":" + hhmmss.substr(4, 2) + ".000Z";
  if (!logistics::isStoredTimestamp(stamp)) return std::nullopt;
  return stamp;
}

// One EDIFACT layout: where the date and time of a point sit in the value. Periods are two
// points of the same layout written one after the other.
struct Layout {
  const char* format;
  std::size_t length;  // of one point
  bool period;
  // One point as CCYYMMDD and as HHMMSS.
  std::string (*date)(const std::string& point);
  std::string (*time)(const std::string& point);
};

std::string none(const std::string&) { return "000000"; }
std::string ccyymmdd(const std::string& p) { return p.substr(0, 8); }
std::string yymmdd(const std::string& p) { return "20" + p.substr(0, 6); }
std::string ddmmyy(const std::string& p) { return "20" + p.substr(4, 2) + p.substr(2, 2) + p.substr(0, 2); }
std::string mmddyy(const std::string& p) { return "20" + p.substr(4, 2) + p.substr(0, 2) + p.substr(2, 2); }
std::string hhmmAt8(const std::string& p) { return p.substr(8, 4) + "00"; }
std::string hhmmssAt8(const std::string& p) { return p.substr(8, 6); }
std::string hhmmAt6(const std::string& p) { return p.substr(6, 4) + "00"; }
std::string hhmmssAt6(const std::string& p) { return p.substr(6, 6); }

constexpr Layout kLayouts[] = {
    {"2", 6, false, ddmmyy, none},           {"3", 6, false, mmddyy, none},
    {"101", 6, false, yymmdd, none},         {"102", 8, false, ccyymmdd, none},
    {"201", 10, false, yymmdd, hhmmAt6},     {"202", 12, false, yymmdd, hhmmssAt6},
    {"203", 12, false, ccyymmdd, hhmmAt8},   {"204", 14, false, ccyymmdd, hhmmssAt8},
    {"711", 8, true, ccyymmdd, none},        {"718", 8, true, ccyymmdd, none},
    {"717", 6, true, yymmdd, none},          {"713", 10, true, yymmdd, hhmmAt6},
    {"719", 12, true, ccyymmdd, hhmmAt8},
};

std::string readFormats() {
  std::string list;
  for (const Layout& layout : kLayouts) list += std::string(list.empty() ? "" : ", ") + layout.format;
  return list + ", 205";
}

// 205: CCYYMMDDHHMM, then the zone as +HHMM or -HHMM; stored in UTC.
std::optional<std::string> withZone(const std::string& value) {
  if (value.size() != 17 || (value[12] != '+' && value[12] != '-')) return std::nullopt;
  const std::string local = value.substr(0, 12), zone = value.substr(13);
  if (!digits(local) || !digits(zone)) return std::nullopt;
  const auto stamp = compose(local.substr(0, 8), local.substr(8) + "00");
  const int zoneMinutes = std::stoi(zone.substr(0, 2)) * 60 + std::stoi(zone.substr(2));
  if (!stamp || zoneMinutes > 14 * 60) return std::nullopt;
  Poco::DateTime when(std::stoi(local.substr(0, 4)), std::stoi(local.substr(4, 2)), std::stoi(local.substr(6, 2)),
                      std::stoi(local.substr(8, 2)), std::stoi(local.substr(10, 2)));
  const Poco::Timespan offset(0, 0, zoneMinutes, 0, 0);
  if (value[12] == '+') when -= offset;
  else when += offset;
  return Poco::DateTimeFormatter::format(when, "%Y-%m-%dT%H:%M:%S.000Z");
}

}  // namespace

DocumentTimestamp x12Timestamp(const DocumentSegment& dateSegment, std::size_t dateElement,
                               const DocumentSegment* timeSegment, std::size_t timeElement) {
  const std::string& date = dateSegment.value(dateElement);
  if (date.empty()) return std::optional<std::string>();
  if (!digits(date) || (date.size() != 8 && date.size() != 6)) {
    return segmentRefusal(ProblemCode::invalid_value, dateSegment, x12Element(dateSegment, dateElement),
                          "'" + date + "' is not a date (CCYYMMDD)");
  }
  const std::string date8 = date.size() == 8 ? date : "20" + date;
  std::string clock = "000000";
  const std::string time = timeSegment != nullptr ? timeSegment->value(timeElement) : std::string();
  if (!time.empty()) {
    // HHMM, HHMMSS, HHMMSSD, HHMMSSDD: decimal seconds are not kept.
    if (!digits(time) || time.size() < 4 || time.size() == 5 || time.size() > 8) {
      return segmentRefusal(ProblemCode::invalid_value, *timeSegment, x12Element(*timeSegment, timeElement),
                            "'" + time + "' is not a time (HHMM or HHMMSS)");
    }
    clock = time.size() == 4 ? time + "00" : time.substr(0, 6);
  }
  const auto stamp = compose(date8, clock);
  if (!stamp) {
    const bool dateAlone = compose(date8, "000000").has_value();
    const DocumentSegment& at = dateAlone ? *timeSegment : dateSegment;
    return segmentRefusal(ProblemCode::invalid_value, at, x12Element(at, dateAlone ? timeElement : dateElement),
                          dateAlone ? "'" + time + "' is no time of day" : "'" + date + "' is no calendar date");
  }
  return stamp;
}

DocumentTimestamp edifactTimestamp(const DocumentSegment& dtm, PeriodEnd end) {
  const std::string& value = dtm.value(1, 2);
  const std::string format = dtm.value(1, 3).empty() ? "102" : dtm.value(1, 3);
  if (value.empty()) return std::optional<std::string>();
  const auto unfit = [&] {
    return segmentRefusal(ProblemCode::invalid_value, dtm, "2380",
                          "'" + value + "' is not a date in format " + format + " (2379)");
  };
  if (format == "205") {
    const auto utc = withZone(value);
    if (!utc) return unfit();
    return utc;
  }
  const auto layout = std::find_if(std::begin(kLayouts), std::end(kLayouts),
                                   [&format](const Layout& l) { return format == l.format; });
  if (layout == std::end(kLayouts)) {
    return segmentRefusal(ProblemCode::invalid_value, dtm, "2379",
                          "date/time format '" + format + "' is not one afterflow reads as a point in time (" +
                              readFormats() + ")");
  }
  if (!digits(value) || value.size() != layout->length * (layout->period ? 2 : 1)) return unfit();
  const std::string point = layout->period && end == PeriodEnd::end ? value.substr(layout->length)
                                                                      : value.substr(0, layout->length);
  const auto stamp = compose(layout->date(point), layout->time(point));
  if (!stamp) return unfit();
  return stamp;
}

}  // namespace exchange
