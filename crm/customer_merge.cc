#include "crm/customer_merge.h"

#include "crm/calendar.h"
#include "crm/customer_identity.h"
#include "store/dialect.h"
#include "store/timestamp.h"

#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace crm {
namespace {

Poco::Nullable<std::string> nullable(const std::optional<std::string>& value) {
  return value ? Poco::Nullable<std::string>(*value) : Poco::Nullable<std::string>();
}

// The customer behind a code, or the problem that says why it cannot take part in a merge.
Result<CustomerRef> mergeable(Poco::Data::Session& session, const std::string& code, const char* field) {
  const auto ref = findCustomerRef(session, code);
  if (!ref) return Problem{ProblemCode::unknown_customer, field, "no customer has code '" + code + "'"};
  if (!ref->customer) return Problem{ProblemCode::role_not_held, field, "'" + code + "' is not a customer"};
  return *ref;
}

Result<std::string> stampOf(const std::optional<std::string>& at) {
  if (!at) return store::currentTimestamp();
  if (const auto stored = storedTimestamp(*at)) return *stored;
  return Problem{ProblemCode::invalid_timestamp, "at", "'" + *at + "' is not an ISO-8601 UTC time or a day"};
}

}  // namespace

Result<MergeRecord> CustomerMerges::merge(store::Transaction& transaction, const std::string& survivorCode,
                                          const std::string& absorbedCode, const std::optional<std::string>& note,
                                          const std::optional<std::string>& at) {
  Poco::Data::Session& session = transaction.session();
  const auto stamp = stampOf(at);
  if (!stamp) return stamp.problems();
  const auto survivor = mergeable(session, survivorCode, "survivor");
  const auto absorbed = mergeable(session, absorbedCode, "absorbed");
  std::vector<Problem> problems;
  for (const auto* side : {&survivor, &absorbed}) {
    if (!side->ok()) problems.insert(problems.end(), side->problems().begin(), side->problems().end());
  }
  if (!problems.empty()) return problems;
  const CustomerRef& keep = survivor.value();
  const CustomerRef& gone = absorbed.value();
  if (keep.id == gone.id) {
    return Problem{ProblemCode::merge_into_itself, "absorbed", "a customer cannot be merged into itself"};
  }
  ensureProfile(transaction, keep.id);
  ensureProfile(transaction, gone.id);
  // Both rows locked until commit on PostgreSQL, so two merges of the same customers run one
  // after the other and the second sees the first (SQLite's BEGIN IMMEDIATE serialises already).
  const bool postgresql = store::sessionDialect(session) == store::Dialect::postgresql;
  std::vector<std::int64_t> ids;
  std::vector<Poco::Nullable<std::int64_t>> mergedInto;
  session << "SELECT party_id, merged_into FROM customer_profile WHERE party_id IN " + sqlIdList({keep.id, gone.id}) +
                 " ORDER BY party_id" + (postgresql ? " FOR UPDATE" : ""),
      into(ids), into(mergedInto), now;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (mergedInto[i].isNull()) continue;
    const auto into = findCustomerRef(session, mergedInto[i].value());
    const std::string target = into ? into->code : std::to_string(mergedInto[i].value());
    if (ids[i] == gone.id) {
      problems.push_back({ProblemCode::already_merged, "absorbed",
                          "'" + gone.code + "' is merged into '" + target + "' already; unmerge it first"});
    } else {
      problems.push_back({ProblemCode::merged_away, "survivor",
                          "'" + keep.code + "' is merged into '" + target + "'; merge into that one instead"});
    }
  }
  if (!problems.empty()) return problems;

  std::int64_t mergeId = 0;
  session << "INSERT INTO customer_merge (survivor_id, absorbed_id, merged_at, note) VALUES (?, ?, ?, ?) "
             "RETURNING merge_id",
      bind(keep.id), bind(gone.id), bind(stamp.value()), bind(nullable(note)), into(mergeId), now;
  // Those merged into the absorbed customer follow it, so identity stays one hop deep.
  session << "INSERT INTO customer_merge_member (merge_id, party_id) "
             "SELECT ?, party_id FROM customer_profile WHERE merged_into = ?",
      bind(mergeId), bind(gone.id), now;
  session << "UPDATE customer_profile SET merged_into = ? WHERE merged_into = ?", bind(keep.id), bind(gone.id), now;
  session << "UPDATE customer_profile SET merged_into = ?, merged_at = ? WHERE party_id = ?", bind(keep.id),
      bind(stamp.value()), bind(gone.id), now;
  return *find(mergeId);
}

