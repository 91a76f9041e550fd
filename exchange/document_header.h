// What the head of a non-EDI partner document says (the XML disposal report, the US EPA
// e-Manifest JSON), in the same shape as an EDI envelope: the interchange store keeps it, the
// intake finds the sender from it, and a resend is recognised by its sender and number.
#pragma once

#include "exchange/interchange_record.h"

#include <optional>
#include <string_view>

namespace exchange {

// The format names kept as an interchange's version, by which the intake picks the reader.
inline constexpr std::string_view kDisposalReportFormat = "afterflow-disposal-report-1";
inline constexpr std::string_view kEmanifestFormat = "epa-emanifest";

// True when `head` (the first bytes of a file) starts, after a BOM and blanks, like XML or JSON.
bool looksLikeXml(std::string_view head);
bool looksLikeJson(std::string_view head);

// The header of an XML document (standard "xml"): for a disposal report the format, sender
// "party:<recycler code>" and the report number. `bytes` may be only the file's beginning.
InterchangeHeader readXmlHeader(std::string_view bytes);
// The header of a JSON document (standard "json"): for an e-Manifest the format, sender
// "epa:<designated facility site id>" and the manifest tracking number. Needs the whole text;
// JSON that does not parse gives the standard and nothing else (validation says why later).
InterchangeHeader readJsonHeader(std::string_view bytes);

}  // namespace exchange
