#include "exchange/applied_envelopes.h"

#include "csv/utf8.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace exchange {

AppliedEnvelopes::Key AppliedEnvelopes::keyOf(const MessageDocument& document) {
  // As the interchange store keeps the first envelope (interchange_header.cc), so both compare.
  return {document.standard == edi::Standard::x12 ? "x12" : "edifact", document.senderId,
          csv::escapeInvalidUtf8(document.interchangeControl)};
}

bool AppliedEnvelopes::appliedBefore(const MessageDocument& document) {
  const Key key = keyOf(document);
  auto found = seen_.find(key);
  if (found == seen_.end()) {
    auto [standard, sender, control] = key;
    std::vector<std::int64_t> ids;
    session_ << "SELECT interchange_id FROM interchange_envelope WHERE standard = ? AND sender_id = ? "
                "AND control_number = ? AND interchange_id <> ?",
        bind(standard), bind(sender), bind(control), bind(interchangeId_), into(ids), now;
    Seen seen;
    seen.envelope = document.envelope;
    if (!ids.empty()) seen.appliedBy = ids.front();
    found = seen_.emplace(key, seen).first;
  }
  Seen& seen = found->second;
  if (seen.envelope != document.envelope) seen.twiceInFile = true;
  const bool skip = seen.appliedBy || seen.envelope != document.envelope;
  if (skip) ++skippedMessages_;
  return skip;
}

void AppliedEnvelopes::recordApplied() {
  for (const auto& [key, seen] : seen_) {
    if (seen.appliedBy) continue;
    auto [standard, sender, control] = key;
    session_ << "INSERT INTO interchange_envelope (interchange_id, standard, sender_id, control_number) "
                "VALUES (?, ?, ?, ?)",
        bind(interchangeId_), bind(standard), bind(sender), bind(control), now;
  }
}

std::string AppliedEnvelopes::describeSkipped() const {
  std::string text;
  for (const auto& [key, seen] : seen_) {
    const std::string envelope = "interchange " + std::get<2>(key) + " from " + std::get<1>(key);
    if (seen.appliedBy) {
      text += (text.empty() ? "" : "; ") + envelope + " was applied before by interchange " +
              std::to_string(*seen.appliedBy);
    } else if (seen.twiceInFile) {
      text += (text.empty() ? "" : "; ") + envelope + " is in this file twice: applied once";
    }
  }
  return text;
}

}  // namespace exchange
