#include "exchange/interchange_store.h"

#include "csv/utf8.h"
#include "digest/sha256.h"
#include "exchange/interchange_header.h"
#include "store/bulk_inserter.h"
#include "store/timestamp.h"
#include "store/transaction.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include <cstring>
#include <functional>

using namespace Poco::Data::Keywords;

namespace exchange {
namespace {

// Chunks stay well under the 1 MiB the ODBC sessions fetch per field.
constexpr std::size_t kChunkBytes = 256 * 1024;

template <typename T>
Poco::Nullable<T> nullable(const std::optional<T>& value) {
  return value ? Poco::Nullable<T>(*value) : Poco::Nullable<T>();
}

Poco::Nullable<std::string> nonEmpty(const std::string& value) {
  return value.empty() ? Poco::Nullable<std::string>() : Poco::Nullable<std::string>(value);
}

template <typename T>
std::optional<T> optional(const Poco::Nullable<T>& value) {
  return value.isNull() ? std::nullopt : std::optional<T>(value.value());
}

const char* const kSelectInterchange =
    "SELECT interchange_id, direction, partner_id, standard, version, sender_id, receiver_id, control_number, "
    "file_name, byte_count, sha256, received_at, status, status_changed_at, error, attempts, answers_id, "
    "delivered_at FROM interchange";

struct InterchangeColumns {
  std::vector<std::int64_t> id, byteCount;
  std::vector<int> attempts;
  std::vector<std::string> direction, standard, sha256, receivedAt, status, statusChangedAt;
  std::vector<Poco::Nullable<std::int64_t>> partnerId, answersId;
  std::vector<Poco::Nullable<std::string>> version, sender, receiver, control, fileName, error, deliveredAt;

  void bindTo(Poco::Data::Statement& statement) {
    statement, into(id), into(direction), into(partnerId), into(standard), into(version), into(sender),
        into(receiver), into(control), into(fileName), into(byteCount), into(sha256), into(receivedAt), into(status),
        into(statusChangedAt), into(error), into(attempts), into(answersId), into(deliveredAt);
  }

