#include "pos_import/pos_importer.h"

#include "crm/sales_ledger.h"
#include "edi/spec_catalog.h"
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

// Batches the readers' sales into the ledger and their rejects into pos_import_reject.
class RecordingSink : public SaleSink {
 public:
  RecordingSink(store::Transaction& transaction, std::int64_t runId, const ImportOptions& options,
                std::uint64_t bytesTotal, ImportSummary& summary)
      : ledger_(transaction),
        rejects_(transaction.session(), "pos_import_reject", {"run_id", "seq", "location", "reason", "raw"}),
        runId_(runId),
        options_(options),
        bytesTotal_(bytesTotal),
        summary_(summary),
        started_(std::chrono::steady_clock::now()) {
    batch_.reserve(options.batchSize);
  }

  void sale(crm::Sale&& sale, std::string location) override {
    summary_.rows += sale.lines.size();
    batch_.push_back(std::move(sale));
    locations_.push_back(std::move(location));
    if (batch_.size() >= options_.batchSize) flushBatch();
  }

  void reject(Reject reject) override {
    ++summary_.rejected;
    ++summary_.rows;
    if (reject.raw.size() > kMaxRawKept) reject.raw.resize(kMaxRawKept);
    rejects_.add({runId_, static_cast<std::int64_t>(summary_.rejected), std::move(reject.location), std::move(reject.reason),
                  reject.raw.empty() ? store::Value() : store::Value(std::move(reject.raw))});
  }

  void skipped() override {
    ++summary_.skipped;
    ++summary_.transactions;
  }

  void progress(std::uint64_t bytesRead) override {
    bytesRead_ = bytesRead;
    if (!options_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - lastReport_ < std::chrono::milliseconds(200)) return;
    lastReport_ = now;
    options_.progress({bytesRead, bytesTotal_, summary_.rows, std::chrono::duration<double>(now - started_).count()});
  }

  void finish() {
    flushBatch();
    rejects_.flush();
    if (options_.progress) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
      options_.progress({bytesTotal_, bytesTotal_, summary_.rows, seconds});
    }
  }

 private:
  void flushBatch() {
    if (batch_.empty()) return;
    const crm::LedgerResult result = ledger_.record(batch_, runId_);
    summary_.transactions += batch_.size();
    summary_.imported += result.recorded;
    summary_.alreadyKnown += result.alreadyKnown;
    summary_.customersCreated += result.customersCreated;
    summary_.unitsInstalled += result.unitsInstalled;
    summary_.unitsReturned += result.unitsReturned;
    for (const crm::SaleRefusal& refusal : result.refused) {
      reject({locations_[refusal.index], refusal.reason, ""});
      --summary_.rows;  // its lines were counted when read
    }
    batch_.clear();
    locations_.clear();
  }

  crm::SalesLedger ledger_;
  store::BulkInserter rejects_;
  std::int64_t runId_;
  const ImportOptions& options_;
  std::uint64_t bytesTotal_;
  ImportSummary& summary_;
  std::vector<crm::Sale> batch_;
  std::vector<std::string> locations_;
  std::uint64_t bytesRead_ = 0;
  std::chrono::steady_clock::time_point started_, lastReport_{};
};

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
    RecordingSink sink(transaction, summary.runId, options, bytesTotal, summary);
    switch (*summary.format) {
      case PosFormat::csv:
        readCsv(path, *mapping, sink);
        break;
      case PosFormat::poslog:
        readPosLog(path, sink);
        break;
      case PosFormat::x12_852:
      case PosFormat::slsrpt: {
        edi::SpecCatalog catalog(options.schemasRoot.empty() ? edi::SpecCatalog::defaultSchemasRoot() : options.schemasRoot);
        readEdiSales(path, *summary.format, catalog, sink);
        break;
      }
    }
    sink.finish();
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
    store::Transaction failed(session);
    const std::string stamp = store::currentTimestamp();
    session << "UPDATE pos_import_run SET finished_at = ?, status = 'failed' WHERE run_id = ?", bind(stamp),
        bind(summary.runId), now;
    failed.commit();
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
