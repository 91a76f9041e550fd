#include "crm/survey_import.h"

#include "crm/survey_book.h"
#include "crm/survey_import_runs.h"
#include "csv/reader.h"
#include "csv/utf8.h"
#include "store/bulk_inserter.h"
#include "store/dialect.h"
#include "store/timestamp.h"

#include <Poco/Data/Session.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <sstream>

using namespace Poco::Data::Keywords;

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

// The header's columns by name, and the required ones it lacks.
struct SurveyColumns {
  std::vector<std::string> names;
  std::map<std::string, std::size_t> index;
  std::string missing;

  explicit SurveyColumns(const csv::Record& header) {
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      names.push_back(trimmed(header.fields[i]));
      index.emplace(lower(names.back()), i);
    }
    for (const char* required : {"source_key", "customer", "survey", "answered_at"}) {
      if (!index.count(required)) missing += (missing.empty() ? "" : ", ") + std::string(required);
    }
  }
};

enum class Fate { imported, alreadyKnown, refused };

// One record of the file applied through the survey book; `reason` says why when refused.
Fate applyRecord(store::Transaction& transaction, SurveyBook& book, const SurveyColumns& columns,
                 const csv::Record& record, std::string& reason) {
  if (record.error) {
    reason = *record.error;
    return Fate::refused;
  }
  if (record.fields.size() != columns.names.size()) {
    reason = std::to_string(record.fields.size()) + " fields where the header has " +
             std::to_string(columns.names.size());
    return Fate::refused;
  }
  // PostgreSQL's text refuses other bytes: a sheet saved as Latin-1 is refused row by row, with
  // the column, instead of failing the whole file at the write.
  const auto notText = std::find_if(record.fields.begin(), record.fields.end(),
                                    [](std::string_view value) { return !csv::isValidUtf8Text(value); });
  if (notText != record.fields.end()) {
    const std::string& name = columns.names[static_cast<std::size_t>(notText - record.fields.begin())];
    reason = csv::escapeInvalidUtf8(name) + ": '" + csv::escapeInvalidUtf8(std::string(*notText)) +
             "' is not UTF-8 text (save the file as UTF-8)";
    return Fate::refused;
  }
  auto field = [&](const char* name) -> std::string {
    const auto found = columns.index.find(name);
    return found == columns.index.end() ? "" : trimmed(record.fields[found->second]);
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
      reason = "score: '" + score + "' is not a whole number";
      return Fate::refused;
    }
    response.score = value;
  }
  if (const std::string lost = field("lost_reason"); !lost.empty()) response.lostReason = lost;
  if (const std::string comment = field("comment"); !comment.empty()) response.comment = comment;
  const auto recorded = book.record(transaction, response);
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
  if (!columns.missing.empty()) {
    run.reject(static_cast<std::int64_t>(header.line), header.raw, "the header lacks the column(s) " + columns.missing);
    return run.finish();
  }
  SurveyBook book(transaction.session());
  csv::Record record;
  std::string reason;
  while (reader.next(record)) {
    if (record.fields.size() == 1 && trimmed(record.fields[0]).empty()) continue;  // a line of blanks
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
    if (!columns.missing.empty()) {
      reason = "the header lacks the column(s) " + columns.missing;
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
