#include "crm/survey_import.h"

#include "crm/survey_book.h"
#include "crm/survey_import_runs.h"
#include "crm/survey_row.h"
#include "csv/reader.h"
#include "csv/utf8.h"
#include "store/bulk_inserter.h"
#include "store/dialect.h"
#include "store/timestamp.h"

#include <Poco/Data/Session.h>

#include <sstream>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

enum class Fate { imported, alreadyKnown, refused };

// One record of the file applied through the survey book; `reason` says why when refused.
Fate applyRecord(store::Transaction& transaction, SurveyBook& book, const SurveyColumns& columns,
                 const csv::Record& record, std::string& reason) {
  const auto response = surveyResponse(columns, record);
  if (!response) {
    reason = response.problems().front().message;
    return Fate::refused;
  }
  const auto recorded = book.record(transaction, response.value());
  if (!recorded) {
    reason = recorded.describe();
    return Fate::refused;
  }
  return recorded.value() ? Fate::imported : Fate::alreadyKnown;
}

// A run as it is written: its row first (for the id its rejects point to), the rejects as they
// come, the counts at the end; all in the caller's transaction.
class RunRecorder {
 public:
  RunRecorder(store::Transaction& transaction, const std::string& fileName, const std::string& header,
              std::optional<std::int64_t> replayOf)
      : session_(transaction.session()) {
    Poco::Nullable<std::int64_t> replayed;
    if (replayOf) replayed = *replayOf;
    session_ << "INSERT INTO survey_import_run (file_name, header_text, replay_of, started_at) VALUES (?, ?, ?, ?) "
                "RETURNING run_id",
        bind(csv::escapeInvalidUtf8(fileName)), bind(csv::escapeInvalidUtf8(header)), bind(replayed),
        bind(store::currentTimestamp()), into(outcome_.runId), now;
    rejects_ = std::make_unique<store::BulkInserter>(
        session_, "survey_import_reject",
        std::vector<std::string>{"run_id", "line_no", "raw_text", "raw_bytes", "reason"});
  }

  SurveyImportOutcome& outcome() { return outcome_; }

  void count(Fate fate) {
    ++outcome_.rows;
    if (fate == Fate::imported) ++outcome_.imported;
    if (fate == Fate::alreadyKnown) ++outcome_.alreadyKnown;
  }

  void reject(std::int64_t line, std::string_view rawRecord, const std::string& reason) {
    std::string raw(rawRecord);
    // Bytes that are not UTF-8 text are kept exactly beside a readable copy (PostgreSQL's text
    // would refuse them and with them the whole file).
    const bool text = csv::isValidUtf8Text(raw);
    rejects_->add({outcome_.runId, line, text ? raw : csv::escapeInvalidUtf8(raw),
                   text ? store::Value() : store::Value(store::Bytes{raw}), csv::escapeInvalidUtf8(reason)});
    outcome_.rejected.push_back({line, std::move(raw), reason, std::nullopt});
  }

  SurveyImportOutcome finish() {
    rejects_->flush();
    const auto rejected = static_cast<std::int64_t>(outcome_.rejected.size());
    session_ << "UPDATE survey_import_run SET rows_read = ?, imported = ?, already_known = ?, rejected = ? "
                "WHERE run_id = ?",
        bind(outcome_.rows), bind(outcome_.imported), bind(outcome_.alreadyKnown), bind(rejected),
        bind(outcome_.runId), now;
    return std::move(outcome_);
  }

 private:
  Poco::Data::Session& session_;
  SurveyImportOutcome outcome_;
  std::unique_ptr<store::BulkInserter> rejects_;
};

}  // namespace

SurveyImportOutcome importSurveyCsv(store::Transaction& transaction, std::istream& in, const std::string& fileName) {
  csv::Reader reader(in);
  csv::Record header;
  if (!reader.next(header)) {
    RunRecorder empty(transaction, fileName, "", std::nullopt);
    if (reader.fatalError()) empty.reject(1, "", *reader.fatalError());
    return empty.finish();
  }
  RunRecorder run(transaction, fileName, std::string(header.raw), std::nullopt);
  const SurveyColumns columns(header);
  if (!columns.missing().empty()) {
    run.reject(static_cast<std::int64_t>(header.line), header.raw, "the header lacks the column(s) " + columns.missing());
    return run.finish();
  }
  SurveyBook book(transaction.session());
  csv::Record record;
  std::string reason;
  while (reader.next(record)) {
    if (record.fields.size() == 1 && record.fields[0].find_first_not_of(" \t") == std::string_view::npos) {
      continue;  // a line of blanks
    }
    const Fate fate = applyRecord(transaction, book, columns, record, reason);
    run.count(fate);
    if (fate == Fate::refused) run.reject(static_cast<std::int64_t>(record.line), record.raw, reason);
  }
  if (reader.fatalError()) {
    // A record too long to hold: what follows it cannot be read, so the rest of the file is one reject.
    run.count(Fate::refused);
    run.reject(static_cast<std::int64_t>(record.line) + 1, "", *reader.fatalError());
  }
  return run.finish();
}

SurveyImportOutcome replaySurveyRejects(store::Transaction& transaction, std::int64_t runId) {
  Poco::Data::Session& session = transaction.session();
  // Two replays of one run take its outstanding rejects in turn (SQLite's write lock does the same).
  if (store::sessionDialect(session) == store::Dialect::postgresql) {
    session << "SELECT run_id FROM survey_import_run WHERE run_id = ? FOR UPDATE", bind(runId), now;
  }
  SurveyImportRuns runs(session);
  const auto original = runs.find(runId);
  if (!original) return {};
  const std::vector<SurveyReject> outstanding = runs.rejects(runId, true);
  if (outstanding.empty()) return {};

  RunRecorder replay(transaction, original->fileName, original->header, runId);
  std::istringstream headerText(original->header);
  csv::Reader headerReader(headerText);
  csv::Record header;
  if (!headerReader.next(header)) header = csv::Record{};
  const SurveyColumns columns(header);
  SurveyBook book(session);
  std::string reason;
  for (const SurveyReject& reject : outstanding) {
    std::istringstream rowText(reject.raw);
    csv::Reader rowReader(rowText);
    csv::Record record;
    Fate fate = Fate::refused;
    if (!columns.missing().empty()) {
      reason = "the header lacks the column(s) " + columns.missing();
    } else if (!rowReader.next(record)) {
      reason = "the stored row is empty";
    } else {
      fate = applyRecord(transaction, book, columns, record, reason);
    }
    replay.count(fate);
    if (fate == Fate::refused) {
      replay.reject(reject.line, reject.raw, reason);
      continue;
    }
    session << "UPDATE survey_import_reject SET resolved_by = ? WHERE run_id = ? AND line_no = ?",
        bind(replay.outcome().runId), bind(runId), bind(reject.line), now;
    ++replay.outcome().resolved;
  }
  return replay.finish();
}

}  // namespace crm
