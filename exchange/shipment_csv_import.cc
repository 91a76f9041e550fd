#include "exchange/shipment_csv_import.h"

#include "crm/party_directory.h"
#include "csv/reader.h"
#include "exchange/shipment_csv.h"
#include "logistics/shipment_import.h"
#include "store/bulk_inserter.h"
#include "store/dialect.h"
#include "store/transaction.h"

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <openssl/evp.h>

#include <fstream>
#include <memory>

using namespace Poco::Data::Keywords;

namespace exchange {
namespace {

constexpr std::size_t kFirstRejects = 20;

// The content's identity: sha256 through OpenSSL (SHA-NI where the CPU has it), so hashing a
// large export costs a fraction of parsing it.
std::string sha256OfFile(const std::string& path, std::int64_t& size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Poco::OpenFileException(path);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
  std::vector<char> buffer(1u << 20);
  size = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = in.gcount();
    if (got <= 0) break;
    EVP_DigestUpdate(context.get(), buffer.data(), static_cast<std::size_t>(got));
    size += got;
  }
  if (in.bad()) throw Poco::ReadFileException(path);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest, &length);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

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

// Where the rows come from: a file, and for a replay the original line of each record in it.
struct Source {
  std::string path;
  std::vector<std::int64_t> originalLines;  // empty: lines are the file's own
  std::optional<std::int64_t> replayOf;
};

// SQLite: a larger page cache while the import's indexes grow, back to what it was after.
class ImportCache {
 public:
  explicit ImportCache(Poco::Data::Session& session) : session_(session) {
    if (store::sessionDialect(session) != store::Dialect::sqlite) return;
    session_ << "PRAGMA cache_size", into(previous_), now;
    session_ << "PRAGMA cache_size = -262144", now;  // 256 MiB
    active_ = true;
  }
  ~ImportCache() {
    if (!active_) return;
    try {
      session_ << "PRAGMA cache_size = " + std::to_string(previous_), now;
    } catch (const Poco::Exception& e) {
      // A pooled session keeping a larger cache is harmless; say so and go on.
      Poco::Logger::get("exchange").warning("could not restore the SQLite cache size: " + e.displayText());
    }
  }

