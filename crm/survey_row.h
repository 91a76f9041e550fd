// A survey export's records as answers, before the survey book judges them against the
// database: the header's columns by name, and one record read into a SurveyResponse or refused
// with the reason its reject keeps. No database here (the fuzz target tests/fuzz reads through it).
#pragma once

#include "crm/result.h"
#include "crm/survey_book.h"
#include "csv/reader.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crm {

class SurveyColumns {
 public:
  explicit SurveyColumns(const csv::Record& header);

  // The header's names as written (trimmed), in order.
  const std::vector<std::string>& names() const { return names_; }
  // The required columns (source_key, customer, survey, answered_at) the header lacks, comma
  // separated; empty when it has them all.
  const std::string& missing() const { return missing_; }
  // Where the column named `lowerName` is, matched without regard to case.
  std::optional<std::size_t> at(const std::string& lowerName) const;

 private:
  std::vector<std::string> names_;
  std::map<std::string, std::size_t> index_;
  std::string missing_;
};

// `record` as an answer. Refused, with the reject's reason as the problem's message: a
// malformed record, a field count other than the header's, a value that is not UTF-8 text, a
// score that is not a whole number. The book checks the rest (customer, survey, score range, time).
Result<SurveyResponse> surveyResponse(const SurveyColumns& columns, const csv::Record& record);

}  // namespace crm
