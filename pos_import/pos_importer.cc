#include "pos_import/pos_importer.h"

#include "crm/sales_ledger.h"
#include "csv/utf8.h"
#include "edi/spec_catalog.h"
#include "pos_import/sale_batch.h"
#include "pos_import/csv_mapping.h"
#include "pos_import/csv_reader.h"
#include "pos_import/edi_sales_reader.h"
#include "pos_import/poslog_reader.h"
#include "pos_import/sale_sink.h"
#include "store/bulk_inserter.h"
#include "store/timestamp.h"
#include "store/transaction.h"

#include <Poco/DigestEngine.h>
#include <Poco/File.h>
#include <Poco/SHA2Engine.h>

#include <chrono>
#include <fstream>
#include <future>

using namespace Poco::Data::Keywords;

namespace pos_import {
namespace {

constexpr std::size_t kMaxRawKept = 400;

std::string sha256Of(const std::string& path) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buffer(1u << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    engine.update(buffer.data(), static_cast<unsigned>(in.gcount()));
  }
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// The database's side: a batch's rejects into pos_import_reject (numbered in reading order),
// its sales into the ledger, and what the ledger refused as rejects after them.
class BatchWriter {
 public:
  BatchWriter(store::Transaction& transaction, std::int64_t runId, ImportSummary& summary)
      : ledger_(transaction),
        rejects_(transaction.session(), "pos_import_reject", {"run_id", "seq", "location", "reason", "raw"}),
        runId_(runId),
        summary_(summary) {}

  void write(SaleBatch& batch) {
    summary_.rows += batch.rows;
    summary_.skipped += batch.skipped;
    summary_.transactions += batch.skipped + batch.sales.size();
    for (Reject& reject : batch.rejects) keep(std::move(reject));
    if (batch.sales.empty()) return;
    const crm::LedgerResult result = ledger_.record(batch.sales, runId_);
    summary_.imported += result.recorded;
    summary_.alreadyKnown += result.alreadyKnown;
    summary_.customersCreated += result.customersCreated;
    summary_.unitsInstalled += result.unitsInstalled;
    summary_.unitsReturned += result.unitsReturned;
    for (const crm::SaleRefusal& refusal : result.refused) {
      keep({std::move(batch.locations[refusal.index]), refusal.reason, ""});
    }
  }

  void finish() { rejects_.flush(); }

 private:
  void keep(Reject reject) {
    ++summary_.rejected;
    // As text any database takes: a row may be Latin-1 where UTF-8 was declared, a reason may
    // quote a value, and a long row is cut to kMaxRawKept, maybe inside a character.
    rejects_.add({runId_, static_cast<std::int64_t>(summary_.rejected), csv::escapeInvalidUtf8(reject.location),
                  csv::escapeInvalidUtf8(reject.reason),
                  reject.raw.empty() ? store::Value() : store::Value(csv::escapeInvalidUtf8(reject.raw))});
  }

  crm::SalesLedger ledger_;
  store::BulkInserter rejects_;
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
  }

  void sale(crm::Sale&& sale, std::string location) override {
    rows_ += sale.lines.size();
    batch_.rows += sale.lines.size();
    batch_.sales.push_back(std::move(sale));
    batch_.locations.push_back(std::move(location));
    if (batch_.sales.size() >= options_.batchSize) handOver();
  }

  void reject(Reject reject) override {
    ++rows_;
    ++batch_.rows;
    if (reject.raw.size() > kMaxRawKept) reject.raw.resize(kMaxRawKept);
    batch_.rejects.push_back(std::move(reject));
    if (batch_.rejects.size() >= options_.batchSize) handOver();
  }

  void skipped() override { ++batch_.skipped; }

  void progress(std::uint64_t bytesRead) override {
    if (!options_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - lastReport_ < std::chrono::milliseconds(200)) return;
    lastReport_ = now;
    options_.progress({bytesRead, bytesTotal_, rows_, std::chrono::duration<double>(now - started_).count()});
  }

  void finish() { handOver(); }

 private:
  void handOver() {
    writer_.write(batch_);
    batch_.sales.clear();  // the buffers are kept for the next batch
    batch_.locations.clear();
    batch_.rejects.clear();
    batch_.rows = batch_.skipped = 0;
  }

  BatchWriter& writer_;
  const ImportOptions& options_;
  std::uint64_t bytesTotal_;
  SaleBatch batch_;
  std::uint64_t rows_ = 0;
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
  auto checksum = std::async(std::launch::async, sha256Of, path);

  Poco::Data::Session session = database.session();
  {
    store::Transaction transaction(session);
    const std::string format(formatName(*summary.format));
    const std::string stamp = store::currentTimestamp();
    session << "INSERT INTO pos_import_run (file_name, sha256, source_format, started_at, status) "
               "VALUES (?, 'pending', ?, ?, 'running') RETURNING run_id",
        bind(path), bind(format), bind(stamp), into(summary.runId), now;
    transaction.commit();
  }
  try {
    store::Transaction transaction(session);
    BatchWriter writer(transaction, summary.runId, summary);
    BatchingSink sink(writer, options, bytesTotal);
    readFile(path, options, *summary.format, mapping, sink);
    sink.finish();
    writer.finish();
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

std::vector<StoredReject> rejectsOf(store::Database& database, std::int64_t runId, std::size_t limit) {
  Poco::Data::Session session = database.session();
  std::vector<std::int64_t> seq;
  std::vector<std::string> location, reason;
  const auto max = static_cast<std::int64_t>(limit);
  session << "SELECT seq, location, reason FROM pos_import_reject WHERE run_id = ? ORDER BY seq LIMIT ?", bind(runId),
      bind(max), into(seq), into(location), into(reason), now;
  std::vector<StoredReject> rejects(seq.size());
  for (std::size_t i = 0; i < seq.size(); ++i) rejects[i] = {seq[i], location[i], reason[i]};
  return rejects;
}

}  // namespace pos_import