 private:
  Poco::Data::Session& session_;
  int previous_ = -2000;
  bool active_ = false;
};

ShipmentImportReport applyRun(store::Database& database, const ImportRun& run, const Source& source,
                              const PartyCodes& parties) {
  ShipmentImportReport report;
  report.runId = run.id;
  report.attempts = run.attempts;
  Poco::Data::Session session = database.session();
  ImportCache cache(session);
  store::Transaction transaction(session);
  if (ImportRuns::lock(session, run.id) == "applied") {
    // Another import of the same content finished while this one waited for the lock.
    report.alreadyImported = true;
    return report;
  }

  std::ifstream in(source.path, std::ios::binary);
  if (!in) throw Poco::OpenFileException(source.path);
  csv::Reader reader(in);
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
  store::BulkInserter rejects(session, "import_reject", {"run_id", "line_no", "raw_text", "code", "field", "reason"});
  auto reject = [&](std::int64_t line, std::string_view raw, const std::string& code, const std::string& field,
                    const std::string& reason) {
    rejects.add({run.id, line, std::string(raw), code, field.empty() ? store::Value() : store::Value(field), reason});
    ++report.rowsRejected;
  };
  auto rejectProblems = [&](std::int64_t line, std::string_view raw, const std::vector<logistics::Problem>& problems) {
    std::string reason;
    for (std::size_t i = 1; i < problems.size(); ++i) reason += "; " + problems[i].describe();
    reject(line, raw, logistics::problemCodeName(problems.front().code), problems.front().field,
           problems.front().message + reason);
  };

  std::size_t ordinal = 0;
  while (reader.next(record)) {
    ++report.rowsRead;
    const std::int64_t line =
        source.originalLines.empty() ? static_cast<std::int64_t>(record.line) : source.originalLines.at(ordinal++);
    if (record.error) {
      reject(line, record.raw, "malformed_record", "", *record.error);
      continue;
    }
    auto shipment = shipmentFromRow(columns.value(), record.fields, parties);
    if (!shipment) {
      rejectProblems(line, record.raw, shipment.problems());
      continue;
    }
    auto added = batch.add(line, shipment.value());
    if (!added) rejectProblems(line, record.raw, added.problems());
  }
  if (reader.fatalError()) {
    report.error = *reader.fatalError();
    return report;
  }

  // Rows the batch refuses as a set (taken references, parties) are named by line; their raw
  // text is read again from the file in a second pass, only when there are any.
  const bool sqlite = store::sessionDialect(session) == store::Dialect::sqlite;
  session << std::string("DROP TABLE IF EXISTS ") + (sqlite ? "temp." : "pg_temp.") + "import_refusal", now;
  session << std::string("CREATE TEMP TABLE import_refusal (line_no BIGINT PRIMARY KEY, code TEXT NOT NULL, "
                         "field TEXT, reason TEXT NOT NULL)") +
                 (sqlite ? "" : " ON COMMIT DROP"),
      now;
  std::int64_t refusedCount = 0;
  {
    store::BulkInserter refusals(session, "import_refusal", {"line_no", "code", "field", "reason"});
    report.rowsApplied = static_cast<std::int64_t>(batch.apply([&](std::int64_t line, const logistics::Problem& p) {
      refusals.add({line, std::string(logistics::problemCodeName(p.code)),
                    p.field.empty() ? store::Value() : store::Value(p.field), p.message});
      ++refusedCount;
    }));
    refusals.flush();
  }
  if (refusedCount > 0) {
    std::ifstream again(source.path, std::ios::binary);
    csv::Reader second(again);
    second.next(record);  // the header
    std::size_t secondOrdinal = 0;
    std::int64_t after = 0;
    std::vector<std::int64_t> lines;
    std::vector<std::string> codes, reasons;
    std::vector<Poco::Nullable<std::string>> fields;
    std::size_t next = 0;
    auto page = [&] {
      lines.clear(), codes.clear(), reasons.clear(), fields.clear();
      next = 0;
      session << "SELECT line_no, code, field, reason FROM import_refusal WHERE line_no > ? ORDER BY line_no "
                 "LIMIT 5000",
          bind(after), into(lines), into(codes), into(fields), into(reasons), now;
      if (!lines.empty()) after = lines.back();
    };
    page();
    while (!lines.empty() && second.next(record)) {
      const std::int64_t line = source.originalLines.empty() ? static_cast<std::int64_t>(record.line)
                                                             : source.originalLines.at(secondOrdinal++);
      if (line != lines[next]) continue;
      reject(line, record.raw, codes[next], fields[next].isNull() ? "" : fields[next].value(), reasons[next]);
      if (++next == lines.size()) page();
    }
  }
  session << std::string("DROP TABLE IF EXISTS ") + (sqlite ? "temp." : "pg_temp.") + "import_refusal", now;
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
  const std::string sha256 = sha256OfFile(path, size);
  ImportRuns runs(database);
  const ImportRun kept = runs.open(Poco::Path(path).getFileName(), sha256, size, headerOf(path), std::nullopt);
  if (kept.status == "applied") {
    report.runId = kept.id;
    report.alreadyImported = true;
    report.rowsRead = kept.rowsRead, report.rowsApplied = kept.rowsApplied, report.rowsRejected = kept.rowsRejected;
    report.attempts = kept.attempts;
    return report;
  }
  return run(database, kept, Source{path, {}, std::nullopt}, parties,
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
  // The outstanding rows, as a file of their own behind the original header.
  Poco::TemporaryFile file;
  Source source{file.path(), {}, runId};
  {
    std::ofstream out(file.path(), std::ios::binary);
    out << original->header << "\n";
    std::int64_t after = 0;
    for (;;) {
      const auto page = runs.rejects(runId, true, after, 5000);
      if (page.empty()) break;
      for (const ImportReject& reject : page) {
        out << reject.rawText << "\n";
        source.originalLines.push_back(reject.line);
      }
      after = page.back().line;
    }
    if (!out) throw Poco::WriteFileException(file.path());
  }
  if (source.originalLines.empty()) {
    report.runId = runId;
    return report;
  }
  std::int64_t size = 0;
  const std::string sha256 = sha256OfFile(file.path(), size);
  const ImportRun kept = runs.open("replay of run " + std::to_string(runId), sha256, size, original->header, runId);
  return run(database, kept, source, parties, options.rejectsPath);
}

}  // namespace exchange
