#include "pos_import/pos_importer.h"

#include "crm/sales_ledger.h"
#include "csv/utf8.h"
#include "digest/sha256.h"
#include "edi/spec_catalog.h"
#include "pos_import/sale_batch.h"
#include "pos_import/csv_mapping.h"
#include "pos_import/csv_reader.h"
#include "pos_import/edi_sales_reader.h"
#include "pos_import/poslog_reader.h"
#include "pos_import/sale_sink.h"
#include "store/bulk_inserter.h"
#include "store/dialect.h"
#include "store/index_rebuild.h"
#include "store/sqlite_page_cache.h"
#include "store/timestamp.h"
#include "store/transaction.h"

#include <Poco/Data/LOB.h>
#include <Poco/File.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <optional>

using namespace Poco::Data::Keywords;

namespace pos_import {
namespace {

// What the rejects of one batch may hold in raw text before they are handed over early.
constexpr std::size_t kMaxRawPerBatch = 64u << 20;

// SQLite's page cache of the import's connection, in KiB per transaction of a batch (what the
// import holds in memory at once anyway): the unique source key of sale takes keys in random
// order, and a cache smaller than its working set rereads and rewrites pages through the kernel
// for every batch. At the memory test's batch of 2,000 this is SQLite's default.
constexpr std::int64_t kCacheKibPerTransaction = 1;

// The database's side: a batch's rejects into pos_import_reject (numbered in reading order),
// its sales into the ledger, and what the ledger refused as rejects after them.
class BatchWriter {
 public:
  BatchWriter(store::Transaction& transaction, std::int64_t runId, ImportSummary& summary)
      : transaction_(transaction),
        ledger_(transaction),
        rejects_(transaction.session(), "pos_import_reject",
                 {"run_id", "seq", "location", "reason", "raw", "raw_bytes"}),
        runId_(runId),
        summary_(summary) {}

  // Told once, before the first batch is written, how many sales the file is expected to hold:
  // a load that at least doubles the sales (and is not small) writes sale and installed_unit
  // without their plain indexes and builds those once, sorted, at the end. The unique source key
  // stays. Which share of the file is new is judged from a sample of the first batch's keys, so
  // a file imported again (all known, nothing written) does not rebuild the indexes for nothing.
  void expect(const SaleBatch& batch, std::uint64_t sales, std::uint64_t rebuildFrom) {
    Poco::Data::Session& session = transaction_.session();
    if (sales < rebuildFrom || batch.count == 0 || store::sessionDialect(session) != store::Dialect::sqlite) return;
    constexpr std::size_t kSample = 200;
    const std::size_t step = std::max<std::size_t>(1, batch.count / kSample);
    std::size_t sampled = 0, known = 0;
    for (std::size_t i = 0; i < batch.count; i += step, ++sampled) {
      std::int64_t found = 0;
      session << "SELECT COUNT(*) FROM sale WHERE source_key = ?", bind(batch.sales[i].sourceKey), into(found), now;
      if (found > 0) ++known;
    }
    const auto fresh = static_cast<std::uint64_t>(static_cast<double>(sales) * static_cast<double>(sampled - known) /
                                                   static_cast<double>(sampled));
    std::int64_t last = 0;  // sale ids only grow: the largest bounds the count, read off the b-tree's end
    session << "SELECT COALESCE(MAX(sale_id), 0) FROM sale", into(last), now;
    if (fresh < rebuildFrom || static_cast<std::int64_t>(fresh) < last) return;
    rebuild_.emplace(transaction_, std::vector<std::string>{"sale", "installed_unit"});
  }

  void write(SaleBatch& batch) {
    summary_.rows += batch.rows;
    summary_.skipped += batch.skipped;
    summary_.transactions += batch.skipped + batch.count;
    for (Reject& reject : batch.rejects) keep(std::move(reject));
    if (batch.count == 0) return;
    const crm::LedgerResult result = ledger_.record(batch.batchSales(), runId_);
    summary_.imported += result.recorded;
    summary_.alreadyKnown += result.alreadyKnown;
    summary_.customersCreated += result.customersCreated;
    summary_.unitsInstalled += result.unitsInstalled;
    summary_.unitsReturned += result.unitsReturned;
    for (const crm::SaleRefusal& refusal : result.refused) {
      // Readers check each sale before they hand it over (crm::checkSale, with its raw text):
      // this is the safety net of a reader that did not.
      keep({std::move(batch.locations[refusal.index]), refusal.reason, "", ""});
    }
  }

  void finish() {
    rejects_.flush();
    if (rebuild_) rebuild_->build();
  }

 private:
  void keep(Reject reject) {
    ++summary_.rejected;
    // As text any database takes: a row may be Latin-1 where UTF-8 was declared and a reason
    // may quote a value. The raw text is stored readable (decoded by the reader, or bad bytes as
    // \xNN) and, where that differs from the file's bytes, the bytes too, for the rejects file.
    const store::Value raw = rawText(reject), bytes = rawBytes(reject, raw);
    rejects_.add({runId_, static_cast<std::int64_t>(summary_.rejected), csv::escapeInvalidUtf8(reject.location),
                  csv::escapeInvalidUtf8(reject.reason), raw, bytes});
  }

