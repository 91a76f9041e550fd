// Our XML disposal report (schemas/xsd/disposal-report.xsd), read into a DisposalDocument:
// validated against the schema with libxml2 first, so every value read after is well formed.
#pragma once

#include "edi/diagnostic.h"
#include "exchange/disposal_document.h"

#include <string>
#include <string_view>

namespace exchange {

// Problems go to `diagnostics` as errors with their line (codes xml.syntax, xml.schema,
// xml.value); the document holds the records only when there are none.
DisposalDocument readDisposalReport(std::string_view bytes, const std::string& schemasRoot, edi::Diagnostics& diagnostics);

}  // namespace exchange
