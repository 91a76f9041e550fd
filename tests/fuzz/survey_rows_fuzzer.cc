// Fuzzes what `survey import` does to a file before the database: csv::Reader, the header into
// crm::SurveyColumns, each record into an answer or the reason it is refused
// (crm::surveyResponse; seeds: corpus/survey_rows, dictionary survey_rows.dict). An answer it
// lets through holds only UTF-8 text, which PostgreSQL's text takes.
#include "crm/survey_row.h"
#include "csv/utf8.h"
#include "csv_record_check.h"


namespace {

using afterflow_fuzz::touch;

std::uint64_t storable(const std::string& text) {
  if (!csv::isValidUtf8Text(text)) afterflow_fuzz::fail("an answer with text that is not UTF-8");
  return touch(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  afterflow_fuzz::CheckedCsvReader reader(data, size);
  csv::Record record;
  if (!reader.next(record)) return 0;
  std::uint64_t sum = 0;
  const crm::SurveyColumns columns(record);
  for (const std::string& name : columns.names()) sum += touch(name);
  sum += touch(columns.missing());
  while (reader.next(record)) {
    const auto answer = crm::surveyResponse(columns, record);
    if (!answer) {
      const auto& problem = answer.problems().front();
      if (problem.message.empty()) afterflow_fuzz::fail("a refused answer without a reason");
      sum += touch(problem.message) + touch(problem.field);
      continue;
    }
    if (record.error || record.fields.size() != columns.names().size()) {
      afterflow_fuzz::fail("a malformed record or one of another width became an answer");
    }
    const crm::SurveyResponse& r = answer.value();
    sum += storable(r.sourceKey) + storable(r.customer) + storable(r.survey) + storable(r.answeredAt) +
           static_cast<std::uint64_t>(r.score.value_or(-1));
    if (r.lostReason) sum += storable(*r.lostReason);
    if (r.comment) sum += storable(*r.comment);
  }
  afterflow_fuzz::sink = sum + reader.sum;
  return 0;
}
