// A recycler's disposal document as the intake reads it, whatever its format (our XML disposal
// report, the US EPA e-Manifest): the disposal records it states, each with the RMA number it
// names, and how to apply them onto logistics::DisposalBook in one transaction.
#pragma once

#include "logistics/disposal_record.h"
#include "logistics/problem.h"
#include "store/transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace exchange {

struct DisposalEntry {
  logistics::DisposalRecord record;  // recycler, RMA id and source interchange are set when applied
  std::optional<std::string> rmaNumber;
  std::string label;  // how messages name it: "record 2 (certificate C-2)", "waste line 1"
};

struct DisposalDocument {
  std::string format;  // document_header.h: kDisposalReportFormat, kEmanifestFormat
  std::vector<DisposalEntry> entries;
};

// Records every entry for `recyclerId` in the caller's transaction and returns how many; the
// first refusal is returned naming the entry, and the caller rolls back.
logistics::Result<std::size_t> applyDisposalDocument(store::Transaction& transaction, const DisposalDocument& document,
                                                     std::int64_t recyclerId, std::int64_t interchangeId);

// An ISO-8601 date-time ("2026-11-20T10:00:00Z", "...+01:00", with or without fractions; without
// a zone taken as UTC) in the stored form, or nothing when it is not one.
std::optional<std::string> storedTimestampFromIso(const std::string& text);

}  // namespace exchange
