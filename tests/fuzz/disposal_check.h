// What the disposal document targets check of a read document: every field of every entry and
// diagnostic is read, records come only without errors, every date given is in the stored form,
// and the record checks that need no database (logistics::checkDisposalRecord) run on each, as
// the apply would.
#pragma once

#include "edi/diagnostic.h"
#include "exchange/disposal_document.h"
#include "fuzz_check.h"
#include "logistics/disposal_record.h"
#include "logistics/timestamp_text.h"

#include <cstdint>

namespace afterflow_fuzz {

inline std::uint64_t touchDisposal(const exchange::DisposalDocument& document, const edi::Diagnostics& diagnostics) {
  std::uint64_t sum = touch(document.format);
  for (const edi::Diagnostic& d : diagnostics.items()) {
    if (d.code.empty() || d.message.empty()) fail("a diagnostic without a code or a message");
    sum += touch(d.code) + touch(d.message) + d.where.line;
  }
  if (diagnostics.hasErrors() && !document.entries.empty()) fail("disposal records despite errors");
  for (const exchange::DisposalEntry& entry : document.entries) {
    const logistics::DisposalRecord& r = entry.record;
    if (entry.label.empty()) fail("a disposal entry without a label");
    sum += touch(entry.label) + touchOptional(entry.rmaNumber) + touch(r.ewcCode) + r.hazardous +
           static_cast<std::uint64_t>(r.quantity) + logistics::disposalUnitName(r.unit)[0] +
           logistics::quantityBasisName(r.basis)[0] + touch(r.operationCode) + touch(r.permitNumber) +
           touchOptional(r.certificateNumber) + touchOptional(r.receivedAt) + touchOptional(r.treatedAt) +
           touchOptional(r.certificateIssuedAt);
    for (const auto* stamp : {&r.receivedAt, &r.treatedAt, &r.certificateIssuedAt}) {
      if (*stamp && !logistics::isStoredTimestamp(**stamp)) fail("a disposal date that is not in the stored form");
    }
    for (const std::string& serial : r.serialNumbers) sum += touch(serial);
    for (const logistics::Problem& problem : logistics::checkDisposalRecord(r)) sum += touch(problem.describe());
  }
  return sum;
}

}  // namespace afterflow_fuzz
