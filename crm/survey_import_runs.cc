#include "crm/survey_import_runs.h"

#include <Poco/Data/LOB.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

const char* const kRunColumns =
    "SELECT run_id, file_name, header_text, started_at, replay_of, rows_read, imported, already_known, rejected "
    "FROM survey_import_run ";

}  // namespace

std::optional<SurveyImportRun> SurveyImportRuns::find(std::int64_t runId) {
  std::vector<std::int64_t> id, rows, imported, known, rejected;
  std::vector<std::string> file, header, started;
  std::vector<Poco::Nullable<std::int64_t>> replayOf;
  session_ << std::string(kRunColumns) + "WHERE run_id = ?", bind(runId), into(id), into(file), into(header),
      into(started), into(replayOf), into(rows), into(imported), into(known), into(rejected), now;
  if (id.empty()) return std::nullopt;
  SurveyImportRun run{id[0], file[0], header[0], started[0], std::nullopt, rows[0], imported[0], known[0], rejected[0]};
  if (!replayOf[0].isNull()) run.replayOf = replayOf[0].value();
  return run;
}

std::vector<SurveyImportRun> SurveyImportRuns::list(std::size_t limit) {
  std::vector<std::int64_t> id, rows, imported, known, rejected;
  std::vector<std::string> file, header, started;
  std::vector<Poco::Nullable<std::int64_t>> replayOf;
  session_ << std::string(kRunColumns) + "ORDER BY run_id DESC LIMIT " + std::to_string(limit), into(id), into(file),
      into(header), into(started), into(replayOf), into(rows), into(imported), into(known), into(rejected), now;
  std::vector<SurveyImportRun> runs;
  for (std::size_t i = 0; i < id.size(); ++i) {
    runs.push_back({id[i], file[i], header[i], started[i], std::nullopt, rows[i], imported[i], known[i], rejected[i]});
    if (!replayOf[i].isNull()) runs.back().replayOf = replayOf[i].value();
  }
  return runs;
}

std::vector<SurveyReject> SurveyImportRuns::rejects(std::int64_t runId, bool outstandingOnly) {
  std::vector<std::int64_t> line;
  std::vector<std::string> raw, reason;
  std::vector<Poco::Nullable<Poco::Data::BLOB>> rawBytes;
  std::vector<Poco::Nullable<std::int64_t>> resolvedBy;
  session_ << "SELECT line_no, raw_text, raw_bytes, reason, resolved_by FROM survey_import_reject WHERE run_id = ?" +
                  std::string(outstandingOnly ? " AND resolved_by IS NULL" : "") + " ORDER BY line_no",
      bind(runId), into(line), into(raw), into(rawBytes), into(reason), into(resolvedBy), now;
  std::vector<SurveyReject> rejects;
  for (std::size_t i = 0; i < line.size(); ++i) {
    SurveyReject reject{line[i], raw[i], reason[i], std::nullopt};
    if (!rawBytes[i].isNull()) {
      const Poco::Data::BLOB& bytes = rawBytes[i].value();
      reject.raw.assign(reinterpret_cast<const char*>(bytes.rawContent()), bytes.size());
    }
    if (!resolvedBy[i].isNull()) reject.resolvedBy = resolvedBy[i].value();
    rejects.push_back(std::move(reject));
  }
  return rejects;
}

}  // namespace crm
