#include "pos_import/csv_reader.h"

#include "crm/sales_ledger.h"
#include "pos_import/pos_values.h"

#include <Poco/Exception.h>
#include <Poco/String.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

namespace pos_import {
namespace {

constexpr std::size_t kChunk = 1u << 20;

// Records of an RFC 4180 file, one at a time, from a buffer refilled as needed.
class RecordReader {
 public:
  RecordReader(const std::string& path, char delimiter) : path_(path), delimiter_(delimiter) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw Poco::OpenFileException(path, std::strerror(errno));
    buffer_.resize(kChunk);
    fill();
    if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;  // UTF-8 BOM
  }
  ~RecordReader() { ::close(fd_); }
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  // The next record's fields (raw bytes, quotes removed); false at the end. `error` is set when
  // the record is malformed (it is still consumed).
  bool next(std::vector<std::string>& fields, std::size_t& count, std::string& error) {
    for (;;) {
      if (begin_ >= end_ && eof_) return false;
      const Parse parse = parseRecord(fields, count, error);
      if (parse == Parse::done) return true;
      if (eof_) {  // incomplete only because the file ends: an unclosed quote
        begin_ = end_;
        error = "a quoted field is not closed before the end of the file";
        return true;
      }
      compactAndFill();
    }
  }

  std::uint32_t recordLine() const { return recordLine_; }
  std::uint64_t bytesConsumed() const { return consumedBase_ + begin_; }
  const std::string& raw() const { return raw_; }

 private:
  enum class Parse { done, needMore };

  Parse parseRecord(std::vector<std::string>& fields, std::size_t& count, std::string& error) {
    const char* data = buffer_.data();
    std::size_t at = begin_;
    std::uint32_t lines = 0;
    count = 0;
    error.clear();
    for (;;) {
      if (count == fields.size()) fields.emplace_back();
      std::string& field = fields[count++];
      field.clear();
      if (at < end_ && data[at] == '"') {
        ++at;
        for (;;) {
          const void* quote = std::memchr(data + at, '"', end_ - at);
          if (quote == nullptr) return Parse::needMore;
          const auto q = static_cast<std::size_t>(static_cast<const char*>(quote) - data);
          lines += static_cast<std::uint32_t>(std::count(data + at, data + q, '\n'));
          field.append(data + at, q - at);
          if (q + 1 >= end_ && !eof_) return Parse::needMore;
          if (q + 1 < end_ && data[q + 1] == '"') {
            field += '"';
            at = q + 2;
            continue;
          }
          at = q + 1;
          break;
        }
        if (at < end_ && data[at] != delimiter_ && data[at] != '\n' && data[at] != '\r' && error.empty()) {
          error = "characters after the closing quote of field " + std::to_string(count);
          while (at < end_ && data[at] != delimiter_ && data[at] != '\n') ++at;
          if (at >= end_ && !eof_) return Parse::needMore;
        }
      } else {
        std::size_t stop = at;
        while (stop < end_ && data[stop] != delimiter_ && data[stop] != '\n') ++stop;
        if (stop >= end_ && !eof_) return Parse::needMore;
        std::size_t last = stop;
        if (last > at && data[last - 1] == '\r' && (last >= end_ || data[last] == '\n')) --last;
        field.assign(data + at, last - at);
        at = stop;
      }
      if (at < end_ && data[at] == delimiter_) {
        ++at;
        continue;
      }
      if (at < end_ && data[at] == '\r') ++at;
      if (at < end_ && data[at] == '\n') {
        ++at;
        ++lines;
      } else if (at >= end_ && !eof_) {
        return Parse::needMore;
      }
      break;
    }
    recordLine_ = nextLine_;
    nextLine_ += lines;
    raw_.assign(data + begin_, at - begin_);
    while (!raw_.empty() && (raw_.back() == '\n' || raw_.back() == '\r')) raw_.pop_back();
    begin_ = at;
    return Parse::done;
  }

  void compactAndFill() {
    if (begin_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
      consumedBase_ += begin_;
      end_ -= begin_;
      begin_ = 0;
    }
    if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // a record longer than the buffer
    fill();
  }

