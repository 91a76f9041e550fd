#include "exchange/shipment_csv_import.h"

#include "crm/party_directory.h"
#include "csv/reader.h"
#include "csv/utf8.h"
#include "digest/sha256.h"
#include "exchange/shipment_csv.h"
#include "exchange/shipment_file_rows.h"
#include "logistics/shipment_import.h"
#include "store/bulk_inserter.h"
#include "store/sqlite_page_cache.h"
#include "store/transaction.h"

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/Path.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

using namespace Poco::Data::Keywords;

namespace exchange {
namespace {

constexpr std::size_t kFirstRejects = 20;
// Rows staged for one set-based write (PostgreSQL): large enough to amortise its statements,
// small enough that their raw text, kept until the write answers, stays a few MB.
constexpr std::size_t kRowsPerWrite = 50000;

// The header record as it stands in the file (empty when the file holds no record).
std::string headerOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Poco::OpenFileException(path);
  csv::Reader reader(in);
  csv::Record record;
  return reader.next(record) ? std::string(record.raw) : std::string();
}

std::string defaultRejectsPath(const std::string& path) {
  const std::string suffix = ".csv";
  if (path.size() > suffix.size() && Poco::icompare(path.substr(path.size() - suffix.size()), suffix) == 0) {
    return path.substr(0, path.size() - suffix.size()) + ".rejects.csv";
  }
  return path + ".rejects.csv";
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// Where the rows come from: a file, or for a replay the outstanding rejects of the original run.
struct Source {
  std::string path;
  std::optional<std::int64_t> replayOf;
  std::string header;  // a replay's: the original file's header record
};

// A run's outstanding rejects as rows, read a page at a time on the apply's session: after the
// lock on the original run, so the rows a replay that went first applied are resolved and left
// out. Each stored record is parsed on its own, so a broken one cannot swallow the next.
class StoredRejectRows : public ShipmentRowSource {
 public:
  StoredRejectRows(Poco::Data::Session& session, std::int64_t runId, const ShipmentColumns& columns,
                   const PartyCodes& parties)
      : session_(session), runId_(runId), columns_(columns), parties_(parties) {}

  bool next(ShipmentRow& row) override {
    if (at_ == page_.size()) {
      page_ = ImportRuns::rejects(session_, runId_, true, after_, 5000);
      at_ = 0;
      if (page_.empty()) return false;
      after_ = page_.back().line;
    }
    const ImportReject& stored = page_[at_++];
    std::istringstream in(stored.rawText);
    csv::Reader reader(in);
    csv::Record record;
    if (reader.next(record)) {
      row = shipmentRow(stored.line, record, columns_, parties_);
    } else {
      row = ShipmentRow{stored.line, {}, std::string("the stored record is empty"), {}, {}};
    }
    row.raw = stored.rawText;
    return true;
  }
  std::optional<std::string> fatalError() const override { return std::nullopt; }

 private:
  Poco::Data::Session& session_;
  std::int64_t runId_;
  const ShipmentColumns& columns_;
  const PartyCodes& parties_;
  std::vector<ImportReject> page_;
  std::size_t at_ = 0;
  std::int64_t after_ = 0;
};

ShipmentImportReport applyRun(store::Database& database, const ImportRun& run, const Source& source,
                              const PartyCodes& parties) {
  ShipmentImportReport report;
  report.runId = run.id;
  report.attempts = run.attempts;
  Poco::Data::Session session = database.session();
  // SQLite: a larger page cache while the import's indexes grow. Not larger than 32 MiB: the
  // pages of a large import are new, and a cache that keeps all of them (256 MiB was tried)
  // allocates and faults in each page instead of reusing spilled ones; writing 200,000 rows into
  // shipment took a third more CPU with it than with SQLite's default 2 MiB.
  const store::SqlitePageCache cache(session, 32 * 1024);
  store::Transaction transaction(session);
  if (ImportRuns::lock(session, run.id) == "applied") {
    // Another import of the same content finished while this one waited for the lock.
    report.alreadyImported = true;
    return report;
  }

  if (source.replayOf) ImportRuns::lock(session, *source.replayOf);

  // The header: the file's first record, or the original file's for a replay.
  std::ifstream in;
  std::istringstream storedHeader(source.header);
  if (!source.replayOf) {
    in.open(source.path, std::ios::binary);
    if (!in) throw Poco::OpenFileException(source.path);
  }
  csv::Reader reader(source.replayOf ? static_cast<std::istream&>(storedHeader) : in);
  csv::Record record;
  if (!reader.next(record)) {
    report.error = "the file holds no header row (docs/IMPORT.md lists the columns)";
    return report;
  }
  auto columns = ShipmentColumns::fromHeader(record.fields, parties.defaultClient.has_value());
  if (!columns) {
    report.error = "line " + std::to_string(record.line) + ": " + columns.describe();
    return report;
  }

  logistics::ShipmentImport batch(transaction, run.id);
  store::BulkInserter rejects(session, "import_reject",
                              {"run_id", "line_no", "raw_text", "raw_bytes", "code", "field", "reason"});
  auto reject = [&](std::int64_t line, const std::string& raw, const std::string& code, const std::string& field,
                    const std::string& reason) {
    // Bytes that are not UTF-8 text are kept exactly beside a readable copy (PostgreSQL's text
    // would refuse them and with them the whole run).
    const bool text = csv::isValidUtf8Text(raw);
    rejects.add({run.id, line, text ? raw : csv::escapeInvalidUtf8(raw),
                 text ? store::Value() : store::Value(store::Bytes{raw}), code,
                 field.empty() ? store::Value() : store::Value(field), csv::escapeInvalidUtf8(reason)});
    ++report.rowsRejected;
  };
  auto rejectProblems = [&](std::int64_t line, const std::string& raw, const std::vector<logistics::Problem>& problems) {
    std::string reason;
    for (std::size_t i = 1; i < problems.size(); ++i) reason += "; " + problems[i].describe();
    reject(line, raw, logistics::problemCodeName(problems.front().code), problems.front().field,
           problems.front().message + reason);
  };
  // Rows the batch holds for a set-based write (PostgreSQL) keep their raw text here, as read,
  // until the write says which of them a taken reference refused.
  std::vector<std::pair<std::int64_t, std::string>> staged;
  auto flush = [&] {
    batch.flush([&](std::int64_t line, const logistics::Problem& problem) {
      const auto at = std::lower_bound(staged.begin(), staged.end(), line,
                                       [](const auto& row, std::int64_t wanted) { return row.first < wanted; });
      rejectProblems(line, at->second, {problem});
    });
    staged.clear();
  };

  std::unique_ptr<ShipmentRowSource> rows;
  if (source.replayOf) {
    rows = std::make_unique<StoredRejectRows>(session, *source.replayOf, columns.value(), parties);
  } else {
    rows = std::make_unique<ShipmentFileRows>(reader, columns.value(), parties);
  }
  ShipmentRow row;
  while (rows->next(row)) {
    ++report.rowsRead;
    if (row.malformed) {
      reject(row.line, row.raw, "malformed_record", "", *row.malformed);
    } else if (!row.shipment) {
      rejectProblems(row.line, row.raw, row.problems);
    } else if (auto added = batch.add(row.line, *row.shipment); !added) {
      rejectProblems(row.line, row.raw, added.problems());
    } else if (batch.staged() > 0) {
      staged.emplace_back(row.line, std::move(row.raw));
      if (batch.staged() >= kRowsPerWrite) flush();
    }
  }
  if (const auto fatal = rows->fatalError()) {
    report.error = *fatal;
    return report;
  }
  flush();
  report.rowsApplied = static_cast<std::int64_t>(batch.finish());
  rejects.flush();
  ImportRuns::finish(session, run.id, report.rowsRead, report.rowsApplied, report.rowsRejected);
  if (source.replayOf) {
    // Resolved by this run: the rejects of the original whose line went in now.
    session << "UPDATE import_reject SET resolved_by = ? WHERE run_id = ? AND resolved_by IS NULL AND line_no IN "
               "(SELECT source_line FROM shipment WHERE source_import_run_id = ?)",
        bind(run.id), bind(*source.replayOf), bind(run.id), now;
    report.resolved = report.rowsApplied;
  }
  transaction.commit();
  return report;
}

// What is reported after the run, from the tables: counts by code, the first rejects, the file.
void summarize(store::Database& database, const ImportRun& run, const std::optional<std::string>& rejectsPath,
               ShipmentImportReport& report) {
  ImportRuns runs(database);
  if (!report.alreadyImported) {
    Poco::Data::Session session = database.session();
    std::vector<std::string> codes;
    std::vector<std::int64_t> counts;
    session << "SELECT code, count(*) FROM import_reject WHERE run_id = ? GROUP BY code ORDER BY code", bind(run.id),
        into(codes), into(counts), now;
    for (std::size_t i = 0; i < codes.size(); ++i) report.rejectsByCode[codes[i]] = counts[i];
  }
  report.firstRejects = runs.rejects(run.id, false, 0, kFirstRejects);
  if (report.alreadyImported || report.rowsRejected == 0 || !rejectsPath) return;
  // A copy of the stored rejects beside the file, importable again once corrected: the
  // columns source_line and reject_reason come first and are read past by an import.
  std::ofstream out(*rejectsPath, std::ios::binary | std::ios::trunc);
  if (!out) throw Poco::CreateFileException(*rejectsPath);
  out << "source_line,reject_reason," << run.header << "\n";
  std::int64_t after = 0;
  for (;;) {
    const auto page = runs.rejects(run.id, false, after, 5000);
    if (page.empty()) break;
    for (const ImportReject& reject : page) out << reject.line << ',' << quoted(reject.describe()) << ',' << reject.rawText << "\n";
    after = page.back().line;
  }
  out.close();
  if (!out) throw Poco::WriteFileException(*rejectsPath);
  report.rejectsFile = *rejectsPath;
}

PartyCodes loadParties(store::Database& database, const ShipmentImportOptions& options,
                       std::optional<std::string>& error) {
  crm::PartyDirectory directory(database);
  PartyCodes parties;
  parties.clients = directory.idsByCode(crm::PartyRole::client);
  parties.carriers = directory.idsByCode(crm::PartyRole::carrier, std::string("scac"));
  if (options.clientCode) {
    const auto found = parties.clients.find(*options.clientCode);
    if (found == parties.clients.end()) {
      error = "no client with party code '" + *options.clientCode + "' (see afterflow party list)";
    } else {
      parties.defaultClient = found->second;
    }
  }
  return parties;
}

ShipmentImportReport run(store::Database& database, const ImportRun& kept, const Source& source,
                         const PartyCodes& parties, const std::optional<std::string>& rejectsPath) {
  ImportRuns runs(database);
  ShipmentImportReport report;
  try {
    report = applyRun(database, kept, source, parties);
  } catch (const std::exception& e) {
    // The apply rolled back; the run says why, and the next attempt takes it up again.
    runs.fail(kept.id, e.what());
    throw;
  }
  if (report.error) {
    runs.fail(kept.id, *report.error);
    return report;
  }
  if (report.alreadyImported) {
    const auto now = runs.find(kept.id);
    report.rowsRead = now->rowsRead, report.rowsApplied = now->rowsApplied, report.rowsRejected = now->rowsRejected;
  }
  summarize(database, kept, rejectsPath, report);
  return report;
}

}  // namespace

ShipmentImportReport importShipmentsCsv(store::Database& database, const std::string& path,
                                        const ShipmentImportOptions& options) {
  ShipmentImportReport report;
  const PartyCodes parties = loadParties(database, options, report.error);
  if (report.error) return report;
  std::int64_t size = 0;
  const std::string sha256 = digest::sha256OfFile(path, &size);
  ImportRuns runs(database);
  const ImportRun kept = runs.open(Poco::Path(path).getFileName(), sha256, size, headerOf(path), std::nullopt);
  if (kept.status == "applied") {
    report.runId = kept.id;
    report.alreadyImported = true;
    report.rowsRead = kept.rowsRead, report.rowsApplied = kept.rowsApplied, report.rowsRejected = kept.rowsRejected;
    report.attempts = kept.attempts;
    return report;
  }
  return run(database, kept, Source{path, std::nullopt, ""}, parties,
             options.rejectsPath.value_or(defaultRejectsPath(path)));
}

ShipmentImportReport replayImportRun(store::Database& database, std::int64_t runId,
                                     const ShipmentImportOptions& options) {
  ShipmentImportReport report;
  ImportRuns runs(database);
  const auto original = runs.find(runId);
  if (!original) {
    report.error = "no import run " + std::to_string(runId) + " (see afterflow import list)";
    return report;
  }
  const PartyCodes parties = loadParties(database, options, report.error);
  if (report.error) return report;
  // What is outstanding now, hashed as the replay run's content. The apply reads the rows again
  // inside its transaction, after the lock on the original run (another replay may go first).
  digest::Sha256 hash;
  hash.update(original->header + "\n");
  std::int64_t size = 0, outstanding = 0;
  for (std::int64_t after = 0;;) {
    const auto page = runs.rejects(runId, true, after, 5000);
    if (page.empty()) break;
    for (const ImportReject& reject : page) {
      hash.update(reject.rawText + "\n");
      size += static_cast<std::int64_t>(reject.rawText.size()) + 1;
    }
    outstanding += static_cast<std::int64_t>(page.size());
    after = page.back().line;
  }
  if (outstanding == 0) {
    report.runId = runId;
    return report;
  }
  const ImportRun kept =
      runs.open("replay of run " + std::to_string(runId), hash.hex(), size, original->header, runId);
  return run(database, kept, Source{"", runId, original->header}, parties, options.rejectsPath);
}

}  // namespace exchange
