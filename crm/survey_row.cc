#include "crm/survey_row.h"

#include "csv/utf8.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace crm {
namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

SurveyColumns::SurveyColumns(const csv::Record& header) {
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    names_.push_back(trimmed(header.fields[i]));
    index_.emplace(lower(names_.back()), i);
  }
  for (const char* required : {"source_key", "customer", "survey", "answered_at"}) {
    if (!index_.count(required)) missing_ += (missing_.empty() ? "" : ", ") + std::string(required);
  }
}

std::optional<std::size_t> SurveyColumns::at(const std::string& lowerName) const {
  const auto found = index_.find(lowerName);
  if (found == index_.end()) return std::nullopt;
  return found->second;
}

Result<SurveyResponse> surveyResponse(const SurveyColumns& columns, const csv::Record& record) {
  if (record.error) return Problem{ProblemCode::invalid_value, "", *record.error};
  if (record.fields.size() != columns.names().size()) {
    return Problem{ProblemCode::invalid_value, "",
                   std::to_string(record.fields.size()) + " fields where the header has " +
                       std::to_string(columns.names().size())};
  }
  // PostgreSQL's text refuses other bytes: a sheet saved as Latin-1 is refused row by row, with
  // the column, instead of failing the whole file at the write.
  const auto notText = std::find_if(record.fields.begin(), record.fields.end(),
                                    [](std::string_view value) { return !csv::isValidUtf8Text(value); });
  if (notText != record.fields.end()) {
    const std::string& name = columns.names()[static_cast<std::size_t>(notText - record.fields.begin())];
    return Problem{ProblemCode::invalid_value, csv::escapeInvalidUtf8(name),
                   csv::escapeInvalidUtf8(name) + ": '" + csv::escapeInvalidUtf8(std::string(*notText)) +
                       "' is not UTF-8 text (save the file as UTF-8)"};
  }
  const auto field = [&](const char* name) -> std::string {
    const auto at = columns.at(name);
    return at ? trimmed(record.fields[*at]) : "";
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
      return Problem{ProblemCode::invalid_value, "score", "score: '" + score + "' is not a whole number"};
    }
    response.score = value;
  }
  if (const std::string lost = field("lost_reason"); !lost.empty()) response.lostReason = lost;
  if (const std::string comment = field("comment"); !comment.empty()) response.comment = comment;
  return response;
}

}  // namespace crm
