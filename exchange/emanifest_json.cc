#include "exchange/emanifest_json.h"

#include "exchange/document_header.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <map>

namespace exchange {
namespace {

struct UnitConversion {
  logistics::DisposalUnit unit;
  double factor;
};

// e-Manifest units of measurement (QuantityUnitsOfMeasurement) in ours: US units converted.
const std::map<std::string, UnitConversion>& units() {
  static const std::map<std::string, UnitConversion> table{
      {"P", {logistics::DisposalUnit::kg, 0.45359237}},      // pounds
      {"T", {logistics::DisposalUnit::t, 0.90718474}},       // tons of 2000 pounds
      {"K", {logistics::DisposalUnit::kg, 1}},               // kilograms
      {"M", {logistics::DisposalUnit::t, 1}},                // metric tons
      {"G", {logistics::DisposalUnit::l, 3.785411784}},      // US gallons
      {"L", {logistics::DisposalUnit::l, 1}},                // liters
      {"Y", {logistics::DisposalUnit::m3, 0.764554857984}},  // cubic yards
      {"N", {logistics::DisposalUnit::m3, 1}},               // cubic meters
  };
  return table;
}

edi::Location nowhere() { return {}; }

std::string comment(const Poco::JSON::Object::Ptr& waste, const std::string& label, std::vector<std::string>* all = nullptr) {
  const auto info = waste->getObject("additionalInfo");
  if (!info) return "";
  const auto comments = info->getArray("comments");
  if (!comments) return "";
  std::string found;
  for (std::size_t i = 0; i < comments->size(); ++i) {
    const auto entry = comments->getObject(static_cast<unsigned>(i));
    if (!entry || Poco::icompare(entry->optValue<std::string>("label", ""), label) != 0) continue;
    const std::string value = Poco::trim(entry->optValue<std::string>("description", ""));
    if (all) all->push_back(value);
    if (found.empty()) found = value;
  }
  return found;
}

}  // namespace

std::optional<std::string> operationForManagementMethod(const std::string& code) {
  // EPA Hazardous Waste Report management methods with one EU counterpart (Directive
  // 2008/98/EC Annexes I and II). Other recovery (H039: acids, organics...), storage and
  // transfer (H141), other treatment (H129) and discharge to sewers (H135) name no single
  // operation and are not mapped.
  static const std::map<std::string, std::string> table{
      {"H010", "R4"},   // metals recovery
      {"H020", "R2"},   // solvents recovery
      {"H050", "R1"},   // energy recovery at this site, used as fuel
      {"H061", "R12"},  // fuel blending before energy recovery elsewhere
      {"H040", "D10"},  // incineration
      {"H070", "D9"},   // chemical treatment
      {"H081", "D8"},   // biological treatment
      {"H100", "D9"},   // physical treatment only
      {"H110", "D9"},   // stabilization before land disposal
      {"H120", "D9"},   // combined chemical, biological and physical treatment
      {"H121", "D9"},   // neutralization only
      {"H122", "D9"},   // evaporation
      {"H131", "D2"},   // land treatment
      {"H132", "D5"},   // landfill (engineered, RCRA subtitle C)
      {"H134", "D3"},   // deep well or underground injection
  };
  const auto found = table.find(code);
  if (found == table.end()) return std::nullopt;
  return found->second;
}

DisposalDocument readEmanifest(std::string_view bytes, edi::Diagnostics& diagnostics) {
  DisposalDocument document;
  document.format = std::string(kEmanifestFormat);
  Poco::JSON::Object::Ptr manifest;
  try {
    Poco::JSON::Parser parser;
    manifest = parser.parse(std::string(bytes)).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& error) {
    diagnostics.error("json.syntax", "not a JSON object: " + error.message(), nowhere());
    return document;
  }
  const auto shape = [&](const std::string& message) { diagnostics.error("json.shape", message, nowhere()); };
  const std::string tracking = manifest->optValue<std::string>("manifestTrackingNumber", "");
  if (tracking.empty()) shape("manifestTrackingNumber is required: the disposal records are certified under it");
  const auto facility = manifest->getObject("designatedFacility");
  const std::string site = facility ? facility->optValue<std::string>("epaSiteId", "") : "";
  if (site.empty()) shape("designatedFacility.epaSiteId is required: it names the recycler and is its permit");
  const auto wastes = manifest->getArray("wastes");
  if (!wastes || wastes->size() == 0) shape("wastes must list at least one waste line");
  if (diagnostics.hasErrors()) return document;

  const auto date = [&](const char* field, const std::string& line) -> std::optional<std::string> {
    const std::string value = manifest->optValue<std::string>(field, "");
    if (value.empty()) return std::nullopt;
    const auto stored = storedTimestampFromIso(value);
    if (!stored) shape(line + ": " + field + " '" + value + "' is not a date-time");
    return stored;
  };
  for (std::size_t i = 0; i < wastes->size(); ++i) {
    const auto waste = wastes->getObject(static_cast<unsigned>(i));
    const std::string line = "waste line " + std::to_string(waste ? waste->optValue<int>("lineNumber", int(i + 1)) : int(i + 1));
    if (!waste) {
      shape(line + " is not an object");
      continue;
    }
    DisposalEntry entry;
    entry.label = line;
    logistics::DisposalRecord& record = entry.record;
    record.permitNumber = site;
    record.certificateNumber = tracking + "-" + std::to_string(waste->optValue<int>("lineNumber", int(i + 1)));
    record.receivedAt = date("receivedDate", line);
    record.certificateIssuedAt = date("certifiedDate", line);
    // The manifest states the generator's quantity; no field says it was weighed.
    record.basis = logistics::QuantityBasis::estimated;

    const auto quantity = waste->getObject("quantity");
    const auto unit = quantity ? quantity->getObject("unitOfMeasurement") : nullptr;
    const std::string unitCode = unit ? unit->optValue<std::string>("code", "") : "";
    const double amount = quantity ? quantity->optValue<double>("quantity", 0) : 0;
    const auto conversion = units().find(unitCode);
    if (!(amount > 0) || conversion == units().end()) {
      shape(line + ": quantity.quantity above 0 and quantity.unitOfMeasurement.code (P, T, K, M, G, L, Y, N) are required");
    } else {
      record.quantity = amount * conversion->second.factor;
      record.unit = conversion->second.unit;
    }

    const auto method = waste->getObject("managementMethod");
    const std::string methodCode = method ? method->optValue<std::string>("code", "") : "";
    if (const auto operation = operationForManagementMethod(methodCode)) {
      record.operationCode = *operation;
    } else {
      diagnostics.error("emanifest.unmapped",
                        line + ": management method '" + methodCode +
                            "' has no single EU R/D operation (see docs/EXCHANGE.md); nothing was recorded",
                        nowhere());
    }

    record.ewcCode = comment(waste, "EWC");
    if (record.ewcCode.empty()) {
      diagnostics.error("emanifest.unmapped",
                        line + ": no EWC code; RCRA waste codes do not translate to EWC, so give it as an "
                               "additionalInfo comment labelled EWC",
                        nowhere());
    }
    // Hazardous under RCRA, or an asterisked EWC entry: hazardous either way.
    record.hazardous = waste->optValue<bool>("epaWaste", false) || record.ewcCode.find('*') != std::string::npos;
    if (const std::string rma = comment(waste, "RMA"); !rma.empty()) entry.rmaNumber = rma;
    std::vector<std::string> serials;
    comment(waste, "Serial", &serials);
    for (const std::string& serial : serials) {
      if (!serial.empty()) record.serialNumbers.push_back(serial);
    }
    document.entries.push_back(std::move(entry));
  }
  if (diagnostics.hasErrors()) document.entries.clear();
  return document;
}

}  // namespace exchange