  std::vector<InterchangeRecord> records() const {
    std::vector<InterchangeRecord> out(id.size());
    for (std::size_t i = 0; i < id.size(); ++i) {
      InterchangeRecord& r = out[i];
      r.id = id[i];
      r.direction = direction[i] == "outbound" ? Direction::outbound : Direction::inbound;
      r.partnerId = optional(partnerId[i]);
      r.header.standard = standard[i];
      r.header.version = optional(version[i]).value_or("");
      r.header.senderId = optional(sender[i]).value_or("");
      r.header.receiverId = optional(receiver[i]).value_or("");
      r.header.controlNumber = optional(control[i]).value_or("");
      r.fileName = optional(fileName[i]).value_or("");
      r.byteCount = byteCount[i];
      r.sha256 = sha256[i];
      r.receivedAt = receivedAt[i];
      r.status = interchangeStatusFromName(status[i]).value_or(InterchangeStatus::received);
      r.statusChangedAt = statusChangedAt[i];
      r.error = optional(error[i]);
      r.attempts = attempts[i];
      r.answersId = optional(answersId[i]);
      r.deliveredAt = optional(deliveredAt[i]);
    }
    return out;
  }
};

std::vector<InterchangeRecord> select(Poco::Data::Session& session, const std::string& where,
                                      const std::function<void(Poco::Data::Statement&)>& bindParameters) {
  InterchangeColumns columns;
  Poco::Data::Statement statement(session);
  statement << kSelectInterchange << where;
  bindParameters(statement);
  columns.bindTo(statement);
  statement.execute();
  return columns.records();
}

}  // namespace

KeepOutcome InterchangeStore::keepFile(Direction direction, std::optional<std::int64_t> partnerId,
                                       const std::string& path, const std::string& fileName,
                                       std::optional<std::int64_t> answersId) {
  edi::FileByteSource first(path);
  return keep(direction, partnerId, first, [&path] { return std::make_unique<edi::FileByteSource>(path); }, fileName,
              answersId);
}

KeepOutcome InterchangeStore::keepBytes(Direction direction, std::optional<std::int64_t> partnerId,
                                        const std::string& bytes, const std::string& fileName,
                                        std::optional<std::int64_t> answersId) {
  edi::MemoryByteSource first(bytes);
  return keep(direction, partnerId, first, [&bytes] { return std::make_unique<edi::MemoryByteSource>(bytes); },
              fileName, answersId);
}

KeepOutcome InterchangeStore::keep(Direction direction, std::optional<std::int64_t> partnerId,
                                   edi::ByteSource& content,
                                   const std::function<std::unique_ptr<edi::ByteSource>()>& reopen,
                                   const std::string& fileName, std::optional<std::int64_t> answersId) {
  // First pass: digest and size, so a duplicate is refused before anything is written.
  digest::Sha256 digest;
  std::string buffer(kChunkBytes, '\0');
  std::int64_t size = 0;
  while (const std::size_t n = content.read(buffer.data(), buffer.size())) {
    digest.update(buffer.data(), n);
    size += static_cast<std::int64_t>(n);
  }
  const std::string sha256 = digest.hex();
  InterchangeHeader header;
  {
    const auto source = reopen();
    header = readInterchangeHeader(*source);
  }

  Poco::Data::Session session = database_.session();
  if (auto duplicate = findDuplicate(session, direction, header, sha256)) return *duplicate;
  try {
    store::Transaction transaction(session);
    const std::string stamp = store::currentTimestamp();
    const std::string status = direction == Direction::inbound ? "received" : "sent";
    std::int64_t id = 0;
    session << "INSERT INTO interchange (direction, partner_id, standard, version, sender_id, receiver_id, "
               "control_number, file_name, byte_count, sha256, received_at, status, status_changed_at, answers_id) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING interchange_id",
        bind(std::string(directionName(direction))), bind(nullable(partnerId)), bind(header.standard),
        bind(nonEmpty(header.version)), bind(nonEmpty(header.senderId)), bind(nonEmpty(header.receiverId)),
        bind(nonEmpty(header.controlNumber)), bind(nonEmpty(csv::escapeInvalidUtf8(fileName))), bind(size),
        bind(sha256), bind(stamp),
        bind(status), bind(stamp), bind(nullable(answersId)), into(id), now;
    store::BulkInserter chunks(session, "interchange_chunk", {"interchange_id", "chunk_no", "bytes"});
    const auto source = reopen();
    std::int64_t chunk = 0;
    while (const std::size_t n = source->read(buffer.data(), buffer.size())) {
      chunks.add({id, chunk++, store::Bytes{buffer.substr(0, n)}});
    }
    chunks.flush();
    transaction.commit();
    return {id, false, ""};
  } catch (const Poco::Exception&) {
    // Another process kept the same file, or its own answer to the same interchange, meanwhile:
    // the unique indexes refused this copy.
    if (auto duplicate = findDuplicate(session, direction, header, sha256)) return *duplicate;
    if (answersId) {
      if (const auto answer = answerTo(*answersId)) return {answer->id, true, "an answer to the same interchange"};
    }
    throw;
  }
}

std::optional<KeepOutcome> InterchangeStore::findDuplicate(Poco::Data::Session& session, Direction direction,
                                                           const InterchangeHeader& header,
                                                           const std::string& sha256) {
  const std::string directionText = directionName(direction);
  std::vector<std::int64_t> ids;
  session << "SELECT interchange_id FROM interchange WHERE direction = ? AND sha256 = ?", bind(directionText),
      bind(sha256), into(ids), now;
  if (!ids.empty()) return KeepOutcome{ids.front(), true, "the same content"};
  if (header.controlNumber.empty()) return std::nullopt;
  if (direction == Direction::outbound) {
    // Our control numbers count per partner: only the same receiver makes a repeat.
    session << "SELECT interchange_id FROM interchange WHERE direction = ? AND standard = ? AND sender_id = ? "
               "AND receiver_id = ? AND control_number = ?",
        bind(directionText), bind(header.standard), bind(header.senderId), bind(header.receiverId),
        bind(header.controlNumber), into(ids), now;
    if (!ids.empty()) return KeepOutcome{ids.front(), true, "the same sender, receiver and control number"};
    return std::nullopt;
  }
  session << "SELECT interchange_id FROM interchange WHERE direction = ? AND standard = ? AND sender_id = ? "
             "AND control_number = ?",
      bind(directionText), bind(header.standard), bind(header.senderId), bind(header.controlNumber), into(ids), now;
  if (!ids.empty()) return KeepOutcome{ids.front(), true, "the same sender and control number"};
  return std::nullopt;
}

std::optional<InterchangeRecord> InterchangeStore::find(std::int64_t id) {
  Poco::Data::Session session = database_.session();
  auto found = select(session, " WHERE interchange_id = ?", [&id](Poco::Data::Statement& s) { s, bind(id); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<InterchangeRecord> InterchangeStore::answerTo(std::int64_t inboundId) {
  Poco::Data::Session session = database_.session();
  auto found = select(session, " WHERE answers_id = ?", [&inboundId](Poco::Data::Statement& s) { s, bind(inboundId); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<InterchangeRecord> InterchangeStore::list(const InterchangeFilter& filter) {
  Poco::Data::Session session = database_.session();
  std::string where = " WHERE 1 = 1";
  const std::string direction = filter.direction ? directionName(*filter.direction) : "";
  const std::string status = filter.status ? interchangeStatusName(*filter.status) : "";
  const std::int64_t partner = filter.partnerId.value_or(0);
  if (filter.direction) where += " AND direction = ?";
  if (filter.status) where += " AND status = ?";
  if (filter.partnerId) where += " AND partner_id = ?";
  where += " ORDER BY interchange_id DESC LIMIT " + std::to_string(filter.limit);
  return select(session, where, [&](Poco::Data::Statement& s) {
    if (filter.direction) s, bind(direction);
    if (filter.status) s, bind(status);
    if (filter.partnerId) s, bind(partner);
  });
}

void InterchangeStore::setStatus(std::int64_t id, InterchangeStatus status, const std::optional<std::string>& error,
                                 bool attempted) {
  Poco::Data::Session session = database_.session();
  store::Transaction transaction(session);
  setStatus(session, id, status, error, attempted);
  transaction.commit();
}

void InterchangeStore::setStatus(Poco::Data::Session& session, std::int64_t id, InterchangeStatus status,
                                 const std::optional<std::string>& error, bool attempted) {
  // Applied is final: a process that lost the race to apply (and is still validating) must not
  // move it back to valid and apply it again.
  session << "UPDATE interchange SET status = ?, status_changed_at = ?, error = ?, attempts = attempts + ? "
             "WHERE interchange_id = ? AND status <> 'applied'",
      bind(std::string(interchangeStatusName(status))), bind(store::currentTimestamp()),
      bind(nullable(error ? std::optional<std::string>(csv::escapeInvalidUtf8(*error)) : std::nullopt)),
      bind(attempted ? 1 : 0), bind(id), now;
}

bool InterchangeStore::claimForApply(Poco::Data::Session& session, std::int64_t id) {
  // An UPDATE takes the row lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already serialises
  // writers); the status read after it is the latest committed one.
  session << "UPDATE interchange SET attempts = attempts WHERE interchange_id = ?", bind(id), now;
  std::vector<std::string> status;
  session << "SELECT status FROM interchange WHERE interchange_id = ?", bind(id), into(status), now;
  return !status.empty() && status.front() != "applied";
}

std::vector<InterchangeRecord> InterchangeStore::undelivered(std::size_t limit) {
  Poco::Data::Session session = database_.session();
  return select(session,
                " WHERE direction = 'outbound' AND delivered_at IS NULL ORDER BY interchange_id LIMIT " +
                    std::to_string(limit),
                [](Poco::Data::Statement&) {});
}

void InterchangeStore::markDelivered(std::int64_t id) {
  Poco::Data::Session session = database_.session();
  session << "UPDATE interchange SET delivered_at = ? WHERE interchange_id = ?", bind(store::currentTimestamp()),
      bind(id), now;
}

void InterchangeStore::setPartner(std::int64_t id, std::int64_t partnerId) {
  Poco::Data::Session session = database_.session();
  session << "UPDATE interchange SET partner_id = ? WHERE interchange_id = ?", bind(partnerId), bind(id), now;
}

void InterchangeStore::recordDiagnostics(std::int64_t id, const edi::Diagnostics& diagnostics) {
  Poco::Data::Session session = database_.session();
  store::Transaction transaction(session);
  // Two processes validating one interchange take turns here (the row lock), or the second's
  // rows would collide with the first's.
  session << "UPDATE interchange SET attempts = attempts WHERE interchange_id = ?", bind(id), now;
  session << "DELETE FROM interchange_diagnostic WHERE interchange_id = ?", bind(id), now;
  store::BulkInserter rows(session, "interchange_diagnostic",
                           {"interchange_id", "seq", "severity", "code", "message", "line", "byte_offset",
                            "interchange_no", "group_no", "message_no", "segment_no", "segment_tag", "element_no",
                            "component_no"});
  std::int64_t seq = 0;
  const auto number = [](std::uint64_t n) -> store::Value {
    return n == 0 ? store::Value() : store::Value(static_cast<std::int64_t>(n));
  };
  for (const edi::Diagnostic& d : diagnostics.items()) {
    const edi::Location& w = d.where;
    // A message may quote a value and a tag may be junk: bytes that are not UTF-8 read as \xNN.
    rows.add({id, ++seq, std::string(d.severity == edi::Severity::error ? "error" : "warning"), d.code,
              csv::escapeInvalidUtf8(d.message), number(w.line), static_cast<std::int64_t>(w.offset),
              number(w.interchange), number(w.group), number(w.message),
              number(w.segmentInMessage ? w.segmentInMessage : w.segment),
              w.tag.empty() ? store::Value() : store::Value(csv::escapeInvalidUtf8(w.tag)), number(w.element),
              number(w.component)});
  }
  rows.flush();
  transaction.commit();
}

std::vector<edi::Diagnostic> InterchangeStore::diagnostics(std::int64_t id) {
  Poco::Data::Session session = database_.session();
  std::vector<std::string> severity, code, message;
  std::vector<Poco::Nullable<std::int64_t>> line, offset, interchange, group, messageNo, segment, element, component;
  std::vector<Poco::Nullable<std::string>> tag;
  session << "SELECT severity, code, message, line, byte_offset, interchange_no, group_no, message_no, segment_no, "
             "segment_tag, element_no, component_no FROM interchange_diagnostic WHERE interchange_id = ? ORDER BY seq",
      bind(id), into(severity), into(code), into(message), into(line), into(offset), into(interchange), into(group),
      into(messageNo), into(segment), into(tag), into(element), into(component), now;
  std::vector<edi::Diagnostic> out(severity.size());
  const auto value = [](const Poco::Nullable<std::int64_t>& n) {
    return n.isNull() ? 0u : static_cast<std::uint32_t>(n.value());
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    edi::Diagnostic& d = out[i];
    d.severity = severity[i] == "error" ? edi::Severity::error : edi::Severity::warning;
    d.code = code[i];
    d.message = message[i];
    d.where.line = value(line[i]);
    d.where.offset = offset[i].isNull() ? 0 : static_cast<std::uint64_t>(offset[i].value());
    d.where.interchange = value(interchange[i]);
    d.where.group = value(group[i]);
    d.where.message = value(messageNo[i]);
    d.where.segmentInMessage = value(segment[i]);
    d.where.tag = tag[i].isNull() ? "" : tag[i].value();
    d.where.element = value(element[i]);
    d.where.component = value(component[i]);
  }
  return out;
}

namespace {

// The kept bytes of one interchange, one chunk in memory at a time.
class StoredBytes : public edi::ByteSource {
 public:
  StoredBytes(Poco::Data::Session session, std::int64_t id) : session_(std::move(session)), id_(id) {}

  std::size_t read(char* buffer, std::size_t capacity) override {
    if (position_ == chunk_.size()) {
      std::vector<Poco::Data::BLOB> found;
      session_ << "SELECT bytes FROM interchange_chunk WHERE interchange_id = ? AND chunk_no = ?", bind(id_),
          bind(next_), into(found), now;
      if (found.empty()) return 0;
      ++next_;
      chunk_.assign(reinterpret_cast<const char*>(found.front().rawContent()), found.front().size());
      position_ = 0;
      if (chunk_.empty()) return read(buffer, capacity);
    }
    const std::size_t n = std::min(capacity, chunk_.size() - position_);
    std::memcpy(buffer, chunk_.data() + position_, n);
    position_ += n;
    return n;
  }

 private:
  Poco::Data::Session session_;
  std::int64_t id_;
  std::int64_t next_ = 0;
  std::string chunk_;
  std::size_t position_ = 0;
};

}  // namespace

std::string InterchangeStore::readAll(std::int64_t id) {
  const auto source = open(id);
  std::string bytes, buffer(64 * 1024, '\0');
  while (const std::size_t n = source->read(buffer.data(), buffer.size())) bytes.append(buffer, 0, n);
  return bytes;
}

std::unique_ptr<edi::ByteSource> InterchangeStore::open(std::int64_t id) {
  return std::make_unique<StoredBytes>(database_.session(), id);
}

}  // namespace exchange