  static store::Value rawText(const Reject& reject) {
    if (reject.raw.empty()) return store::Value();
    return csv::escapeInvalidUtf8(reject.readable.empty() ? reject.raw : reject.readable);
  }
  static store::Value rawBytes(const Reject& reject, const store::Value& text) {
    if (reject.raw.empty() || std::get<std::string>(text) == reject.raw) return store::Value();
    return store::Bytes{reject.raw};
  }

  store::Transaction& transaction_;
  crm::SalesLedger ledger_;
  store::BulkInserter rejects_;
  std::optional<store::IndexRebuild> rebuild_;
  std::int64_t runId_;
  ImportSummary& summary_;
};

// The reader's side: collects what the reader hands over into batches for the writer, and
// reports progress.
class BatchingSink : public SaleSink {
 public:
  BatchingSink(BatchWriter& writer, const ImportOptions& options, std::uint64_t bytesTotal)
      : writer_(writer), options_(options), bytesTotal_(bytesTotal), started_(std::chrono::steady_clock::now()) {
    batch_.sales.reserve(options.batchSize);
    batch_.locations.reserve(options.batchSize);
  }

  void sale(crm::Sale&& sale, std::string location) override {
    rows_ += sale.lines.size();
    batch_.rows += sale.lines.size();
    if (batch_.count == batch_.sales.size()) {
      batch_.sales.emplace_back();
      batch_.locations.emplace_back();
    }
    // Swapped, not moved: the reader gets back the storage of a sale an earlier batch held.
    std::swap(batch_.sales[batch_.count], sale);
    std::swap(batch_.locations[batch_.count], location);
    ++batch_.count;
    if (batch_.count >= options_.batchSize) handOver();
  }

  void reject(Reject reject) override {
    ++rows_;
    ++batch_.rows;
    cut(reject);
    rejectBytes_ += reject.raw.size() + reject.readable.size();
    batch_.rejects.push_back(std::move(reject));
    if (batch_.rejects.size() >= options_.batchSize || rejectBytes_ >= kMaxRawPerBatch) handOver();
  }

  void skipped() override { ++batch_.skipped; }

  void header(const std::string& raw) override { header_ = raw.substr(0, kMaxRawKept); }
  const std::string& header() const { return header_; }

  void progress(std::uint64_t bytesRead) override {
    bytesRead_ = bytesRead;
    if (!options_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - lastReport_ < std::chrono::milliseconds(200)) return;
    lastReport_ = now;
    options_.progress({bytesRead, bytesTotal_, rows_, std::chrono::duration<double>(now - started_).count()});
  }

  void finish() { handOver(); }

 private:
  void handOver() {
    if (first_) {
      first_ = false;
      // The file's sales extrapolated from the first batch's share of its bytes (the batch
      // alone when the reader has not said yet how far it is).
      const double share = bytesRead_ == 0 ? 1.0
                                            : static_cast<double>(bytesTotal_) /
                                                  static_cast<double>(std::min(bytesRead_, bytesTotal_));
      writer_.expect(batch_, static_cast<std::uint64_t>(static_cast<double>(batch_.count) * share),
                     options_.rebuildIndexesFrom);
    }
    writer_.write(batch_);
    batch_.count = 0;  // the sales and their buffers are kept for the next batch
    batch_.rejects.clear();
    batch_.rows = batch_.skipped = 0;
    rejectBytes_ = 0;
  }

  // A raw text past kMaxRawKept is kept that far, and the reason says so: such a reject is shown
  // but cannot be written out whole again.
  static void cut(Reject& reject) {
    if (reject.raw.size() <= kMaxRawKept) return;
    reject.reason += " (its first " + std::to_string(kMaxRawKept) + " of " + std::to_string(reject.raw.size()) +
                     " bytes kept)";
    reject.raw.resize(kMaxRawKept);
    if (reject.readable.size() > kMaxRawKept) reject.readable.resize(kMaxRawKept);
  }