  void fill() {
    while (end_ < buffer_.size() && !eof_) {
      const ssize_t got = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
      if (got < 0) {
        if (errno == EINTR) continue;
        throw Poco::ReadFileException(path_, std::strerror(errno));
      }
      if (got == 0) eof_ = true;
      end_ += static_cast<std::size_t>(got);
    }
  }

  std::string path_;
  char delimiter_;
  int fd_ = -1;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  std::uint64_t consumedBase_ = 0;
  std::uint32_t nextLine_ = 1, recordLine_ = 0;
  std::string raw_;
};

struct PendingRow {
  std::uint32_t line;
  std::string raw;
};

class CsvImport {
 public:
  CsvImport(const CsvMapping& mapping, SaleSink& sink) : mapping_(mapping), sink_(sink) { columns_.fill(-1); }

  bool bindHeader(const std::vector<std::string>& fields, std::size_t count) {
    for (const auto& [field, column] : mapping_.columns) {
      int index = -1;
      if (column[0] == '#') {
        index = std::stoi(column.substr(1)) - 1;
      } else {
        for (std::size_t i = 0; i < count; ++i) {
          if (text(fields[i]) == column) index = static_cast<int>(i);
        }
        if (index < 0) {
          // No raw: the header record is kept with the run.
          sink_.reject({"line 1", "the header has no column '" + column + "' (the mapping names it)", "", {}});
          return false;
        }
      }
      columns_[static_cast<std::size_t>(field)] = index;
    }
    return true;
  }

  void row(const std::vector<std::string>& fields, std::size_t count, std::uint32_t line, const std::string& raw,
           const std::string& error) {
    fields_ = &fields;
    count_ = count;
    if (count == 1 && fields[0].empty()) return;  // a blank line
    if (!error.empty()) return rowRejected(line, raw, error);
    for (std::size_t f = 0; f < columns_.size(); ++f) {
      if (columns_[f] >= static_cast<int>(count)) {
        return rowRejected(line, raw, "row has " + std::to_string(count) + " fields, the mapping needs column " +
                                          std::to_string(columns_[f] + 1));
      }
    }
    const std::string_view transaction = trim(get(CsvField::transaction));
    if (transaction.empty()) return rowRejected(line, raw, "no transaction id");
    // Built in a buffer kept between rows: most rows continue the transaction of the row before.
    rowKey_.assign("csv:");
    for (CsvField part : {CsvField::store, CsvField::businessDay, CsvField::workstation}) {
      appendText(rowKey_, trim(get(part)));
      rowKey_ += '|';
    }
    appendText(rowKey_, transaction);
    if (!key_.empty() && rowKey_ != key_) finishTransaction();
    if (key_.empty()) startTransaction(rowKey_);
    // The rows' raw text is needed only if a row of the transaction is rejected; the buffers are
    // reused from one transaction to the next.
    if (pendingRows_ == rows_.size()) rows_.emplace_back();
    rows_[pendingRows_].line = line;
    rows_[pendingRows_].raw.assign(raw);
    ++pendingRows_;
    if (bad_) return;
    if (auto problem = addLine()) {
      bad_ = true;
      badLine_ = line;
      badReason_ = *problem;
    }
  }

  void finish() {
    if (!key_.empty()) finishTransaction();
  }

 private:
  std::string_view get(CsvField field) const {
    const int index = columns_[static_cast<std::size_t>(field)];
    if (index < 0) return {};
    return (*fields_)[static_cast<std::size_t>(index)];
  }
  std::optional<std::string> optionalText(CsvField field) const {
    const std::string value = text(trim(get(field)));
    if (value.empty()) return std::nullopt;
    return value;
  }
  // The field as UTF-8, whatever the file's encoding.
  std::string text(std::string_view bytes) const {
    std::string utf8;
    appendText(utf8, bytes);
    return utf8;
  }
  void appendText(std::string& out, std::string_view bytes) const {
    const bool ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii || mapping_.encoding == CsvMapping::Encoding::utf8 ||
        (mapping_.encoding == CsvMapping::Encoding::automatic && validUtf8(bytes))) {
      out.append(bytes);
    } else {
      appendLatin1AsUtf8(out, bytes);
    }
  }

