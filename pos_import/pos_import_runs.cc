#include "pos_import/pos_import_runs.h"

#include <Poco/Data/LOB.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace pos_import {
namespace {

const char* const kRunColumns =
    "SELECT run_id, file_name, source_format, status, started_at, finished_at, mapping_file, transactions, imported, "
    "already_known, rejected, header_text, header_bytes FROM pos_import_run ";

// The exact bytes: raw_bytes when kept (they differ from the readable text), else the text.
std::string exact(const std::string& text, const Poco::Nullable<Poco::Data::BLOB>& bytes) {
  if (bytes.isNull()) return text;
  return std::string(reinterpret_cast<const char*>(bytes.value().rawContent()), bytes.value().size());
}

template <typename T>
std::optional<T> optional(const Poco::Nullable<T>& value) {
  return value.isNull() ? std::nullopt : std::optional<T>(value.value());
}

}  // namespace

std::optional<PosImportRun> PosImportRuns::find(std::int64_t runId) {
  const std::vector<PosImportRun> runs = read("WHERE run_id = " + std::to_string(runId));
  if (runs.empty()) return std::nullopt;
  return runs.front();
}

std::vector<PosImportRun> PosImportRuns::list(std::size_t limit) {
  return read("ORDER BY run_id DESC LIMIT " + std::to_string(limit));
}

std::vector<PosImportRun> PosImportRuns::read(const std::string& clause) {
  Poco::Data::Session session = database_.session();
  std::vector<std::int64_t> id, transactions, imported, known, rejected;
  std::vector<std::string> file, format, status, started;
  std::vector<Poco::Nullable<std::string>> finished, mapping, headerText;
  std::vector<Poco::Nullable<Poco::Data::BLOB>> headerBytes;
  session << kRunColumns + clause, into(id), into(file), into(format), into(status), into(started), into(finished),
      into(mapping), into(transactions), into(imported), into(known), into(rejected), into(headerText),
      into(headerBytes), now;
  std::vector<PosImportRun> runs(id.size());
  for (std::size_t i = 0; i < id.size(); ++i) {
    runs[i] = {id[i], file[i], format[i], status[i], started[i], optional(finished[i]), optional(mapping[i]),
               transactions[i], imported[i], known[i], rejected[i], std::nullopt};
    if (!headerText[i].isNull()) runs[i].header = exact(headerText[i].value(), headerBytes[i]);
  }
  return runs;
}

std::vector<StoredReject> PosImportRuns::rejects(std::int64_t runId, std::int64_t afterSeq, std::size_t limit) {
  Poco::Data::Session session = database_.session();
  std::vector<std::int64_t> seq;
  std::vector<std::string> location, reason;
  std::vector<Poco::Nullable<std::string>> raw;
  std::vector<Poco::Nullable<Poco::Data::BLOB>> rawBytes;
  const auto max = static_cast<std::int64_t>(limit);
  session << "SELECT seq, location, reason, raw, raw_bytes FROM pos_import_reject WHERE run_id = ? AND seq > ? "
             "ORDER BY seq LIMIT ?",
      bind(runId), bind(afterSeq), bind(max), into(seq), into(location), into(reason), into(raw), into(rawBytes), now;
  std::vector<StoredReject> rejects(seq.size());
  for (std::size_t i = 0; i < seq.size(); ++i) {
    const std::string readable = raw[i].isNull() ? std::string() : raw[i].value();
    rejects[i] = {seq[i], location[i], reason[i], exact(readable, rawBytes[i]), readable};
  }
  return rejects;
}

std::uint64_t PosImportRuns::writeRejectedRows(const PosImportRun& run, std::ostream& out) {
  if (run.format != "csv") return 0;
  if (run.header) out << *run.header << '\n';
  std::uint64_t written = 0;
  std::int64_t after = 0;
  for (;;) {
    const std::vector<StoredReject> page = rejects(run.id, after, 1000);
    if (page.empty()) break;
    for (const StoredReject& reject : page) {
      if (reject.raw.empty()) continue;  // a reject of the file as a whole (its header): no row
      out << reject.raw << '\n';
      ++written;
    }
    after = page.back().seq;
  }
  return written;
}

}  // namespace pos_import
