// The recycler's disposal report (urn:afterflow:disposal-report:1, schemas/xsd): one record per
// returned unit it treated, with the EWC waste code, the weight measured, the R/D operation,
// its permit and certificate, and the RMA and serial number it came with
// (exchange/disposal_report_xml reads it; tests/exchange/fixtures/recycler_disposal_report.xml).
#pragma once

#include "demo/year_plan.h"

#include <string>
#include <vector>

namespace demo {

// The report numbered `number`, issued at `issued`, from the recycler with party code
// `recycler`, of returns that were certified (PlannedReturn::certified set).
std::string disposalReportXml(const std::string& number, const Poco::DateTime& issued, const std::string& recycler,
                              const std::vector<const PlannedReturn*>& units);

}  // namespace demo