  void startTransaction(const std::string& key) {
    key_ = key;
    // The lines' buffer is kept: the sink hands back a sale of an earlier batch, whose lines'
    // capacity spares a reallocation or two per transaction.
    std::vector<crm::SaleLine> lines = std::move(sale_.lines);
    lines.clear();
    sale_ = crm::Sale();
    sale_.lines = std::move(lines);
    sale_.sourceKey = key_;
    sale_.sourceFormat = "csv";
    bad_ = false;
    pendingRows_ = 0;
    headerDone_ = false;
  }

  std::optional<std::string> addLine() {
    const bool decimalComma = mapping_.decimalComma;
    if (!headerDone_) {
      headerDone_ = true;
      std::optional<DateTimeParts> day, stamp;
      if (columns_[static_cast<std::size_t>(CsvField::businessDay)] >= 0) {
        day = parseDateTime(get(CsvField::businessDay), mapping_.dateFormat);
        if (!day) return "business day '" + text(get(CsvField::businessDay)) + "' does not fit " + mapping_.dateFormat;
      }
      if (columns_[static_cast<std::size_t>(CsvField::timestamp)] >= 0) {
        stamp = parseDateTime(get(CsvField::timestamp), mapping_.timestampFormat);
        if (!stamp) return "timestamp '" + text(get(CsvField::timestamp)) + "' does not fit " + mapping_.timestampFormat;
      }
      if (stamp && stamp->year == 0) {  // a time of day: on the business day
        if (!day) return std::string("a time of day without a business day column");
        const DateTimeParts time = *stamp;
        stamp = *day;
        stamp->hour = time.hour;
        stamp->minute = time.minute;
        stamp->second = time.second;
      }
      sale_.businessDay = day ? day->day10() : stamp->day10();
      sale_.occurredAt = stamp ? stamp->isoTimestamp() : day->isoTimestamp();
      sale_.storeCode = optionalText(CsvField::store);
      sale_.workstation = optionalText(CsvField::workstation);
      sale_.operatorId = optionalText(CsvField::operatorId);
      sale_.currency = optionalText(CsvField::currency).value_or(mapping_.currency);
    }
    // Customer facts may sit on any line of the transaction: the first given wins.
    crm::CustomerCandidate& customer = sale_.customer;
    if (!customer.loyaltyId) customer.loyaltyId = optionalText(CsvField::loyaltyId);
    if (!customer.email) customer.email = optionalText(CsvField::email);
    if (!customer.phone) customer.phone = optionalText(CsvField::phone);
    if (!customer.name) customer.name = optionalText(CsvField::customerName);

    crm::SaleLine line;
    line.sku = optionalText(CsvField::sku);
    if (!line.sku) return std::string("no SKU");
    line.description = optionalText(CsvField::description);
    const auto quantity = parseQuantity(get(CsvField::quantity), decimalComma);
    if (!quantity) return "quantity '" + text(get(CsvField::quantity)) + "' is not a number";
    const auto amount = parseCents(get(CsvField::amount), decimalComma);
    if (!amount) return "amount '" + text(get(CsvField::amount)) + "' is not an amount";
    if (columns_[static_cast<std::size_t>(CsvField::unitPrice)] >= 0 && !trim(get(CsvField::unitPrice)).empty()) {
      line.unitPriceCents = parseCents(get(CsvField::unitPrice), decimalComma);
      if (!line.unitPriceCents) return "unit price '" + text(get(CsvField::unitPrice)) + "' is not an amount";
    }
    // What the goods cost the seller, for margins (ABC); exports that leave it out give lines
    // crm reports as uncosted.
    if (columns_[static_cast<std::size_t>(CsvField::cost)] >= 0 && !trim(get(CsvField::cost)).empty()) {
      line.costCents = parseCents(get(CsvField::cost), decimalComma);
      if (!line.costCents) return "cost '" + text(get(CsvField::cost)) + "' is not an amount";
    }
    bool isReturn = false;
    const std::string kind = Poco::toLower(text(trim(get(CsvField::kind))));
    if (!kind.empty()) {
      const bool sale = std::find(mapping_.saleWords.begin(), mapping_.saleWords.end(), kind) != mapping_.saleWords.end();
      isReturn = std::find(mapping_.returnWords.begin(), mapping_.returnWords.end(), kind) != mapping_.returnWords.end();
      if (!sale && !isReturn) return "kind '" + kind + "' is neither a sale nor a return word of the mapping";
    }
    // Returns are negative lines, whether the export signs them or only says "return".
    line.quantity = *quantity;
    line.amountCents = *amount;
    if (isReturn) {
      line.quantity = -std::abs(line.quantity);
      line.amountCents = -std::abs(line.amountCents);
      if (line.costCents) line.costCents = -std::abs(*line.costCents);
      line.returnReason = optionalText(CsvField::returnReason);
      line.disposalMethod = optionalText(CsvField::disposal);
    }
    line.serialNumber = optionalText(CsvField::serial);
    const auto total = addCents(sale_.totalCents, line.amountCents);
    if (!total) return std::string("the transaction's amounts add up beyond any amount");
    sale_.totalCents = *total;
    sale_.lines.push_back(std::move(line));
    return std::nullopt;
  }

