// The US EPA e-Manifest (JSON, /work/shared/reference/emanifest) as an adapter onto disposal
// records: one record per waste line, at the designated facility (the recycler). What maps
// and what does not is in docs/EXCHANGE.md: quantities and units convert to ours, management
// method H-codes to EU R/D codes where one operation corresponds, and what the manifest does
// not carry (the EWC code, the RMA and serial numbers) comes from the line's additional-info
// comments labelled "EWC", "RMA" and "Serial".
#pragma once

#include "edi/diagnostic.h"
#include "exchange/disposal_document.h"

#include <optional>
#include <string>
#include <string_view>

namespace exchange {

// Problems go to `diagnostics` as errors (json.syntax, json.shape, emanifest.unmapped), each
// naming the waste line; the document holds the records only when there are none.
DisposalDocument readEmanifest(std::string_view bytes, edi::Diagnostics& diagnostics);

// The EU operation a management method code corresponds to ("H020" -> "R2"), if one does.
std::optional<std::string> operationForManagementMethod(const std::string& code);

}  // namespace exchange