Result<MergeRecord> CustomerMerges::unmerge(store::Transaction& transaction, const std::string& absorbedCode,
                                            const std::optional<std::string>& at) {
  Poco::Data::Session& session = transaction.session();
  const auto stamp = stampOf(at);
  if (!stamp) return stamp.problems();
  const auto absorbed = mergeable(session, absorbedCode, "customer");
  if (!absorbed) return absorbed.problems();
  const CustomerRef& gone = absorbed.value();
  const bool postgresql = store::sessionDialect(session) == store::Dialect::postgresql;
  std::vector<Poco::Nullable<std::int64_t>> current;
  session << std::string("SELECT merged_into FROM customer_profile WHERE party_id = ?") +
                 (postgresql ? " FOR UPDATE" : ""),
      bind(gone.id), into(current), now;
  std::vector<std::int64_t> mergeId;
  std::vector<std::string> mergedAt;
  session << "SELECT merge_id, merged_at FROM customer_merge WHERE absorbed_id = ? AND unmerged_at IS NULL",
      bind(gone.id), into(mergeId), into(mergedAt), now;
  if (current.empty() || current.front().isNull() || mergeId.empty()) {
    return Problem{ProblemCode::not_merged, "customer", "'" + gone.code + "' is not merged into another customer"};
  }
  if (stamp.value() < mergedAt.front()) {
    return Problem{ProblemCode::invalid_value, "at",
                   "the unmerge at " + stamp.value() + " would come before the merge at " + mergedAt.front()};
  }
  const std::int64_t standsFor = current.front().value();  // the survivor, or whom it merged into since
  const std::int64_t id = mergeId.front();
  session << "UPDATE customer_profile SET merged_into = NULL, merged_at = NULL WHERE party_id = ?", bind(gone.id), now;
  session << "UPDATE customer_profile SET merged_into = ? WHERE merged_into = ? AND party_id IN "
             "(SELECT party_id FROM customer_merge_member WHERE merge_id = ?)",
      bind(gone.id), bind(standsFor), bind(id), now;
  // The customer and its followers no longer follow any later merge of the survivor: undoing
  // that one later must not pull them back.
  session << "DELETE FROM customer_merge_member WHERE merge_id <> ? AND merge_id IN "
             "(SELECT merge_id FROM customer_merge WHERE unmerged_at IS NULL) AND (party_id = ? OR party_id IN "
             "(SELECT party_id FROM customer_profile WHERE merged_into = ?))",
      bind(id), bind(gone.id), bind(gone.id), now;
  session << "UPDATE customer_merge SET unmerged_at = ? WHERE merge_id = ?", bind(stamp.value()), bind(id), now;
  return *find(id);
}

std::optional<MergeRecord> CustomerMerges::find(std::int64_t mergeId) {
  std::vector<std::string> survivor, absorbed, mergedAt;
  std::vector<Poco::Nullable<std::string>> unmergedAt, note;
  session_ << "SELECT s.party_code, a.party_code, m.merged_at, m.unmerged_at, m.note FROM customer_merge m "
              "JOIN party s ON s.party_id = m.survivor_id JOIN party a ON a.party_id = m.absorbed_id "
              "WHERE m.merge_id = ?",
      bind(mergeId), into(survivor), into(absorbed), into(mergedAt), into(unmergedAt), into(note), now;
  if (survivor.empty()) return std::nullopt;
  MergeRecord record{mergeId, survivor[0], absorbed[0], mergedAt[0], {}, {}, {}};
  if (!unmergedAt[0].isNull()) record.unmergedAt = unmergedAt[0].value();
  if (!note[0].isNull()) record.note = note[0].value();
  session_ << "SELECT p.party_code FROM customer_merge_member f JOIN party p ON p.party_id = f.party_id "
              "WHERE f.merge_id = ? ORDER BY p.party_code",
      bind(mergeId), into(record.followerCodes), now;
  return record;
}

std::vector<MergeRecord> CustomerMerges::history(std::int64_t customerId) {
  std::vector<std::int64_t> ids;
  session_ << "SELECT merge_id FROM customer_merge WHERE survivor_id = ? OR absorbed_id = ? ORDER BY merged_at, merge_id",
      bind(customerId), bind(customerId), into(ids), now;
  std::vector<MergeRecord> records;
  for (std::int64_t id : ids) {
    if (auto record = find(id)) records.push_back(std::move(*record));
  }
  return records;
}

}  // namespace crm