  BatchWriter& writer_;
  const ImportOptions& options_;
  std::uint64_t bytesTotal_;
  SaleBatch batch_;
  bool first_ = true;
  std::uint64_t bytesRead_ = 0;
  std::uint64_t rows_ = 0;
  std::size_t rejectBytes_ = 0;
  std::string header_;
  std::chrono::steady_clock::time_point started_, lastReport_{};
};

void readFile(const std::string& path, const ImportOptions& options, PosFormat format,
              const std::optional<CsvMapping>& mapping, SaleSink& sink) {
  switch (format) {
    case PosFormat::csv:
      readCsv(path, *mapping, sink);
      break;
    case PosFormat::poslog:
      readPosLog(path, sink);
      break;
    case PosFormat::x12_852:
    case PosFormat::slsrpt: {
      edi::SpecCatalog catalog(options.schemasRoot.empty() ? edi::SpecCatalog::defaultSchemasRoot() : options.schemasRoot);
      readEdiSales(path, format, catalog, sink);
      break;
    }
  }
}

// A CSV run's header record, readable and, where that differs from the file's bytes, exactly.
void keepHeader(Poco::Data::Session& session, std::int64_t runId, const std::string& header) {
  if (header.empty()) return;
  const std::string text = csv::escapeInvalidUtf8(header);
  session << "UPDATE pos_import_run SET header_text = ? WHERE run_id = ?", bind(text), bind(runId), now;
  if (text == header) return;
  const Poco::Data::BLOB bytes(reinterpret_cast<const unsigned char*>(header.data()), header.size());
  session << "UPDATE pos_import_run SET header_bytes = ? WHERE run_id = ?", bind(bytes), bind(runId), now;
}

}  // namespace

ImportSummary importPosFile(store::Database& database, const std::string& path, const ImportOptions& options) {
  ImportSummary summary;
  summary.file = path;
  const auto started = std::chrono::steady_clock::now();
  if (!Poco::File(path).exists()) {
    summary.problems.push_back(path + ": no such file");
    return summary;
  }
  summary.format = options.format ? options.format : guessFormat(path);
  if (!summary.format) {
    summary.problems.push_back(path + ": EDI, but neither an X12 852 nor an EANCOM SLSRPT; give --format if it is one");
    return summary;
  }
  std::optional<CsvMapping> mapping;
  if (*summary.format == PosFormat::csv) {
    if (!options.mappingPath) {
      summary.problems.push_back(path + ": a CSV file needs --mapping FILE (which column holds what)");
      return summary;
    }
    MappingLoad load = loadCsvMapping(*options.mappingPath);
    if (!load.mapping) {
      summary.problems = std::move(load.problems);
      return summary;
    }
    mapping = std::move(load.mapping);
  }
  const std::uint64_t bytesTotal = Poco::File(path).getSize();
  // The checksum is for the record only: computed beside the import, on the other core.
  auto checksum = std::async(std::launch::async, [&path] { return digest::sha256OfFile(path); });

  Poco::Data::Session session = database.session();
  {
    store::Transaction transaction(session);
    const std::string format(formatName(*summary.format));
    const std::string stamp = store::currentTimestamp();
    session << "INSERT INTO pos_import_run (file_name, sha256, source_format, started_at, status) "
               "VALUES (?, 'pending', ?, ?, 'running') RETURNING run_id",
        bind(csv::escapeInvalidUtf8(path)), bind(format), bind(stamp), into(summary.runId), now;
    if (mapping) {  // to say, with the run's rejects, which mapping reads them again
      session << "UPDATE pos_import_run SET mapping_file = ? WHERE run_id = ?",
          bind(csv::escapeInvalidUtf8(*options.mappingPath)), bind(summary.runId), now;
    }
    transaction.commit();
  }
  try {
    const store::SqlitePageCache cache(session, static_cast<std::int64_t>(options.batchSize) * kCacheKibPerTransaction);
    store::Transaction transaction(session);
    BatchWriter writer(transaction, summary.runId, summary);
    BatchingSink sink(writer, options, bytesTotal);
    readFile(path, options, *summary.format, mapping, sink);
    sink.finish();
    writer.finish();
    keepHeader(session, summary.runId, sink.header());
    if (options.progress) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      options.progress({bytesTotal, bytesTotal, summary.rows, seconds});
    }
    const std::string sha = checksum.get();
    const std::string stamp = store::currentTimestamp();
    const auto transactions = static_cast<std::int64_t>(summary.transactions);
    const auto imported = static_cast<std::int64_t>(summary.imported);
    const auto known = static_cast<std::int64_t>(summary.alreadyKnown);
    const auto rejected = static_cast<std::int64_t>(summary.rejected);
    session << "UPDATE pos_import_run SET sha256 = ?, finished_at = ?, transactions = ?, imported = ?, already_known = ?, "
               "rejected = ?, status = 'done' WHERE run_id = ?",
        bind(sha), bind(stamp), bind(transactions), bind(imported), bind(known), bind(rejected), bind(summary.runId), now;
    transaction.commit();
  } catch (...) {
    // Recorded as failed, then the error goes on to the one place that reports it.
    if (checksum.valid()) checksum.wait();
    try {
      store::Transaction failed(session);
      const std::string stamp = store::currentTimestamp();
      session << "UPDATE pos_import_run SET finished_at = ?, status = 'failed' WHERE run_id = ?", bind(stamp),
          bind(summary.runId), now;
      failed.commit();
    } catch (const Poco::Exception&) {
      // The database went away too: the run stays 'running', as after a crash, and the first
      // error, rethrown below, is the one that says what went wrong.
    }
    throw;
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace pos_import
