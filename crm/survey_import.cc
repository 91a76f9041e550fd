#include "crm/survey_import.h"

#include "crm/csv_records.h"
#include "crm/survey_book.h"
#include "csv/utf8.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

namespace crm {
namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

SurveyImportOutcome importSurveyCsv(store::Transaction& transaction, std::istream& in) {
  SurveyImportOutcome outcome;
  CsvRecords records(in);
  const auto header = records.next();
  if (!header) return outcome;
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header->fields.size(); ++i) {
    std::string name = lower(trimmed(header->fields[i]));
    if (i == 0 && name.rfind("\xef\xbb\xbf", 0) == 0) name.erase(0, 3);  // a spreadsheet's UTF-8 BOM
    column.emplace(name, i);
  }
  std::string missing;
  for (const char* required : {"source_key", "customer", "survey", "answered_at"}) {
    if (!column.count(required)) missing += (missing.empty() ? "" : ", ") + std::string(required);
  }
  if (!missing.empty()) {
    outcome.rejected.push_back({header->line, "the header lacks the column(s) " + missing});
    return outcome;
  }

  SurveyBook book(transaction.session());
  while (const auto record = records.next()) {
    if (record->fields.size() == 1 && trimmed(record->fields[0]).empty()) continue;  // blank line
    ++outcome.rows;
    if (records.error()) {
      outcome.rejected.push_back({record->line, "a quoted field is not closed before the end of the file"});
      break;
    }
    if (record->fields.size() != header->fields.size()) {
      outcome.rejected.push_back({record->line, std::to_string(record->fields.size()) + " fields where the header has " +
                                                    std::to_string(header->fields.size())});
      continue;
    }
    // PostgreSQL's text refuses other bytes: a sheet saved as Latin-1 is refused row by row, with
    // the column, instead of failing the whole file at the write.
    const auto notText = std::find_if(record->fields.begin(), record->fields.end(),
                                      [](const std::string& value) { return !csv::isValidUtf8Text(value); });
    if (notText != record->fields.end()) {
      const std::string name = trimmed(header->fields[static_cast<std::size_t>(notText - record->fields.begin())]);
      outcome.rejected.push_back({record->line, csv::escapeInvalidUtf8(name) + ": '" +
                                                    csv::escapeInvalidUtf8(*notText) +
                                                    "' is not UTF-8 text (save the file as UTF-8)"});
      continue;
    }
    auto field = [&](const char* name) -> std::string {
      const auto found = column.find(name);
      return found == column.end() ? "" : trimmed(record->fields[found->second]);
    };
    SurveyResponse response;
    response.sourceKey = field("source_key");
    response.customer = field("customer");
    response.survey = lower(field("survey"));
    response.answeredAt = field("answered_at");
    if (const std::string score = field("score"); !score.empty()) {
      int value = 0;
      const auto [end, error] = std::from_chars(score.data(), score.data() + score.size(), value);
      if (error != std::errc() || end != score.data() + score.size()) {
        outcome.rejected.push_back({record->line, "score: '" + score + "' is not a whole number"});
        continue;
      }
      response.score = value;
    }
    if (const std::string reason = field("lost_reason"); !reason.empty()) response.lostReason = reason;
    if (const std::string comment = field("comment"); !comment.empty()) response.comment = comment;
    const auto recorded = book.record(transaction, response);
    if (!recorded) {
      outcome.rejected.push_back({record->line, recorded.describe()});
    } else if (recorded.value()) {
      ++outcome.imported;
    } else {
      ++outcome.alreadyKnown;
    }
  }
  return outcome;
}

}  // namespace crm
