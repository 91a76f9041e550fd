// EDI <-> XML in afterflow's documented form (schemas/xsd/edi-xml.xsd), streamed with libxml2 in
// both directions so any file size works in bounded memory. A well-formed interchange written to
// XML and back gives the same bytes; it can also come back with other delimiters.
#pragma once

#include "edi/byte_source.h"
#include "edi/delimiters.h"
#include "edi/diagnostic.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace edi {

// Writes every interchange of `source` as XML. Reading problems go to `diagnostics`.
void writeXml(ByteSource& source, std::ostream& out, Diagnostics& diagnostics);

struct FromXmlOptions {
  std::string xsdPath;                    // validated against while reading; empty: no validation
  std::optional<Delimiters> delimiters;   // re-delimit: write with these instead of the XML's
};

// Reads the XML form from `xmlPath` and writes the interchanges. Returns false (with located
// diagnostics: line of the XML) when the XML is invalid or a value cannot be written.
bool readXml(const std::string& xmlPath, std::ostream& out, Diagnostics& diagnostics, const FromXmlOptions& options);

// "*>^~" (X12: element, component, repetition, terminator) or "+:*'?" (EDIFACT: element,
// component, repetition, terminator, release); a space means "none". Throws
// Poco::InvalidArgumentException on anything else.
Delimiters parseDelimiters(const std::string& text, Standard standard);

}  // namespace edi
