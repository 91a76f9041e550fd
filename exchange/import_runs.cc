#include "exchange/import_runs.h"

#include "csv/utf8.h"
#include "store/dialect.h"
#include "store/timestamp.h"
#include "store/transaction.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace exchange {
namespace {

const char* const kSelectRun =
    "SELECT run_id, file_name, sha256, byte_count, replay_of, status, rows_read, rows_applied, rows_rejected, "
    "attempts, error, started_at, finished_at, header_text FROM import_run";

std::vector<ImportRun> selectRuns(Poco::Data::Session& session, const std::string& where,
                                  const std::vector<std::string>& texts = {}, std::optional<std::int64_t> number = {}) {
  std::vector<std::int64_t> id, bytes, read, applied, rejected;
  std::vector<std::string> file, sha, status, started, header;
  std::vector<Poco::Nullable<std::int64_t>> replayOf;
  std::vector<int> attempts;
  std::vector<Poco::Nullable<std::string>> error, finished;
  Poco::Data::Statement select(session);
  select << std::string(kSelectRun) + " " + where;
  for (const std::string& text : texts) select, bind(text);
  if (number) select, bind(*number);
  select, into(id), into(file), into(sha), into(bytes), into(replayOf), into(status), into(read), into(applied),
      into(rejected), into(attempts), into(error), into(started), into(finished), into(header);
  select.execute();
  std::vector<ImportRun> runs;
  for (std::size_t i = 0; i < id.size(); ++i) {
    ImportRun run;
    run.id = id[i];
    run.fileName = file[i];
    run.sha256 = sha[i];
    run.byteCount = bytes[i];
    if (!replayOf[i].isNull()) run.replayOf = replayOf[i].value();
    run.status = status[i];
    run.rowsRead = read[i];
    run.rowsApplied = applied[i];
    run.rowsRejected = rejected[i];
    run.attempts = attempts[i];
    if (!error[i].isNull()) run.error = error[i].value();
    run.startedAt = started[i];
    if (!finished[i].isNull()) run.finishedAt = finished[i].value();
    run.header = header[i];
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace

std::string ImportReject::describe() const {
  return code + (field && !field->empty() ? " (" + *field + ")" : "") + ": " + reason;
}

ImportRun ImportRuns::open(const std::string& fileName, const std::string& sha256, std::int64_t byteCount,
                           const std::string& header, std::optional<std::int64_t> replayOf) {
  // A file name or header that is not UTF-8 is kept readable (PostgreSQL text refuses the bytes);
  // the rows are read from the file, and a replay's stored header keeps every separator.
  const std::string storedFileName = csv::escapeInvalidUtf8(fileName);
  const std::string storedHeader = csv::escapeInvalidUtf8(header);
  Poco::Data::Session session = database_.session();
  store::Transaction transaction(session);
  std::vector<ImportRun> kept =
      replayOf ? selectRuns(session, "WHERE replay_of = ? AND status = 'running'", {}, replayOf)
               : selectRuns(session, "WHERE kind = 'shipments' AND sha256 = ? AND replay_of IS NULL", {sha256});
  if (kept.empty()) {
    const std::string stamp = store::currentTimestamp();
    Poco::Nullable<std::int64_t> original;
    if (replayOf) original = *replayOf;
    // ON CONFLICT DO NOTHING: two imports of one file racing here keep one run between them.
    session << "INSERT INTO import_run (kind, file_name, sha256, byte_count, replay_of, status, header_text, "
               "started_at) VALUES ('shipments', ?, ?, ?, ?, 'running', ?, ?) ON CONFLICT DO NOTHING",
        bind(storedFileName), bind(sha256), bind(byteCount), bind(original), bind(storedHeader), bind(stamp), now;
    kept = replayOf ? selectRuns(session, "WHERE replay_of = ? AND status = 'running' ORDER BY run_id DESC", {},
                                 replayOf)
                    : selectRuns(session, "WHERE kind = 'shipments' AND sha256 = ? AND replay_of IS NULL", {sha256});
  } else if (kept.front().status != "applied") {
    // Interrupted or failed before: this import is one more attempt of the same run.
    session << "UPDATE import_run SET attempts = attempts + 1, status = 'running', error = NULL, file_name = ? "
               "WHERE run_id = ?",
        bind(storedFileName), bind(kept.front().id), now;
    kept.front().attempts += 1;
    kept.front().status = "running";
  }
  transaction.commit();
  return kept.front();
}

std::optional<ImportRun> ImportRuns::find(std::int64_t id) {
  Poco::Data::Session session = database_.session();
  auto runs = selectRuns(session, "WHERE run_id = ?", {}, id);
  if (runs.empty()) return std::nullopt;
  return runs.front();
}

std::vector<ImportRun> ImportRuns::list(std::size_t limit) {
  Poco::Data::Session session = database_.session();
  return selectRuns(session, "ORDER BY run_id DESC LIMIT " + std::to_string(limit));
}

std::vector<ImportReject> ImportRuns::rejects(std::int64_t runId, bool outstandingOnly, std::int64_t after,
                                              std::size_t limit) {
  Poco::Data::Session session = database_.session();
  return rejects(session, runId, outstandingOnly, after, limit);
}

std::vector<ImportReject> ImportRuns::rejects(Poco::Data::Session& session, std::int64_t runId, bool outstandingOnly,
                                              std::int64_t after, std::size_t limit) {
  std::vector<std::int64_t> line;
  std::vector<std::string> raw, code, reason;
  std::vector<Poco::Nullable<std::string>> field;
  std::vector<Poco::Nullable<std::int64_t>> resolvedBy;
  std::vector<Poco::Nullable<Poco::Data::BLOB>> rawBytes;
  session << "SELECT line_no, raw_text, raw_bytes, code, field, reason, resolved_by FROM import_reject "
             "WHERE run_id = ? AND line_no > ?" + std::string(outstandingOnly ? " AND resolved_by IS NULL" : "") +
                 " ORDER BY line_no LIMIT " + std::to_string(limit),
      bind(runId), bind(after), into(line), into(raw), into(rawBytes), into(code), into(field), into(reason),
      into(resolvedBy), now;
  std::vector<ImportReject> rejects;
  for (std::size_t i = 0; i < line.size(); ++i) {
    ImportReject reject{line[i], raw[i], code[i], std::nullopt, reason[i], std::nullopt};
    if (!rawBytes[i].isNull()) {
      const Poco::Data::BLOB& bytes = rawBytes[i].value();
      reject.rawText.assign(reinterpret_cast<const char*>(bytes.rawContent()), bytes.size());
    }
    if (!field[i].isNull()) reject.field = field[i].value();
    if (!resolvedBy[i].isNull()) reject.resolvedBy = resolvedBy[i].value();
    rejects.push_back(std::move(reject));
  }
  return rejects;
}

void ImportRuns::fail(std::int64_t runId, const std::string& error) {
  Poco::Data::Session session = database_.session();
  session << "UPDATE import_run SET status = 'failed', error = ?, finished_at = ? WHERE run_id = ?",
      bind(csv::escapeInvalidUtf8(error)),
      bind(store::currentTimestamp()), bind(runId), now;
}

std::string ImportRuns::lock(Poco::Data::Session& session, std::int64_t runId) {
  std::vector<std::string> status;
  const bool sqlite = store::sessionDialect(session) == store::Dialect::sqlite;
  session << std::string("SELECT status FROM import_run WHERE run_id = ?") + (sqlite ? "" : " FOR UPDATE"),
      bind(runId), into(status), now;
  return status.empty() ? std::string() : status.front();
}

void ImportRuns::finish(Poco::Data::Session& session, std::int64_t runId, std::int64_t read, std::int64_t applied,
                        std::int64_t rejected) {
  session << "UPDATE import_run SET status = 'applied', rows_read = ?, rows_applied = ?, rows_rejected = ?, "
             "error = NULL, finished_at = ? WHERE run_id = ?",
      bind(read), bind(applied), bind(rejected), bind(store::currentTimestamp()), bind(runId), now;
}

}  // namespace exchange
