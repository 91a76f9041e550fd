#include "demo/status_report_writer.h"

#include "demo/edi_time.h"

#include <Poco/Timespan.h>

namespace demo {
namespace {

struct Event {
  std::string status, reason;
  Poco::DateTime at;
  bool atDestination = false;
};

// The shipment's events in time order, in the carrier's code list.
std::vector<Event> eventsOf(const PlannedShipment& s, const Poco::DateTime& end) {
  const bool road = s.carrier == Carrier::road;
  std::vector<Event> events;
  events.push_back({road ? "AF" : "13", "", s.shipped});
  if (!road) events.push_back({"24", "", s.shipped + Poco::Timespan(0, 3, 0, 0, 0)});
  if (s.mishap == Mishap::damaged) events.push_back({road ? "A9" : "18", "", s.mishapAt});
  // An accident (road) or a derailment (rail) delays the shipment: the reason makes it an incident.
  if (s.mishap == Mishap::incident) events.push_back({road ? "SD" : "20", road ? "AF" : "18", s.mishapAt});
  if (s.mishap == Mishap::lost) events.push_back({"49", "", s.mishapAt});
  if (s.delivered) {
    if (road) events.push_back({"X6", "", *s.delivered - Poco::Timespan(0, 3, 0, 0, 0)});
    events.push_back({road ? "D1" : "21", "", *s.delivered, true});
  }
  std::vector<Event> known;
  for (const Event& e : events) {
    if (e.at < end) known.push_back(e);
  }
  return known;
}

}  // namespace

bool writeStatus214(InterchangeBatch& batch, const PlannedShipment& s, const Poco::DateTime& end) {
  const auto events = eventsOf(s, end);
  if (events.empty()) return false;
  const Region& region = demoRegions()[s.region];
  exchange::SegmentWriter& w = batch.beginMessage("214");
  w.add("B10", {{s.proNumber}, {s.shipNotice}, {"FSTF"}});
  w.add("L11", {{s.billOfLading}, {"BM"}});
  int lx = 0;
  for (const Event& e : events) {
    w.add("LX", {{std::to_string(++lx)}});
    w.add("AT7", {{e.status}, {e.reason.empty() ? "NS" : e.reason}, {}, {}, {x12Date(e.at)}, {x12Time(e.at)}});
    if (e.atDestination) {
      w.add("MS1", {{region.city}, {region.domestic ? region.code : ""}, {region.country}});
    } else {
      w.add("MS1", {{"HAMBURG"}, {"HH"}, {"DE"}});
    }
  }
  batch.endMessage();
  return true;
}

bool writeIftsta(InterchangeBatch& batch, const PlannedShipment& s, const Poco::DateTime& end) {
  const auto events = eventsOf(s, end);
  if (events.empty()) return false;
  const Region& region = demoRegions()[s.region];
  exchange::SegmentWriter& w = batch.beginMessage("IFTSTA");
  w.add("BGM", {{"23"}, {"STA-" + s.billOfLading.substr(4)}, {"9"}});
  w.add("DTM", {{"137", edifactTime(events.back().at), "203"}});
  w.add("CNI", {{"1"}, {s.shipNotice}});
  for (const Event& e : events) {
    w.add("STS", {{"1"}, {e.status}, {e.reason}});
    w.add("RFF", {{"BM", s.billOfLading}});
    w.add("DTM", {{"334", edifactTime(e.at), "203"}});
    if (e.atDestination) {
      w.add("LOC", {{"175"}, {region.locode, "139", "6", region.city}});
    } else {
      w.add("LOC", {{"175"}, {"DEHAM", "139", "6", "HAMBURG"}});
    }
  }
  batch.endMessage();
  return true;
}

}  // namespace demo
