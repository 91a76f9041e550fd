#include "exchange/disposal_document.h"

#include "logistics/disposal_book.h"
#include "logistics/return_book.h"
#include "logistics/timestamp_text.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

namespace exchange {

std::optional<std::string> storedTimestampFromIso(const std::string& text) {
  Poco::DateTime parsed;
  int zone = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, parsed, zone) &&
      !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, text, parsed, zone)) {
    return std::nullopt;
  }
  parsed.makeUTC(zone);
  // Poco takes any offset up to 99:99, and one can carry the date out of the years the stored
  // form holds ("0000-01-01T00:00:00+01:00" became "-001-12-31T-1:00:00.000Z").
  std::string stored = Poco::DateTimeFormatter::format(parsed, "%Y-%m-%dT%H:%M:%S.%iZ");
  if (!logistics::isStoredTimestamp(stored)) return std::nullopt;
  return stored;
}

logistics::Result<std::size_t> applyDisposalDocument(store::Transaction& transaction, const DisposalDocument& document,
                                                     std::int64_t recyclerId, std::int64_t interchangeId) {
  logistics::ReturnBook returns(transaction.session());
  logistics::DisposalBook book(transaction.session());
  std::size_t recorded = 0;
  for (const DisposalEntry& entry : document.entries) {
    logistics::DisposalRecord record = entry.record;
    record.recyclerId = recyclerId;
    record.sourceInterchangeId = interchangeId;
    if (entry.rmaNumber) {
      const auto rma = returns.findByNumber(*entry.rmaNumber);
      if (!rma) {
        return logistics::Problem{logistics::ProblemCode::unknown_rma, entry.label,
                                  entry.label + ": no RMA '" + *entry.rmaNumber + "'"};
      }
      record.rmaId = rma->id;
    }
    const auto result = book.record(transaction, record);
    if (!result) {
      return logistics::Problem{result.problems().front().code, entry.label, entry.label + ": " + result.describe()};
    }
    ++recorded;
  }
  return recorded;
}

}  // namespace exchange
