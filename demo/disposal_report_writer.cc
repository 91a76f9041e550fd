#include "demo/disposal_report_writer.h"

#include "demo/decimal_text.h"
#include "demo/edi_time.h"

#include <sstream>

namespace demo {
namespace {

// Fridge-freezers hold refrigerants: hazardous WEEE (16 02 11*); other appliances are not (16 02 14).
bool hazardous(const PlannedReturn& r) { return r.sku.rfind("FR-", 0) == 0; }

}  // namespace

// Every value written here is a code, number or time the demo generated (no markup characters),
// so the text needs no escaping.
std::string disposalReportXml(const std::string& number, const Poco::DateTime& issued, const std::string& recycler,
                              const std::vector<const PlannedReturn*>& units) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<disposalReport xmlns=\"urn:afterflow:disposal-report:1\" number=\"" << number << "\" issued=\""
      << isoTime(issued) << "\">\n"
      << "  <recycler code=\"" << recycler << "\" permit=\"DE-SN-ECO-2031\"/>\n";
  for (const PlannedReturn* unit : units) {
    const PlannedReturn& r = *unit;
    const bool recycled = r.disposition == "recycle";
    out << "  <record>\n"
        << "    <rma number=\"" << r.rmaNumber << "\"><serial>" << r.serial << "</serial></rma>\n"
        << "    <waste ewc=\"" << (hazardous(r) ? "16 02 11*" : "16 02 14") << "\" hazardous=\""
        << (hazardous(r) ? "true" : "false") << "\"/>\n"
        << "    <quantity value=\"" << weightText(r.weightKg) << "\" unit=\"kg\" basis=\"measured\"/>\n"
        << "    <operation code=\"" << (recycled ? "R4" : "D10") << "\"/>\n"
        << "    <certificate number=\"" << r.certificate << "\" issued=\"" << isoTime(*r.certified) << "\"/>\n"
        << "    <received>" << isoTime(*r.recyclerReceived) << "</received>\n"
        << "    <treated>" << isoTime(*r.treated) << "</treated>\n"
        << "  </record>\n";
  }
  out << "</disposalReport>\n";
  return out.str();
}

}  // namespace demo