  void rowRejected(std::uint32_t line, const std::string& raw, const std::string& reason) {
    sink_.reject({"line " + std::to_string(line), reason, raw, readable(raw)});
  }

  // The row as UTF-8 when the mapping decodes it into something else than its bytes (Latin-1);
  // the reject keeps the bytes too, so the row can be written out again exactly.
  std::string readable(const std::string& raw) const {
    std::string utf8 = text(raw);
    if (utf8 == raw) utf8.clear();
    return utf8;
  }

  void rejectTransaction(const std::string& reasonOfBadRow, std::uint32_t badLine, const std::string& reasonOfOthers) {
    for (std::size_t r = 0; r < pendingRows_; ++r) {
      const PendingRow& row = rows_[r];
      const std::string& reason = badLine == 0 || row.line == badLine ? reasonOfBadRow : reasonOfOthers;
      sink_.reject({"line " + std::to_string(row.line), reason, row.raw, readable(row.raw)});
    }
  }

  void finishTransaction() {
    if (bad_) {
      rejectTransaction(badReason_, badLine_,
                        "transaction " + key_ + " has a rejected row (line " + std::to_string(badLine_) +
                            "): its rows go together");
    } else {
      sale_.kind = std::all_of(sale_.lines.begin(), sale_.lines.end(), [](const crm::SaleLine& l) { return l.quantity < 0; })
                       ? "return"
                       : "sale";
      // What the ledger would refuse is rejected here, with the transaction's rows, so a refused
      // transaction is kept as whole as one with a bad row.
      if (auto refusal = crm::checkSale(sale_)) {
        rejectTransaction("transaction " + key_ + " refused: " + *refusal, 0, "");
      } else {
        sink_.sale(std::move(sale_), "line " + std::to_string(rows_.front().line));
      }
    }
    key_.clear();
  }

  const CsvMapping& mapping_;
  SaleSink& sink_;
  std::array<int, static_cast<std::size_t>(CsvField::count)> columns_;
  const std::vector<std::string>* fields_ = nullptr;
  std::size_t count_ = 0;

  std::string key_;
  crm::Sale sale_;
  bool headerDone_ = false;
  bool bad_ = false;
  std::uint32_t badLine_ = 0;
  std::string badReason_;
  std::vector<PendingRow> rows_;  // the first pendingRows_ belong to the transaction being read
  std::size_t pendingRows_ = 0;
  std::string rowKey_;
};

}  // namespace

void readCsv(const std::string& path, const CsvMapping& mapping, SaleSink& sink) {
  RecordReader reader(path, mapping.delimiter);
  CsvImport import(mapping, sink);
  std::vector<std::string> fields;
  std::size_t count = 0;
  std::string error;
  bool first = true;
  std::uint64_t lastReport = 0;
  while (reader.next(fields, count, error)) {
    if (first) {
      first = false;
      if (mapping.header) sink.header(reader.raw());
      if (!import.bindHeader(fields, mapping.header ? count : 0)) return;
      if (mapping.header) continue;
    }
    import.row(fields, count, reader.recordLine(), reader.raw(), error);
    if (reader.bytesConsumed() - lastReport >= (1u << 18)) {
      lastReport = reader.bytesConsumed();
      sink.progress(lastReport);
    }
  }
  import.finish();
  sink.progress(reader.bytesConsumed());
}

}  // namespace pos_import
