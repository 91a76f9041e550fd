// The EDI engine's jobs on a whole input, as the command line and the exchange pipeline run
// them: validate every interchange in it, or show it as a readable tree.
#pragma once

#include "edi/byte_source.h"
#include "edi/diagnostic.h"
#include "edi/spec_catalog.h"
#include "edi/validation_report.h"

#include <cstdint>
#include <iosfwd>

namespace edi {

struct CheckOptions {
  bool strict = false;
};

struct CheckSummary {
  std::uint64_t segments = 0;
  std::uint32_t interchanges = 0;
  std::uint64_t messages = 0;
  std::uint64_t messagesAccepted = 0;
};

// Reads and validates everything in `source`; problems go to `diagnostics`, ack-shaped reports
// to `listener` when given. Throws only on I/O failure.
CheckSummary checkInterchanges(ByteSource& source, SpecCatalog& catalog, Diagnostics& diagnostics,
                               const CheckOptions& options = {}, ValidationListener* listener = nullptr);

// Writes the interchanges as an indented tree: envelopes, messages with their names, loops, and
// each segment with its elements named from the definitions. Reading problems go to `diagnostics`.
void showInterchanges(ByteSource& source, SpecCatalog& catalog, std::ostream& out, Diagnostics& diagnostics);

}  // namespace edi
